package dev.baton.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** Maps between Baton's column types and Tablesaw's column classes. */
public final class TablesawTypes {

    private TablesawTypes() {
    }

    /** The Baton type of a Tablesaw column; strings are categorical when few distinct values repeat. */
    public static ColumnType typeOf(Column<?> column) {
        if (column instanceof IntColumn || column instanceof LongColumn || column instanceof ShortColumn) {
            return ColumnType.INTEGER;
        }
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            return ColumnType.DECIMAL;
        }
        if (column instanceof BooleanColumn) {
            return ColumnType.BOOLEAN;
        }
        if (column instanceof DateColumn) {
            return ColumnType.DATE;
        }
        if (column instanceof DateTimeColumn) {
            return ColumnType.DATETIME;
        }
        if (column instanceof StringColumn strings) {
            int present = strings.size() - strings.countMissing();
            int distinct = strings.countUnique() - (strings.countMissing() > 0 ? 1 : 0);
            double averageLength = 0;
            int sampled = 0;
            for (int i = 0; i < strings.size() && sampled < 1000; i++) {
                if (!strings.isMissing(i)) {
                    averageLength += strings.get(i).length();
                    sampled++;
                }
            }
            averageLength = sampled == 0 ? 0 : averageLength / sampled;
            return CategoryRule.isCategorical(distinct, present, averageLength) ? ColumnType.CATEGORICAL : ColumnType.TEXT;
        }
        throw new IllegalArgumentException("Unsupported column class " + column.getClass().getSimpleName()
                + " for column '" + column.name() + "'");
    }

    /**
     * The column's dictionary when it stores each value once and a key per row, else null: Tablesaw drops the
     * dictionary (and its keys) of a column past 65,536 distinct values when more than half of them differ.
     */
    public static tech.tablesaw.columns.strings.DictionaryMap keyedDictionary(StringColumn column) {
        tech.tablesaw.columns.strings.DictionaryMap dictionary = column.getDictionary();
        return dictionary == null || dictionary instanceof tech.tablesaw.columns.strings.NullDictionaryMap ? null : dictionary;
    }

    /** Reads a numeric cell as a double; NaN when missing. */
    public static double number(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return Double.NaN;
        }
        if (column instanceof tech.tablesaw.api.NumericColumn<?> numeric) {
            return numeric.getDouble(row);
        }
        if (column instanceof BooleanColumn bool) {
            return bool.get(row) ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException("Column '" + column.name() + "' is not numeric");
    }
}
