package dev.baton.clean.expression;

import dev.baton.util.UserException;

/** An expression that cannot be parsed or typed, with the position (1-based) where the problem is. */
public final class ExpressionException extends UserException {

    private final int position;

    public ExpressionException(String expression, int position, String problem) {
        super("In the expression \"" + shown(expression, position) + "\"" + (position > 0 ? " at position " + position : "") + ": " + problem);
        this.position = position;
    }

    /** The expression as quoted in a message: whole when short, else 60 characters around the problem. */
    static String shown(String expression, int position) {
        if (expression.length() <= 120) {
            return expression;
        }
        int from = Math.max(0, Math.min(expression.length() - 60, position - 30));
        return (from > 0 ? "\u2026" : "") + expression.substring(from, Math.min(expression.length(), from + 60))
                + (from + 60 < expression.length() ? "\u2026" : "") + " (" + String.format("%,d", expression.length()) + " characters)";
    }

    public int position() {
        return position;
    }
}
