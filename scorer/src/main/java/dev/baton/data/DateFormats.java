package dev.baton.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The date and date-time layouts that type inference recognises, in order of preference. */
final class DateFormats {

    /** A layout: parses a cell to the packed form of {@link PackedDates}, or returns {@link Long#MIN_VALUE}. */
    interface Pattern {
        long parse(byte[] data, int start, int end);

        String description();
    }

    static final List<Pattern> DATE_PATTERNS;
    static final List<Pattern> DATE_TIME_PATTERNS;

    static {
        List<Pattern> dates = new ArrayList<>();
        dates.add(new Pattern() {
            @Override
            public long parse(byte[] data, int start, int end) {
                int v = FastParse.parseIsoDate(data, start, end);
                return v == Integer.MIN_VALUE ? Long.MIN_VALUE : v;
            }

            @Override
            public String description() {
                return "yyyy-MM-dd";
            }
        });
        // Month first before day first: the common reading in the data Baton meets; the other is tried next.
        for (String p : List.of("uuuu/M/d", "M/d/uuuu", "d/M/uuuu", "d.M.uuuu", "d-M-uuuu", "d-MMM-uuuu",
                "d MMM uuuu", "MMM d, uuuu", "d MMMM uuuu", "MMMM d, uuuu", "M/d/yy")) {
            dates.add(new DatePattern(p));
        }
        DATE_PATTERNS = List.copyOf(dates);

        List<Pattern> dateTimes = new ArrayList<>();
        // ISO with either 'T' or a space between date and time.
        DateTimeFormatter iso = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart().appendLiteral('T').optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd()
                .append(DateTimeFormatter.ISO_LOCAL_TIME)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        dateTimes.add(new DateTimePattern("yyyy-MM-dd HH:mm:ss", iso) {
            @Override
            public long parse(byte[] data, int start, int end) {
                // The common forms without java.time's parser, which copies a map per optional section: the rest as before.
                long fast = FastParse.parseIsoDateTime(data, start, end);
                return fast != Long.MIN_VALUE ? fast : super.parse(data, start, end);
            }
        });
        dateTimes.add(new OffsetDateTimePattern());
        for (String p : List.of("uuuu/M/d H:mm[:ss]", "M/d/uuuu H:mm[:ss]", "d/M/uuuu H:mm[:ss]",
                "M/d/uuuu h:mm[:ss] a", "d.M.uuuu H:mm[:ss]", "M/d/yy H:mm[:ss]")) {
            dateTimes.add(new DateTimePattern(p, formatter(p)));
        }
        DATE_TIME_PATTERNS = List.copyOf(dateTimes);
    }

    private DateFormats() {
    }

    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Every layout starts with a digit or a month name and holds at least two digits: a cheap test that spares
     * most non-dates the exception a failed parse throws (exceptions made type inference several times slower).
     */
    private static boolean plausible(String text) {
        if (text.length() < 6) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= 2 && (Character.isDigit(text.charAt(0)) || Character.isLetter(text.charAt(0)));
    }

    private static String text(byte[] data, int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8).trim();
    }

    private static final class DatePattern implements Pattern {
        private final String pattern;
        private final DateTimeFormatter formatter;

        DatePattern(String pattern) {
            this.pattern = pattern;
            this.formatter = formatter(pattern);
        }

        @Override
        public long parse(byte[] data, int start, int end) {
            if (end - start > 40) {
                return Long.MIN_VALUE;
            }
            String text = text(data, start, end);
            if (!plausible(text)) {
                return Long.MIN_VALUE;
            }
            try {
                return PackedDates.date(LocalDate.parse(text, formatter));
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }

        @Override
        public String description() {
            return pattern.replace('u', 'y');
        }
    }

    private static class DateTimePattern implements Pattern {
        private final String description;
        private final DateTimeFormatter formatter;

        DateTimePattern(String description, DateTimeFormatter formatter) {
            this.description = description;
            this.formatter = formatter;
        }

        @Override
        public long parse(byte[] data, int start, int end) {
            if (end - start > 60) {
                return Long.MIN_VALUE;
            }
            String text = text(data, start, end);
            if (!plausible(text)) {
                return Long.MIN_VALUE;
            }
            try {
                return PackedDates.dateTime(LocalDateTime.parse(text, formatter));
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }

        @Override
        public String description() {
            return description.replace('u', 'y');
        }
    }

    /** ISO date-times with a zone offset or Z, kept as the same instant in UTC. */
    private static final class OffsetDateTimePattern implements Pattern {
        @Override
        public long parse(byte[] data, int start, int end) {
            if (end - start > 60) {
                return Long.MIN_VALUE;
            }
            String text = text(data, start, end);
            if (!plausible(text)) {
                return Long.MIN_VALUE;
            }
            try {
                OffsetDateTime value = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return PackedDates.dateTime(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }

        @Override
        public String description() {
            return "yyyy-MM-ddTHH:mm:ssZ (as UTC)";
        }
    }
}
