package dev.baton.clean.expression;

/** The static type of an expression: decides the type of a derived column and catches mistakes before running. */
public enum ValueType {
    NUMBER, TEXT, BOOLEAN, DATE, DATETIME, ANY;

    public String label() {
        return switch (this) {
            case NUMBER -> "a number";
            case TEXT -> "text";
            case BOOLEAN -> "true/false";
            case DATE -> "a date";
            case DATETIME -> "a date-time";
            case ANY -> "a value";
        };
    }
}
