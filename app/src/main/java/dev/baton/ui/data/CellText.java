package dev.baton.ui.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;

/** How a cell reads in the table and when copied: numbers in full (no rounding), missing as null. */
public final class CellText {

    private CellText() {
    }

    /** The cell's text, or null when it is missing. */
    public static String of(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn<?> numeric && !(column instanceof tech.tablesaw.api.IntColumn)
                && !(column instanceof tech.tablesaw.api.LongColumn)) {
            return number(numeric.getDouble(row));
        }
        if (column instanceof BooleanColumn bool) {
            return bool.get(row) ? "true" : "false";
        }
        return column.getString(row);
    }

    public static String number(double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.contains("E") && Math.abs(d) >= 1e-4 && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return s;
    }
}
