package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Removes spaces at the start and end of texts (cells that become empty are missing). */
public record TrimText(List<String> columns) implements RowOperation {

    public TrimText {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Trim spaces in " + Checks.list(columns);
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
    public void check() {
        Checks.notEmpty(columns, "trim");
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapText(rows, columns, "trimming", String::strip);
    }
}
