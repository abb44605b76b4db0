package dev.baton.clean.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. Columns are bare names, or [Name With Spaces], or `name`. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String source) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < n && (source.charAt(i) == '+' || source.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < n && Character.isDigit(source.charAt(i))) {
                        while (i < n && Character.isDigit(source.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                out.add(new Token(Token.Kind.NUMBER, source.substring(start, i), pos));
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = source.charAt(i++);
                    if (d == '\\' && i < n) {
                        char e = source.charAt(i++);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else if (d == c) {
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                    }
                }
                if (!closed) {
                    throw new ExpressionException(source, pos, "the text starting here has no closing " + c + ".");
                }
                out.add(new Token(Token.Kind.STRING, sb.toString(), pos));
            } else if (c == '[' || c == '`') {
                char close = c == '[' ? ']' : '`';
                int end = source.indexOf(close, i + 1);
                if (end < 0) {
                    throw new ExpressionException(source, pos, "the column name starting here has no closing " + close + ".");
                }
                out.add(new Token(Token.Kind.COLUMN, source.substring(i + 1, end), pos));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_' || source.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENTIFIER, source.substring(start, i), pos));
            } else if (c == '(') {
                out.add(new Token(Token.Kind.LPAREN, "(", pos));
                i++;
            } else if (c == ')') {
                out.add(new Token(Token.Kind.RPAREN, ")", pos));
                i++;
            } else if (c == ',') {
                out.add(new Token(Token.Kind.COMMA, ",", pos));
                i++;
            } else {
                String two = i + 1 < n ? source.substring(i, i + 2) : "";
                if (List.of("==", "!=", "<=", ">=", "<>", "&&", "||").contains(two)) {
                    out.add(new Token(Token.Kind.OPERATOR, two, pos));
                    i += 2;
                } else if ("+-*/%<>=!".indexOf(c) >= 0) {
                    out.add(new Token(Token.Kind.OPERATOR, String.valueOf(c), pos));
                    i++;
                } else {
                    throw new ExpressionException(source, pos, "'" + c + "' is not part of the expression language.");
                }
            }
        }
        out.add(new Token(Token.Kind.END, "", n + 1));
        return out;
    }
}
