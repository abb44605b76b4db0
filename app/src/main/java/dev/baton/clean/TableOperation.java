package dev.baton.clean;

import dev.baton.data.Dataset;

/** A step that needs the whole table (filtering, de-duplication, sampling, sorting): it runs on training data only. */
public interface TableOperation extends Operation {

    @Override
    default boolean rowWise() {
        return false;
    }

    /** A copy holding the values this step needs from the data; itself if none. */
    default TableOperation fit(Dataset input) {
        return this;
    }

    /** The dataset after this step, using the fitted values. Throws {@link StepException} if it cannot apply. */
    Dataset apply(Dataset input);
}
