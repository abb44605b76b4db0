package dev.baton.clean.expression;

import java.util.List;

/**
 * The structure of a compiled expression, for translating it elsewhere (the ONNX graph): an operator or function
 * with its arguments, a literal, or a column. The parser compiles to closures; this is what they were made from.
 *
 * @param op    "number", "text", "bool", "null", "date", "datetime" (literals: {@code value}, a LocalDate or LocalDateTime for dates), "column" ({@code value} the name), an operator
 *              ("or", "and", "not", "==", "!=", "&lt;", "&lt;=", "&gt;", "&gt;=", "+", "-", "*", "/", "%", "neg", "concat"),
 *              or "call" ({@code value} the function's name in lower case)
 * @param type  the static type of the value
 */
public record Shape(String op, Object value, ValueType type, List<Shape> args) {

    public Shape {
        args = List.copyOf(args);
    }
}
