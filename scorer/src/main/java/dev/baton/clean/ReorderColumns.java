package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Puts the listed columns first, in this order; the others keep their order after them. */
public record ReorderColumns(List<String> order) implements RowOperation {

    public ReorderColumns {
        order = order == null ? List.of() : List.copyOf(order);
    }

    @Override
    public String describe() {
        return "Reorder columns: " + Checks.list(order) + " first";
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return order;
    }

    @Override
    public List<String> outputs() {
        return List.of(); // removes or moves columns, writes none
    }

    @Override
    public void check() {
        Checks.notEmpty(order, "reorder");
        if (order.stream().distinct().count() != order.size()) {
            throw new StepException(null, "a column is listed twice in the new order");
        }
    }

    @Override
    public Batch apply(Batch rows) {
        order.forEach(c -> Rows.column(rows, c));
        return rows.reordered(order);
    }
}
