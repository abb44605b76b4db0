package dev.baton.clean;

import dev.baton.util.UserException;

/** A step that cannot apply to the data it meets: which column, and why, in words the user can act on. */
public class StepException extends UserException {

    private final String column;

    public StepException(String column, String message) {
        super(message);
        this.column = column;
    }

    /** The column the problem is about, or null. */
    public String column() {
        return column;
    }

    /** A step applied to new rows that lacks the values it should have fitted on the training data. */
    public static StepException notFitted(String column, String what) {
        return new StepException(column, what + " were never fitted on the training data, so new rows cannot be treated alike");
    }

    public static StepException missingColumn(String column) {
        return new StepException(column, "there is no column '" + column + "'");
    }
}
