package dev.baton.ui.data;

import dev.baton.data.ColumnType;
import it.unimi.dsi.fastutil.ints.IntArrays;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;


/** The order in which the table shows rows when sorted by one column; missing values always last. */
final class RowOrder {

    private RowOrder() {
    }

    static int[] natural(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Computes the permutation; called off the FX thread. */
    static int[] sortedBy(Table table, String columnName, ColumnType type, boolean ascending) {
        Column<?> column = table.column(columnName);
        int[] order = natural(table.rowCount());
        int sign = ascending ? 1 : -1;
        if (column instanceof NumericColumn<?> numeric) {
            double[] values = new double[table.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
            }
            IntArrays.parallelQuickSort(order, (a, b) -> {
                boolean ma = Double.isNaN(values[a]);
                boolean mb = Double.isNaN(values[b]);
                if (ma || mb) {
                    return ma == mb ? Integer.compare(a, b) : (ma ? 1 : -1);
                }
                int c = Double.compare(values[a], values[b]) * sign;
                return c != 0 ? c : Integer.compare(a, b);
            });
            return order;
        }
        if (type.isTemporal() || column instanceof tech.tablesaw.api.BooleanColumn) {
            IntArrays.parallelQuickSort(order, (a, b) -> {
                boolean ma = column.isMissing(a);
                boolean mb = column.isMissing(b);
                if (ma || mb) {
                    return ma == mb ? Integer.compare(a, b) : (ma ? 1 : -1);
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                int c = ((Comparable) column.get(a)).compareTo(column.get(b)) * sign;
                return c != 0 ? c : Integer.compare(a, b);
            });
            return order;
        }
        String[] keys = new String[table.rowCount()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = column.isMissing(i) ? null : column.getString(i);
        }
        IntArrays.parallelQuickSort(order, (a, b) -> {
            if (keys[a] == null || keys[b] == null) {
                return keys[a] == keys[b] ? Integer.compare(a, b) : (keys[a] == null ? 1 : -1);
            }
            int c = keys[a].compareToIgnoreCase(keys[b]);
            if (c == 0) {
                c = keys[a].compareTo(keys[b]);
            }
            c *= sign;
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }
}
