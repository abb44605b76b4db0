package dev.baton.clean.expression;

/** A compiled piece of an expression: its static type and its value for one row (null when missing). */
interface Node {
    ValueType type();

    Object eval(int row);
}
