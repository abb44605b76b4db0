package dev.baton.clean;

import dev.baton.data.Dataset;

/**
 * Fits and applies any recipe step to the workbench's table: whole-table steps by themselves, row-wise steps
 * through the same code that applies them to the rows a bundle scores ({@link TableRows}).
 */
public final class Steps {

    private Steps() {
    }

    /** The step with the values it learns from {@code input} (a median, the categories to keep); itself if none. */
    public static Operation fit(Operation op, Dataset input) {
        if (op instanceof TableOperation table) {
            return table.fit(input);
        }
        return RowFits.fit((RowOperation) op, input);
    }

    /** The dataset after the step; a step that should have been fitted and was not is fitted on {@code input} first. */
    public static Dataset apply(Operation op, Dataset input) {
        if (op instanceof TableOperation table) {
            return table.apply(input);
        }
        if (op instanceof FillMissing fill && !fill.rowWise()) {
            return FillFromNeighbours.apply(fill, input);
        }
        RowOperation row = (RowOperation) op;
        return TableRows.apply(row.hasFit() ? row : RowFits.fit(row, input), input);
    }
}
