package dev.baton.clean;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parameter and column checks shared by the operations, with messages that name the column. */
final class Checks {

    private Checks() {
    }

    static void notEmpty(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new StepException(null, "choose at least one column to " + what);
        }
    }

    static void name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new StepException(null, what + " cannot be empty");
        }
    }

    static Pattern regex(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new StepException(null, "the pattern '" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    static void numeric(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        if (!data.type(column).isNumeric()) {
            throw new StepException(column, "'" + column + "' holds " + data.type(column).label() + " values; "
                    + operation + " needs numbers");
        }
    }

    static void text(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        if (!data.type(column).isString()) {
            throw new StepException(column, "'" + column + "' holds " + data.type(column).label() + " values; "
                    + operation + " needs text");
        }
    }

    static void temporal(Dataset data, String column, String operation) {
        if (!data.hasColumn(column)) {
            throw StepException.missingColumn(column);
        }
        ColumnType t = data.type(column);
        if (!t.isTemporal()) {
            throw new StepException(column, "'" + column + "' holds " + t.label() + " values; " + operation + " needs dates");
        }
    }

    static String list(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : String.join(", ", columns);
    }
}
