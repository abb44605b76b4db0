package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.TextColumn;
import dev.baton.data.ColumnType;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/** What the row-wise steps share on a {@link Batch}: the column checks of {@link Checks}, and per-cell maps as TextMap and NumberMap do them. */
final class Rows {

    private Rows() {
    }

    static Column column(Batch rows, String column) {
        Column c = rows.column(column);
        if (c == null) {
            throw StepException.missingColumn(column);
        }
        return c;
    }

    static TextColumn text(Batch rows, String column, String operation) {
        Column c = column(rows, column);
        if (c instanceof TextColumn t) {
            return t;
        }
        throw new StepException(column, "'" + column + "' holds " + c.type().label() + " values; " + operation + " needs text");
    }

    static NumberColumn numeric(Batch rows, String column, String operation) {
        Column c = column(rows, column);
        if (c instanceof NumberColumn n && c.type().isNumeric()) {
            return n;
        }
        throw new StepException(column, "'" + column + "' holds " + c.type().label() + " values; " + operation + " needs numbers");
    }

    static NumberColumn temporal(Batch rows, String column, String operation) {
        Column c = column(rows, column);
        if (c instanceof NumberColumn n && c.type().isTemporal()) {
            return n;
        }
        throw new StepException(column, "'" + column + "' holds " + c.type().label() + " values; " + operation + " needs dates");
    }

    /** The batch with a new column after {@code after}; its name must be new. */
    static Batch add(Batch rows, String name, Column column, String after) {
        checkNewName(name, rows.names());
        return rows.with(name, column, after);
    }

    /** A text function applied to every filled cell of text columns, once per distinct value; the results typed anew. */
    static Batch mapText(Batch rows, Iterable<String> columns, String operation, UnaryOperator<String> f) {
        Batch out = rows;
        for (String c : columns) {
            out = out.with(c, mapText(text(rows, c, operation), f), null);
        }
        return out;
    }

    static TextColumn mapText(TextColumn source, UnaryOperator<String> f) {
        Map<String, String> cache = new HashMap<>();
        String[] out = new String[source.size()];
        for (int r = 0; r < out.length; r++) {
            String v = source.get(r);
            out[r] = v == null ? null : cache.computeIfAbsent(v, f);
        }
        return texts(out);
    }

    /** A function of every filled number (NaN and infinite results are missing), into {@code into} or in place. */
    static Batch mapNumbers(Batch rows, String column, String into, String operation, boolean keepIntegers, DoubleUnaryOperator f) {
        NumberColumn source = numeric(rows, column, operation);
        double[] values = new double[source.size()];
        for (int r = 0; r < values.length; r++) {
            double v = source.get(r);
            values[r] = Double.isNaN(v) ? Double.NaN : f.applyAsDouble(v);
            if (Double.isInfinite(values[r])) {
                values[r] = Double.NaN;
            }
        }
        NumberColumn out = new NumberColumn(keepIntegers ? numbersLike(source.type(), values) : ColumnType.DECIMAL, values);
        String name = into == null || into.isBlank() ? column : into.strip();
        return name.equals(column) ? rows.with(column, out, null) : add(rows, name, out, column);
    }

    /** Integers stay integer when every value is whole (as {@link Cells#numbersLike} keeps them). */
    static ColumnType numbersLike(ColumnType source, double[] values) {
        if (source != ColumnType.INTEGER) {
            return ColumnType.DECIMAL;
        }
        for (double v : values) {
            if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
                return ColumnType.DECIMAL;
            }
        }
        return ColumnType.INTEGER;
    }

    /** Categorical or text by the rule import uses (few distinct values that repeat), judged on these values. */
    static ColumnType stringType(String[] values) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        long present = 0;
        double length = 0;
        int sampled = 0;
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            present++;
            distinct.add(v);
            if (sampled < 1000) {
                length += v.length();
                sampled++;
            }
        }
        return dev.baton.data.CategoryRule.isCategorical(distinct.size(), present, sampled == 0 ? 0 : length / sampled)
                ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }

    static TextColumn texts(String[] values) {
        return new TextColumn(stringType(values), values);
    }

    /** A value as text: whole numbers without a fraction, others as Java writes them. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }

    /** A new column's name must be given and differ from every existing one in more than case. */
    static void checkNewName(String name, java.util.Collection<String> existingNames) {
        if (name == null || name.isBlank()) {
            throw new StepException(name, "a column name cannot be empty");
        }
        for (String existing : existingNames) {
            if (existing.toLowerCase(java.util.Locale.ROOT).equals(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new StepException(name, "there is already a column '" + existing + "' (names must differ in more than case)");
            }
        }
    }
}
