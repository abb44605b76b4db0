package dev.baton.bundle;

import dev.baton.data.ColumnType;

/**
 * A column as the graph holds it between steps. A text column's case change and trim may be pending: its tensor
 * holds the texts as they came, and comparisons with known values allow for the change (see {@link RecipeOnnx#equalsLevel}).
 */
record GraphColumn(String tensor, boolean text, ColumnType type, String missing, Case pending, boolean trimmed) {

    GraphColumn(String tensor, boolean text, ColumnType type, String missing, Case pending) {
        this(tensor, text, type, missing, pending, false);
    }

    GraphColumn with(String newTensor) {
        return new GraphColumn(newTensor, text, type, missing, pending, trimmed);
    }

    /** Whether the tensor's texts are not yet what the steps made of them. */
    boolean changesPending() {
        return pending != Case.NONE || trimmed;
    }

    /** A case change not yet applied to a text column: comparisons ignore case instead. */
    enum Case { NONE, LOWER, UPPER }
}
