package dev.baton.clean;

import dev.baton.data.Dataset;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a step changed: rows before and after, columns added and removed, and (when the rows stay the same)
 * how many cells and rows differ. Columns the step passed through unchanged are shared, so they cost nothing.
 */
public record Change(int rowsBefore, int rowsAfter, List<String> added, List<String> removed, long cellsChanged,
                     int rowsChanged, List<Integer> sampleRows, java.util.Map<String, String> renamed) {

    /** For steps that only reorder rows. */
    public static Change reordered(Dataset before, Dataset after) {
        return new Change(before.rowCount(), after.rowCount(), List.of(), List.of(), 0, 0, List.of(), java.util.Map.of());
    }

    public static Change between(Dataset before, Dataset after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String c : after.columnNames()) {
            if (!before.hasColumn(c)) {
                added.add(c);
            }
        }
        for (String c : before.columnNames()) {
            if (!after.hasColumn(c)) {
                removed.add(c);
            }
        }
        if (before.rowCount() != after.rowCount()) {
            int gone = Math.abs(before.rowCount() - after.rowCount());
            return new Change(before.rowCount(), after.rowCount(), added, removed, (long) gone * before.columnCount(), gone, List.of(),
                    java.util.Map.of());
        }
        int rows = after.rowCount();
        boolean[] changed = new boolean[rows];
        long cells = 0;
        java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
        for (String c : after.columnNames()) {
            Column<?> now = after.table().column(c);
            Column<?> was = before.hasColumn(c) ? before.table().column(c) : renamedFrom(before, removed, now);
            if (!before.hasColumn(c) && was != null) {
                renamed.put(was.name(), c);
            }
            if (was == now) {
                continue;
            }
            for (int r = 0; r < rows; r++) {
                boolean differs = was == null ? !now.isMissing(r) : !same(was, now, r);
                if (differs) {
                    cells++;
                    changed[r] = true;
                }
            }
        }
        int rowsChanged = 0;
        List<Integer> sample = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (changed[r]) {
                rowsChanged++;
                if (sample.size() < 8) {
                    sample.add(r);
                }
            }
        }
        added.removeAll(renamed.values());
        removed.removeAll(renamed.keySet());
        return new Change(before.rowCount(), rows, added, removed, cells, rowsChanged, sample, renamed);
    }

    /** Whether two columns hold the same value in a row, without boxing for the common column classes. */
    static boolean same(Column<?> a, Column<?> b, int r) {
        boolean ma = a.isMissing(r);
        boolean mb = b.isMissing(r);
        if (ma || mb) {
            return ma == mb;
        }
        if (a instanceof tech.tablesaw.api.NumericColumn<?> na && b instanceof tech.tablesaw.api.NumericColumn<?> nb) {
            return na.getDouble(r) == nb.getDouble(r);
        }
        if (a instanceof tech.tablesaw.api.StringColumn sa && b instanceof tech.tablesaw.api.StringColumn sb) {
            return sa.get(r).equals(sb.get(r));
        }
        return Objects.equals(Cells.get(a, r), Cells.get(b, r));
    }

    /** A removed column with the same values as an added one: a rename, which changes no cell. */
    private static Column<?> renamedFrom(Dataset before, List<String> removed, Column<?> now) {
        for (String r : removed) {
            Column<?> candidate = before.table().column(r);
            if (candidate.size() == now.size() && candidate.getClass() == now.getClass()) {
                boolean same = true;
                for (int i = 0; i < now.size() && same; i++) {
                    same = same(candidate, now, i);
                }
                if (same) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** A short summary: "2 cells in 2 rows changed", "12 rows removed", "added year". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (rowsAfter < rowsBefore) {
            parts.add(String.format("%,d row%s removed", rowsBefore - rowsAfter, rowsBefore - rowsAfter == 1 ? "" : "s"));
        } else if (rowsAfter == rowsBefore && cellsChanged > 0) {
            parts.add(String.format("%,d cell%s in %,d row%s changed", cellsChanged, cellsChanged == 1 ? "" : "s",
                    rowsChanged, rowsChanged == 1 ? "" : "s"));
        } else if (rowsAfter == rowsBefore && rowsChanged == 0 && added.isEmpty() && removed.isEmpty() && renamed.isEmpty()) {
            parts.add("no cell changed");
        }
        renamed.forEach((from, to) -> parts.add("renamed " + from + " to " + to));
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return String.join("; ", parts);
    }
}
