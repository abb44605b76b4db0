package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Gives a column a new name. */
public record RenameColumn(String column, String to) implements RowOperation {

    @Override
    public String describe() {
        return "Rename " + column + " to " + to;
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public List<String> outputs() {
        return List.of(to);
    }

    @Override
    public void check() {
        Checks.name(column, "the column to rename");
        Checks.name(to, "the new name");
    }

    @Override
    public Batch apply(Batch rows) {
        Rows.column(rows, column);
        String target = to.strip();
        if (!column.equalsIgnoreCase(target)) {
            Rows.checkNewName(target, rows.names());
        }
        return rows.renamed(column, target);
    }
}
