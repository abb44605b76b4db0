package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.Dataset;

import java.util.ArrayList;
import java.util.List;

/** Keeps only the chosen columns, in their current order. */
public record KeepColumns(List<String> columns) implements RowOperation {

    public KeepColumns {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Keep only " + (columns.size() == 1 ? "column " : columns.size() + " columns: ") + Checks.list(columns);
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return columns;
    }

    @Override
    public List<String> outputs() {
        return List.of(); // removes or moves columns, writes none
    }

    @Override
    public void check() {
        Checks.notEmpty(columns, "keep");
    }

    @Override
    public Dataset apply(Dataset input) {
        for (String c : columns) {
            if (!input.hasColumn(c)) {
                throw StepException.missingColumn(c);
            }
        }
        List<String> drop = new ArrayList<>(input.columnNames());
        drop.removeAll(columns);
        return Edit.of(input).drop(drop).build();
    }

    @Override
    public Batch apply(Batch rows) {
        columns.forEach(c -> Rows.column(rows, c));
        return rows.keeping(rows.names().stream().filter(columns::contains).toList());
    }
}
