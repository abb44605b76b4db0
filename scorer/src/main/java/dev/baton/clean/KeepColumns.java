package dev.baton.clean;

import dev.baton.batch.Batch;

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
    public Batch apply(Batch rows) {
        columns.forEach(c -> Rows.column(rows, c));
        return rows.keeping(rows.names().stream().filter(columns::contains).toList());
    }
}
