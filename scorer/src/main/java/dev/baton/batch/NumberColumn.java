package dev.baton.batch;

import dev.baton.data.ColumnType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A column of numbers: integers and decimals as they are, booleans as 1 and 0, dates as days since 1970-01-01,
 * date-times as milliseconds since 1970-01-01T00:00 (UTC, no zone). NaN is missing. The array is not copied:
 * a column is never changed once it is in a batch.
 */
public record NumberColumn(ColumnType type, double[] values) implements Column {

    public NumberColumn {
        if (type.isString()) {
            throw new IllegalArgumentException("a number column cannot be " + type.label());
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    public double get(int row) {
        return values[row];
    }

    /** The cell as a value: Double, Boolean, LocalDate or LocalDateTime; null when missing. */
    public Object value(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> v != 0;
            case DATE -> LocalDate.ofEpochDay((long) v);
            case DATETIME -> dateTime(v);
            default -> v;
        };
    }

    @Override
    public String text(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> v != 0 ? "true" : "false";
            case DATE -> LocalDate.ofEpochDay((long) v).toString();
            case DATETIME -> dateTime(v).toString();
            default -> number(v);
        };
    }

    /** A number as import reads it back: whole numbers without a fraction, others in full. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public static LocalDateTime dateTime(double millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli((long) millis), ZoneOffset.UTC);
    }

    public static double millis(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
