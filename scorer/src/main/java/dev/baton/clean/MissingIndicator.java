package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.ColumnType;

import java.util.List;

/** Adds a true/false column saying where a column was missing (before it is filled). */
public record MissingIndicator(String column, String into) implements RowOperation {

    @Override
    public String describe() {
        return "Add " + target() + ": true where " + column + " is missing";
    }

    private String target() {
        return into == null || into.isBlank() ? column + "_was_missing" : into.strip();
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
        return List.of(target());
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
    }

    @Override
    public Batch apply(Batch rows) {
        dev.baton.batch.Column source = Rows.column(rows, column);
        double[] flags = new double[rows.rows()];
        for (int r = 0; r < flags.length; r++) {
            flags[r] = source.isMissing(r) ? 1 : 0;
        }
        return Rows.add(rows, target(), new dev.baton.batch.NumberColumn(ColumnType.BOOLEAN, flags), column);
    }
}
