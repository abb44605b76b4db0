package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.ColumnType;

import java.util.List;

/** Converts a column to another type; values that do not fit become missing and are counted. */
public record ChangeType(String column, ColumnType type) implements RowOperation {

    @Override
    public String describe() {
        return "Change the type of " + column + " to " + (type == null ? "?" : type.label());
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
    public void check() {
        Checks.name(column, "the column");
        if (type == null) {
            throw new StepException(column, "choose the type to change " + column + " to");
        }
    }

    @Override
    public Batch apply(Batch rows) {
        dev.baton.batch.Column source = Rows.column(rows, column);
        java.util.List<String> texts = new java.util.ArrayList<>(rows.rows());
        for (int r = 0; r < rows.rows(); r++) {
            texts.add(source.text(r));
        }
        return rows.with(column, dev.baton.batch.Typing.column(texts, type, null, null), null);
    }
}
