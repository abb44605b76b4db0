package dev.baton.clean;

import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.ints.IntArrays;
import tech.tablesaw.columns.Column;

import java.util.List;

/** Sorts rows by a column (stable; missing values last). */
public record SortRows(String column, boolean descending) implements Operation {

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
        Comparable[] keys = new Comparable[n];
        for (int r = 0; r < n; r++) {
            keys[r] = (Comparable) Cells.get(c, r);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int sign = descending ? -1 : 1;
        IntArrays.stableSort(order, (a, b) -> {
            if (keys[a] == null || keys[b] == null) {
                return keys[a] == keys[b] ? 0 : (keys[a] == null ? 1 : -1);
            }
            return keys[a].compareTo(keys[b]) * sign;
        });
        return Edit.rows(input, order);
    }
}
