package dev.baton.data;

/** What to do with rows whose number of fields differs from the header's. */
public enum RaggedRows {
    /** Stop and tell the user which lines are ragged (the default: nothing is dropped silently). */
    ERROR,
    /** Short rows get missing values for the absent fields; extra fields of long rows are dropped. */
    PAD,
    /** Leave ragged rows out. */
    SKIP
}
