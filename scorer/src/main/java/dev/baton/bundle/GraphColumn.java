package dev.baton.bundle;

import dev.baton.data.ColumnType;

/**
 * A column as the graph holds it between steps. A text column's case change, trim and cut to its first word may be
 * pending: its tensor holds the texts as they came, and comparisons with known values allow for the change (see
 * {@link TextLevels#equalsLevel}).
 */
record GraphColumn(String tensor, boolean text, ColumnType type, String missing, Case pending, boolean trimmed, boolean firstWord) {

    GraphColumn(String tensor, boolean text, ColumnType type, String missing, Case pending, boolean trimmed) {
        this(tensor, text, type, missing, pending, trimmed, false);
    }

    GraphColumn(String tensor, boolean text, ColumnType type, String missing, Case pending) {
        this(tensor, text, type, missing, pending, false, false);
    }

    GraphColumn with(String newTensor) {
        return new GraphColumn(newTensor, text, type, missing, pending, trimmed, firstWord);
    }

    /** The same texts with a case change pending as well. */
    GraphColumn withCase(Case change) {
        return new GraphColumn(tensor, text, type, missing, change, trimmed, firstWord);
    }

    /** The same texts stripped as well; {@code newMissing} counts the blank ones. */
    GraphColumn withTrim(String newMissing) {
        return new GraphColumn(tensor, text, type, newMissing, pending, true, firstWord);
    }

    /** Whether the tensor's texts are not yet what the steps made of them. */
    boolean changesPending() {
        return pending != Case.NONE || trimmed || firstWord;
    }

    /** A case change not yet applied to a text column: comparisons ignore case instead. */
    enum Case { NONE, LOWER, UPPER }
}
