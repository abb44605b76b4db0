package dev.baton.clean;

import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Removes repeated rows, keeping the first: rows equal in every column, or in the chosen key columns. */
public record RemoveDuplicates(List<String> columns) implements TableOperation {

    public RemoveDuplicates {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return columns.isEmpty() ? "Remove duplicate rows" : "Remove rows that repeat " + Checks.list(columns);
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
        List<Column<?>> keys = new ArrayList<>();
        for (String c : columns.isEmpty() ? input.columnNames() : columns) {
            if (!input.hasColumn(c)) {
                throw StepException.missingColumn(c);
            }
            keys.add(input.column(c));
        }
        Set<List<Object>> seen = new HashSet<>();
        IntArrayList keep = new IntArrayList(input.rowCount());
        Object[] row = new Object[keys.size()];
        for (int r = 0; r < input.rowCount(); r++) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Cells.get(keys.get(k), r);
            }
            if (seen.add(Arrays.asList(row.clone()))) {
                keep.add(r);
            }
        }
        return keep.size() == input.rowCount() ? input : Edit.rows(input, keep.toIntArray());
    }

    /** How many rows repeat an earlier one in every column; for the explore stage's duplicate alert. */
    public static int countDuplicates(Dataset input) {
        return input.rowCount() - new RemoveDuplicates(List.of()).apply(input).rowCount();
    }
}
