package dev.baton.clean.expression;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recursive-descent parser that compiles as it parses. Grammar, loosest first:
 * or: and ("or" | "||") ... ; and: not ("and" | "&&") ... ; not: ("not" | "!") not | comparison;
 * comparison: sum (== != &lt; &lt;= &gt; &gt;=) sum; sum: product (+ -) ...; product: unary (* / %) ...;
 * unary: - unary | primary; primary: number, 'text', true, false, null, column, function(args), (expr).
 */
final class Parser {

    /** Gives the node that reads a column, or null when there is no such column. */
    interface Columns {
        Node column(String name);
    }

    private final String source;
    private final List<Token> tokens;
    private final Columns columns;
    private final Set<String> used = new LinkedHashSet<>();
    private int at;
    /** How deep the parser has gone into parentheses, function arguments and not / minus chains. */
    private int nesting;
    /** Each operator node's height in the tree: evaluating it recurses that deep. */
    private final java.util.IdentityHashMap<Node, Integer> heights = new java.util.IdentityHashMap<>();
    /** What each node was made from (see {@link Shape}); a node without one (a quoted date) has no translation. */
    private final java.util.IdentityHashMap<Node, Shape> shapes = new java.util.IdentityHashMap<>();

    /** Longer expressions are refused: recipes travel in bundles from other people. */
    static final int MAX_LENGTH = 10_000;
    /**
     * Deeper expressions are refused (parentheses, nested functions, chains of not, minus or an operator): parsing and
     * evaluating recurse this deep, and must stay far within a thread's stack.
     */
    static final int MAX_DEPTH = 100;

    Parser(String source, Columns columns) {
        this.source = source;
        if (source.length() > MAX_LENGTH) {
            throw new ExpressionException(source, 0, String.format("the expression is %,d characters long; at most %,d are allowed. "
                    + "Split it into several derived columns.", source.length(), MAX_LENGTH));
        }
        this.tokens = Lexer.tokens(source);
        this.columns = columns;
    }

    /** Notes a new node's height (one more than its tallest child's) and refuses a tree taller than {@link #MAX_DEPTH}. */
    private Node track(Token at, Node node, Node... children) {
        int height = 1;
        for (Node c : children) {
            height = Math.max(height, 1 + heights.getOrDefault(c, 1));
        }
        if (height > MAX_DEPTH) {
            throw tooDeep(at);
        }
        heights.put(node, height);
        return node;
    }

    private ExpressionException tooDeep(Token at) {
        return error(at, "the expression nests more than " + MAX_DEPTH + " levels deep (parentheses, functions, or a long chain "
                + "of operators). Split it into several derived columns.");
    }

    /** Parses a nested part (in parentheses, a function's argument, after not or minus), refusing depth past the limit. */
    private Node nested(Token at, java.util.function.Supplier<Node> part) {
        if (++nesting > MAX_DEPTH) {
            throw tooDeep(at);
        }
        try {
            return part.get();
        } finally {
            nesting--;
        }
    }

    Node parse() {
        if (peek().kind() == Token.Kind.END) {
            throw error(peek(), "the expression is empty.");
        }
        Node node = or();
        if (peek().kind() != Token.Kind.END) {
            throw error(peek(), "unexpected '" + peek().text() + "'.");
        }
        return node;
    }

    /** The structure of a node this parser made, or null. */
    Shape shape(Node node) {
        return shapes.get(node);
    }

    /** Notes what a node was made from; null when one of its arguments has no structure. */
    private Node shaped(Node node, String op, Object value, Node... args) {
        List<Shape> parts = new ArrayList<>();
        for (Node a : args) {
            Shape part = shapes.get(a);
            if (part == null) {
                return node;
            }
            parts.add(part);
        }
        shapes.put(node, new Shape(op, value, node.type(), parts));
        return node;
    }

