package dev.baton.spark;

import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.TextColumn;
import dev.baton.batch.Typing;
import dev.baton.data.ColumnType;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One field of a batch of Spark rows as a column of the contract's type, value by value: numbers stay numbers,
 * dates become days and timestamps milliseconds (Spark's timestamps are instants, taken in UTC as Baton's
 * date-times are), and text is read by the importer's rules. A value that cannot be of the type (a yes/no for a
 * number, a fraction for an integer, a nested value) is marked in {@code wrongKind}.
 */
final class SparkColumns {

    private SparkColumns() {
    }

    static Column column(List<Row> rows, int at, ColumnType type, String dateFormat, boolean[] wrongKind) {
        int n = rows.size();
        if (type.isString()) {
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                Object v = rows.get(r).get(at);
                if (v instanceof Number number) {
                    texts[r] = NumberColumn.number(number.doubleValue());
                } else if (v instanceof String || v instanceof Boolean || v instanceof LocalDate || v instanceof java.sql.Date) {
                    texts[r] = v.toString();
                } else if (v != null) {
                    wrongKind[r] = true;
                }
            }
            return new TextColumn(type, texts);
        }
        // Texts (a CSV read without a schema) are read as import reads them; typed values are taken as they are.
        List<String> texts = null;
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
            Object v = rows.get(r).get(at);
            values[r] = Double.NaN;
            if (v == null) {
                continue;
            }
            if (v instanceof String text) {
                if (texts == null) {
                    texts = new ArrayList<>(java.util.Collections.nCopies(n, null));
                }
                texts.set(r, text);
                continue;
            }
            double value = value(v, type);
            if (Double.isNaN(value)) {
                wrongKind[r] = true;
            }
            values[r] = value;
        }
        if (texts != null) {
            boolean[] failed = new boolean[n];
            double[] parsed = ((NumberColumn) Typing.column(texts, type, dateFormat, failed)).values();
            for (int r = 0; r < n; r++) {
                if (texts.get(r) != null) {
                    values[r] = parsed[r];
                    wrongKind[r] |= failed[r];
                }
            }
        }
        return new NumberColumn(type, values);
    }

    /** A typed Spark value as the contract type's number; NaN when it cannot be one. */
    private static double value(Object v, ColumnType type) {
        return switch (type) {
            case INTEGER -> {
                double d = number(v);
                yield d == Math.rint(d) ? d : Double.NaN;
            }
            case DECIMAL -> number(v);
            case BOOLEAN -> v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
            case DATE -> v instanceof java.sql.Date d ? d.toLocalDate().toEpochDay()
                    : v instanceof LocalDate d ? d.toEpochDay() : Double.NaN;
            case DATETIME -> v instanceof java.sql.Timestamp t ? t.getTime()
                    : v instanceof Instant i ? i.toEpochMilli()
                    : v instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC).toEpochMilli() : Double.NaN;
            default -> Double.NaN;
        };
    }

    private static double number(Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            double d = n.doubleValue();
            return Double.isInfinite(d) ? Double.NaN : d;
        }
        return Double.NaN;
    }
}
