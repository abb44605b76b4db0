package dev.baton.util;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The time files say they were made: now, or the time in the environment variable SOURCE_DATE_EPOCH (seconds
 * since 1970, as reproducible-builds.org defines it) when it is set, so that two runs of the same project give
 * byte-identical reports.
 */
public final class SourceDate {

    public static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private SourceDate() {
    }

    public static Instant now() {
        Instant fixed = parse(System.getenv(VARIABLE));
        return fixed != null ? fixed : Instant.now();
    }

    /** The date of {@link #now()}: in UTC when SOURCE_DATE_EPOCH fixes it, so the machine's zone cannot change it. */
    public static LocalDate today() {
        Instant fixed = parse(System.getenv(VARIABLE));
        return fixed != null ? LocalDate.ofInstant(fixed, ZoneOffset.UTC) : LocalDate.now();
    }

    /** Null for null or blank; a clear error for anything but a whole number of seconds. */
    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new UserException(VARIABLE + " must be a whole number of seconds since 1970-01-01 (it is '" + value
                    + "'). Unset it to stamp files with the current time.");
        }
    }
}