    Set<String> usedColumns() {
        return used;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean word(String... words) {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENTIFIER || t.kind() == Token.Kind.OPERATOR) {
            for (String w : words) {
                if (t.text().equalsIgnoreCase(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ExpressionException error(Token t, String problem) {
        return new ExpressionException(source, t.position(), problem);
    }

    private Node or() {
        Node left = and();
        while (word("or", "||")) {
            Token op = next();
            Node right = and();
            left = track(op, shaped(logic(op, left, right, true), "or", null, left, right), left, right);
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (word("and", "&&")) {
            Token op = next();
            Node right = not();
            left = track(op, shaped(logic(op, left, right, false), "and", null, left, right), left, right);
        }
        return left;
    }

    private Node logic(Token op, Node left, Node right, boolean isOr) {
        requireType(op, left, ValueType.BOOLEAN);
        requireType(op, right, ValueType.BOOLEAN);
        return new Typed(ValueType.BOOLEAN, row -> {
            Object a = left.eval(row);
            if (isOr && Boolean.TRUE.equals(a)) {
                return true;
            }
            if (!isOr && Boolean.FALSE.equals(a)) {
                return false;
            }
            Object b = right.eval(row);
            if (a == null || b == null) {
                return isOr ? (Boolean.TRUE.equals(b) ? Boolean.TRUE : null) : (Boolean.FALSE.equals(b) ? Boolean.FALSE : null);
            }
            return b;
        });
    }

    private Node not() {
        if (word("not", "!")) {
            Token op = next();
            Node inner = nested(op, this::not);
            requireType(op, inner, ValueType.BOOLEAN);
            return track(op, shaped(new Typed(ValueType.BOOLEAN, row -> {
                Object v = inner.eval(row);
                return v == null ? null : !(Boolean) v;
            }), "not", null, inner), inner);
        }
        return comparison();
    }

    private Node comparison() {
        Node first = sum();
        Token t = peek();
        if (t.kind() == Token.Kind.OPERATOR && List.of("==", "=", "!=", "<>", "<", "<=", ">", ">=").contains(t.text())) {
            next();
            Node second = sum();
            // A quoted date beside a date column is a date: `Flight Date` >= '2001-01-01', as in SQL.
            Node left = isTemporal(second.type()) && first instanceof Text text ? text.asTemporal(second.type()) : first;
            Node right = isTemporal(first.type()) && second instanceof Text text ? text.asTemporal(first.type()) : second;
            ValueType a = left.type();
            ValueType b = right.type();
            boolean compatible = a == b || a == ValueType.ANY || b == ValueType.ANY
                    || (isTemporal(a) && isTemporal(b));
            if (!compatible) {
                throw error(t, "cannot compare " + a.label() + " with " + b.label() + ".");
            }
            String op = t.text();
            String normal = switch (op) {
                case "=" -> "==";
                case "<>" -> "!=";
                default -> op;
            };
            return track(t, shaped(new Typed(ValueType.BOOLEAN, row -> {
                Object x = left.eval(row);
                Object y = right.eval(row);
                if (x == null || y == null) {
                    return null;
                }
                int c = compare(x, y);
                return switch (op) {
                    case "==", "=" -> c == 0;
                    case "!=", "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }), normal, null, left, right), left, right);
        }
        return first;
    }

    private static boolean isTemporal(ValueType t) {
        return t == ValueType.DATE || t == ValueType.DATETIME;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object x, Object y) {
        if (x instanceof LocalDate d && y instanceof LocalDateTime) {
            x = d.atStartOfDay();
        }
        if (y instanceof LocalDate d && x instanceof LocalDateTime) {
            y = d.atStartOfDay();
        }
        if (x instanceof Double a && y instanceof Double b) {
            return Double.compare(a, b);
        }
        if (x.getClass() != y.getClass()) {
            return Values.text(x).compareTo(Values.text(y));
        }
        return ((Comparable) x).compareTo(y);
    }

    private Node sum() {
        Node left = product();
        while (peek().kind() == Token.Kind.OPERATOR && (peek().text().equals("+") || peek().text().equals("-"))) {
            Token op = next();
            Node right = product();
            if (op.text().equals("+") && (left.type() == ValueType.TEXT || right.type() == ValueType.TEXT)) {
                Node l = left;
                left = track(op, shaped(new Typed(ValueType.TEXT, row -> {
                    Object a = l.eval(row);
                    Object b = right.eval(row);
                    return a == null || b == null ? null : Values.text(a) + Values.text(b);
                }), "concat", null, l, right), l, right);
            } else {
                left = track(op, shaped(arithmetic(op, left, right), op.text(), null, left, right), left, right);
            }
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (peek().kind() == Token.Kind.OPERATOR && "*/%".contains(peek().text())) {
            Token op = next();
            Node right = unary();
            left = track(op, shaped(arithmetic(op, left, right), op.text(), null, left, right), left, right);
        }
        return left;
    }

    private Node arithmetic(Token op, Node left, Node right) {
        requireType(op, left, ValueType.NUMBER);
        requireType(op, right, ValueType.NUMBER);
        char o = op.text().charAt(0);
        return new Typed(ValueType.NUMBER, row -> {
            Object a = left.eval(row);
            Object b = right.eval(row);
            if (a == null || b == null) {
                return null;
            }
            double x = (Double) a;
            double y = (Double) b;
            double v = switch (o) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            };
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        });
    }

    private Node unary() {
        if (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("-")) {
            Token op = next();
            Node inner = nested(op, this::unary);
            requireType(op, inner, ValueType.NUMBER);
            return track(op, shaped(new Typed(ValueType.NUMBER, row -> {
                Object v = inner.eval(row);
                return v == null ? null : -(Double) v;
            }), "neg", null, inner), inner);
        }
        return primary();
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                try {
                    Double value = Double.parseDouble(t.text());
                    return shaped(new Typed(ValueType.NUMBER, row -> value), "number", value);
                } catch (NumberFormatException e) {
                    throw error(t, "'" + t.text() + "' is not a number.");
                }
            }
            case STRING -> {
                return shaped(new Text(t.text(), t), "text", t.text());
            }
            case COLUMN -> {
                return column(t, t.text());
            }
            case LPAREN -> {
                Node inner = nested(t, this::or);
                expect(Token.Kind.RPAREN, "a closing )");
                return inner;
            }
            case IDENTIFIER -> {
                String word = t.text();
                if (peek().kind() == Token.Kind.LPAREN) {
                    return call(t);
                }
                if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
                    Boolean value = Boolean.parseBoolean(word.toLowerCase());
                    return shaped(new Typed(ValueType.BOOLEAN, row -> value), "bool", value);
                }
                if (word.equalsIgnoreCase("null") || word.equalsIgnoreCase("missing")) {
                    return shaped(new Typed(ValueType.ANY, row -> null), "null", null);
                }
                return column(t, word);
            }
            case END -> throw error(t, "the expression ends where a value was expected.");
            default -> throw error(t, "expected a value, found '" + t.text() + "'.");
        }
    }

    private Node column(Token t, String name) {
        Node node = columns.column(name);
        if (node == null) {
            throw error(t, "there is no column named '" + name + "'. Put names with spaces or symbols in [brackets].");
        }
        used.add(name);
        return shaped(node, "column", name);
    }

    private Node call(Token name) {
        Functions.Definition f = Functions.get(name.text());
        if (f == null) {
            throw error(name, "there is no function '" + name.text() + "'.");
        }
        expect(Token.Kind.LPAREN, "(");
        List<Node> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            args.add(nested(name, this::or));
            while (peek().kind() == Token.Kind.COMMA) {
                next();
                args.add(nested(name, this::or));
            }
        }
        expect(Token.Kind.RPAREN, "a closing ) after the arguments of " + name.text());
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            throw error(name, name.text() + " takes " + (f.minArgs() == f.maxArgs() ? f.minArgs() : f.minArgs() + " to " + f.maxArgs())
                    + " argument" + (f.maxArgs() == 1 ? "" : "s") + ", not " + args.size() + " (" + f.help() + ").");
        }
        ValueType result = f.resultType().apply(args.stream().map(Node::type).toList());
        if (result == null) {
            throw error(name, "wrong kind of argument for " + name.text() + " (" + f.help() + "); got "
                    + String.join(", ", args.stream().map(a -> a.type().label()).toList()) + ".");
        }
        Node[] argv = args.toArray(Node[]::new);
        return track(name, shaped(new Typed(result, row -> {
            Object[] values = new Object[argv.length];
            for (int i = 0; i < argv.length; i++) {
                values[i] = argv[i].eval(row);
            }
            return f.body().apply(values);
        }), "call", name.text().toLowerCase(java.util.Locale.ROOT), argv), argv);
    }

    private void expect(Token.Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + (t.kind() == Token.Kind.END ? " at the end." : ", found '" + t.text() + "'."));
        }
        next();
    }

    private void requireType(Token op, Node node, ValueType expected) {
        if (node.type() != expected && node.type() != ValueType.ANY) {
            throw error(op, "'" + op.text() + "' needs " + expected.label() + ", not " + node.type().label() + ".");
        }
    }

    /** A quoted text in the expression; compared with a date, it is read as one. */
    private final class Text implements Node {
        private final String value;
        private final Token token;

        Text(String value, Token token) {
            this.value = value;
            this.token = token;
        }

        @Override
        public ValueType type() {
            return ValueType.TEXT;
        }

        @Override
        public Object eval(int row) {
            return value;
        }

        /** The text as a date (yyyy-MM-dd) or date-time (yyyy-MM-ddTHH:mm[:ss], a space also allowed). */
        Node asTemporal(ValueType beside) {
            String v = value.strip();
            try {
                if (v.length() <= 10) {
                    LocalDate date = LocalDate.parse(v);
                    return shaped(new Typed(ValueType.DATE, row -> date), "date", date);
                }
                LocalDateTime dateTime = LocalDateTime.parse(v.replace(' ', 'T'));
                return shaped(new Typed(ValueType.DATETIME, row -> dateTime), "datetime", dateTime);
            } catch (java.time.format.DateTimeParseException e) {
                throw error(token, "'" + value + "' is compared with " + beside.label() + " but is not one: write it as "
                        + (beside == ValueType.DATE ? "yyyy-MM-dd, like '2001-01-31'." : "yyyy-MM-dd HH:mm, like '2001-01-31 14:30'."));
            }
        }
    }

    /** A node from a type and a row function. */
    record Typed(ValueType type, java.util.function.IntFunction<Object> body) implements Node {
        Typed {
            Objects.requireNonNull(type);
        }

        @Override
        public Object eval(int row) {
            return body.apply(row);
        }
    }
}
