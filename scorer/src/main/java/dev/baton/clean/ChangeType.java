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
        if (source.type().isNumeric() && type.isNumeric()) {
            return rows.with(column, numbers((dev.baton.batch.NumberColumn) source), null);
        }
        java.util.List<String> texts = new java.util.ArrayList<>(rows.rows());
        for (int r = 0; r < rows.rows(); r++) {
            texts.add(source.text(r));
        }
        return rows.with(column, dev.baton.batch.Typing.column(texts, type, null, null), null);
    }

    /**
     * Numbers to integers or decimals without a detour through text, with the same result: a decimal becomes an
     * integer only when it is whole and written without an exponent (below 10^15), else it is a value that does not fit.
     */
    private dev.baton.batch.NumberColumn numbers(dev.baton.batch.NumberColumn source) {
        double[] v = source.values();
        if (type == ColumnType.DECIMAL) {
            return new dev.baton.batch.NumberColumn(type, v);
        }
        double[] out = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            out[r] = v[r] == Math.rint(v[r]) && Math.abs(v[r]) < 1e15 ? v[r] : Double.NaN;
        }
        return new dev.baton.batch.NumberColumn(type, out);
    }
}
