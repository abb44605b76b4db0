package dev.baton.clean;

import dev.baton.data.ColumnType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Reading and building cells as plain values: Double, String, Boolean, LocalDate, LocalDateTime; null when missing. */
final class Cells {

    private Cells() {
    }

    static Object get(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn<?> n) {
            return n.getDouble(row);
        }
        if (column instanceof StringColumn s) {
            return s.get(row);
        }
        return column.get(row);
    }

    static double number(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        return ((NumericColumn<?>) column).getDouble(row);
    }

    /** A new empty column of the Tablesaw class for a Baton type. */
    static Column<?> empty(String name, ColumnType type) {
        return switch (type) {
            case INTEGER -> IntColumn.create(name);
            case DECIMAL -> DoubleColumn.create(name);
            case BOOLEAN -> BooleanColumn.create(name);
            case DATE -> DateColumn.create(name);
            case DATETIME -> DateTimeColumn.create(name);
            case CATEGORICAL, TEXT -> StringColumn.create(name);
        };
    }

    /** Appends a value; numbers are rounded into integer columns only when whole. */
    static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
            return;
        }
        if (column instanceof IntColumn ints) {
            double d = ((Number) value).doubleValue();
            ints.append((int) d);
        } else if (column instanceof LongColumn longs) {
            longs.append(((Number) value).longValue());
        } else if (column instanceof DoubleColumn doubles) {
            doubles.append(((Number) value).doubleValue());
        } else if (column instanceof BooleanColumn bools) {
            bools.append((Boolean) value);
        } else if (column instanceof DateColumn dates) {
            dates.append(value instanceof LocalDateTime dt ? dt.toLocalDate() : (LocalDate) value);
        } else if (column instanceof DateTimeColumn times) {
            times.append(value instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) value);
        } else if (column instanceof StringColumn strings) {
            strings.append(value instanceof String s ? s : Rows.text(value));
        } else {
            throw new IllegalArgumentException("cannot append to " + column.getClass().getSimpleName());
        }
    }

    /** A double column from values, NaN meaning missing. */
    static DoubleColumn doubles(String name, double[] values) {
        return DoubleColumn.create(name, values);
    }

    /** The same kind of numeric column as the source: integer columns stay integer when every value is whole. */
    static Column<?> numbersLike(Column<?> source, String name, double[] values) {
        if (source instanceof IntColumn || source instanceof LongColumn) {
            boolean whole = true;
            for (double v : values) {
                if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
                    whole = false;
                    break;
                }
            }
            if (whole) {
                int[] ints = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    ints[i] = Double.isNaN(values[i]) ? Integer.MIN_VALUE : (int) values[i];
                }
                return IntColumn.create(name, ints);
            }
        }
        return DoubleColumn.create(name, values);
    }

    static ColumnType numericTypeOf(Column<?> column) {
        return column instanceof IntColumn || column instanceof LongColumn ? ColumnType.INTEGER : ColumnType.DECIMAL;
    }
}
