package dev.baton.clean;

import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.clean.expression.ValueType;
import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.List;

/** Keeps the rows where a condition holds (or removes them); rows where it is missing count as not holding. */
public record FilterRows(String condition, boolean remove) implements TableOperation {

    @Override
    public String describe() {
        return (remove ? "Remove" : "Keep only") + " rows where " + condition;
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public void check() {
        if (condition == null || condition.isBlank()) {
            throw new StepException(null, "the condition cannot be empty");
        }
    }

    @Override
    public Dataset apply(Dataset input) {
        Expression e;
        try {
            e = TableExpressions.compile(condition, input);
        } catch (ExpressionException ex) {
            throw new StepException(null, ex.getMessage());
        }
        if (e.type() != ValueType.BOOLEAN && e.type() != ValueType.ANY) {
            throw new StepException(null, "the condition \"" + condition + "\" must be true or false for each row, not a value");
        }
        IntArrayList keep = new IntArrayList();
        for (int r = 0; r < input.rowCount(); r++) {
            boolean holds = Boolean.TRUE.equals(e.evaluate(r));
            if (holds != remove) {
                keep.add(r);
            }
        }
        return keep.size() == input.rowCount() ? input : Edit.rows(input, keep.toIntArray());
    }
}
