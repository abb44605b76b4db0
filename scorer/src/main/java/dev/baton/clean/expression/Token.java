package dev.baton.clean.expression;

/** A lexical token: kind, text and 1-based position in the expression. */
record Token(Kind kind, String text, int position) {

    enum Kind { NUMBER, STRING, IDENTIFIER, COLUMN, OPERATOR, LPAREN, RPAREN, COMMA, END }
}
