package dev.baton.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The packed form Baton's date parsers give (the one Tablesaw stores, so import needs no conversion): a date as
 * {@code year << 16 | month << 8 | day}, a date-time as the packed date in the high 32 bits and
 * {@code hour << 24 | minute << 16 | second * 1000 + millisecond} in the low. Plain arithmetic, so the scorer
 * reads dates without a table library.
 */
public final class PackedDates {

    private PackedDates() {
    }

    public static int date(int year, int month, int day) {
        return year << 16 | month << 8 | day;
    }

    public static int date(LocalDate d) {
        return date(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public static long dateTime(LocalDateTime t) {
        int time = t.getHour() << 24 | t.getMinute() << 16 | (t.getSecond() * 1000 + t.getNano() / 1_000_000);
        return (long) date(t.toLocalDate()) << 32 | (time & 0xFFFF_FFFFL);
    }

    public static LocalDate toDate(int packed) {
        return LocalDate.of(packed >> 16, packed >> 8 & 0xFF, packed & 0xFF);
    }

    public static LocalDateTime toDateTime(long packed) {
        int time = (int) packed;
        int millis = time & 0xFFFF;
        return toDate((int) (packed >> 32)).atTime(time >>> 24, time >> 16 & 0xFF, millis / 1000, millis % 1000 * 1_000_000);
    }

    /** Days since 1970-01-01. */
    public static long epochDay(int packed) {
        return toDate(packed).toEpochDay();
    }

    /** Milliseconds since 1970-01-01T00:00, the date-time read as UTC. */
    public static long epochMillis(long packed) {
        return toDateTime(packed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
