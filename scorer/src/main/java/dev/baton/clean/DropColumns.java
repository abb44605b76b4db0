package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Removes columns. */
public record DropColumns(List<String> columns) implements RowOperation {

    public DropColumns {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Drop " + (columns.size() == 1 ? "column " : columns.size() + " columns: ") + Checks.list(columns);
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
        Checks.notEmpty(columns, "drop");
    }

    @Override
    public Batch apply(Batch rows) {
        columns.forEach(c -> Rows.column(rows, c));
        return rows.without(columns);
    }
}
