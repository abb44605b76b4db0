package dev.baton.clean.expression;

import java.util.Set;

/**
 * A small, safe expression language for derived columns and row filters: arithmetic, comparisons, logic,
 * text and date functions over the columns of a dataset. Our own grammar, evaluated by our own code:
 * no script engine, nothing that can run other code. Missing values propagate (x + missing is missing).
 */
public final class Expression {

    private final String source;
    private final Node root;
    private final Set<String> columns;
    private final Shape shape;

    private Expression(String source, Node root, Set<String> columns, Shape shape) {
        this.source = source;
        this.root = root;
        this.columns = Set.copyOf(columns);
        this.shape = shape;
    }

    /** What the expression is made of, for translating it (null for a part that has no structure to translate). */
    public Shape shape() {
        return shape;
    }

    /** A column an expression can read: the kind of its values, and the value of each row (null when missing). */
    public record ColumnReader(ValueType type, java.util.function.IntFunction<Object> value) {
    }

    /**
     * Parses and type-checks against the columns {@code columns} gives by name (null for a name that is no column);
     * throws {@link ExpressionException} with the position.
     */
    public static Expression compile(String source, java.util.function.Function<String, ColumnReader> columns) {
        Parser parser = new Parser(source, name -> {
            ColumnReader reader = columns.apply(name);
            return reader == null ? null : new Parser.Typed(reader.type(), reader.value());
        });
        Node root = parser.parse();
        return new Expression(source, root, parser.usedColumns(), parser.shape(root));
    }

    /** Parses and type-checks against the columns of a batch of rows (the scoring path). */
    public static Expression compile(String source, dev.baton.batch.Batch rows) {
        Parser parser = new Parser(source, name -> rows.has(name) ? reader(rows.column(name)) : null);
        Node root = parser.parse();
        return new Expression(source, root, parser.usedColumns(), parser.shape(root));
    }

    public String source() {
        return source;
    }

    public ValueType type() {
        return root.type();
    }

    /**
     * The columns an expression reads, found without the data (for lineage: which input columns a derived column
     * needs). Names in brackets, and bare words that are not functions, keywords or literals.
     */
    public static Set<String> referencedColumns(String source) {
        java.util.List<Token> tokens = Lexer.tokens(source);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.COLUMN) {
                out.add(t.text());
            } else if (t.kind() == Token.Kind.IDENTIFIER) {
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.LPAREN;
                String w = t.text().toLowerCase(java.util.Locale.ROOT);
                if (!call && !Set.of("true", "false", "null", "missing", "and", "or", "not").contains(w)) {
                    out.add(t.text());
                }
            }
        }
        return out;
    }

    /** The columns the expression reads. */
    public Set<String> columns() {
        return columns;
    }

    /** The value for one row: Double, String, Boolean, LocalDate, LocalDateTime, or null when missing. */
    public Object evaluate(int row) {
        return root.eval(row);
    }

    /** One line per function, for the help shown next to the expression editor. */
    public static String functionHelp() {
        return Functions.help();
    }

    private static Node reader(dev.baton.batch.Column column) {
        if (column instanceof dev.baton.batch.TextColumn texts) {
            return new Parser.Typed(ValueType.TEXT, texts::get);
        }
        dev.baton.batch.NumberColumn numbers = (dev.baton.batch.NumberColumn) column;
        ValueType type = switch (column.type()) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case DATETIME -> ValueType.DATETIME;
            default -> ValueType.NUMBER;
        };
        return new Parser.Typed(type, numbers::value);
    }

    @Override
    public String toString() {
        return source;
    }
}
