package dev.baton.clean;

import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/** Removes rows with a missing value in any of the chosen columns (any column when none is chosen). */
public record DropMissingRows(List<String> columns) implements TableOperation {

    public DropMissingRows {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Remove rows with a missing value in " + (columns.isEmpty() ? "any column" : Checks.list(columns));
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public List<String> inputs() {
        return columns;
    }

    @Override
    public Dataset apply(Dataset input) {
        List<Column<?>> checked = new ArrayList<>();
        for (String c : columns.isEmpty() ? input.columnNames() : columns) {
            if (!input.hasColumn(c)) {
                throw StepException.missingColumn(c);
            }
            checked.add(input.column(c));
        }
        IntArrayList keep = new IntArrayList(input.rowCount());
        rows:
        for (int r = 0; r < input.rowCount(); r++) {
            for (Column<?> c : checked) {
                if (c.isMissing(r)) {
                    continue rows;
                }
            }
            keep.add(r);
        }
        return keep.size() == input.rowCount() ? input : Edit.rows(input, keep.toIntArray());
    }
}
