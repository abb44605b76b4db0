package dev.baton.clean;

import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import it.unimi.dsi.fastutil.ints.IntArrays;
import tech.tablesaw.columns.Column;

import java.util.List;

/** Sorts rows by a column (stable; missing values last). */
public record SortRows(String column, boolean descending) implements TableOperation {

    @Override
    public String describe() {
        return "Sort rows by " + column + (descending ? " (largest first)" : "");
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public boolean reordersRows() {
        return true;
    }

    @Override
    public void check() {
        Checks.name(column, "the column to sort by");
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Dataset apply(Dataset input) {
        if (!input.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        Column<?> c = input.column(column);
        int n = input.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int sign = descending ? -1 : 1;
        // Ties are broken by row number, so the (parallel, unstable) sort gives the stable order.
        if (input.type(column).isNumeric()) {
            // A stable radix sort of the row numbers by key; missing (NaN) sorts last, negated keys sort descending.
            double[] keys = new double[n];
            for (int r = 0; r < n; r++) {
                double v = Cells.number(c, r);
                keys[r] = Double.isNaN(v) ? Double.NaN : (v == 0 ? 0.0 : v * sign);
            }
            DoubleArrays.parallelRadixSortIndirect(order, keys, true);
        } else {
            Comparable[] keys = new Comparable[n];
            for (int r = 0; r < n; r++) {
                keys[r] = (Comparable) Cells.get(c, r);
            }
            IntArrays.parallelQuickSort(order, (a, b) -> {
                if (keys[a] == null || keys[b] == null) {
                    return keys[a] == keys[b] ? Integer.compare(a, b) : (keys[a] == null ? 1 : -1);
                }
                int cmp = keys[a].compareTo(keys[b]) * sign;
                return cmp != 0 ? cmp : Integer.compare(a, b);
            });
        }
        return Edit.rows(input, order);
    }
}
