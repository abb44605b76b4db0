package dev.baton.clean.expression;

import dev.baton.util.UserException;

/** An expression that cannot be parsed or typed, with the position (1-based) where the problem is. */
public final class ExpressionException extends UserException {

    private final int position;

    public ExpressionException(String expression, int position, String problem) {
        super("In the expression \"" + expression + "\"" + (position > 0 ? " at position " + position : "") + ": " + problem);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
