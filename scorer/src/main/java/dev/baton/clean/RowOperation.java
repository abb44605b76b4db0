package dev.baton.clean;

import dev.baton.batch.Batch;

/**
 * A step that transforms each row on its own, so it also applies to the rows a bundle scores: besides the
 * workbench's table it applies to a {@link Batch}, with its fitted values and the same per-cell rules.
 */
public interface RowOperation extends Operation {

    @Override
    default boolean rowWise() {
        return true;
    }

    /** The rows after this step, using its fitted values. Throws {@link StepException} if it cannot apply. */
    Batch apply(Batch rows);
}
