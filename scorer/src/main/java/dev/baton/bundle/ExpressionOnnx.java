package dev.baton.bundle;

import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.clean.expression.Shape;
import dev.baton.clean.expression.ValueType;
import dev.baton.data.ColumnType;
import dev.baton.util.OnnxProtos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Derived columns in the pipeline graph: the expression language's structure, translated operator by operator. */
final class ExpressionOnnx {

    private final OnnxGraphBuilder g;
    private final TextLevels levels;
    /** A graph input of N rows: a constant expression is spread over its shape. */
    private final String anchor;

    ExpressionOnnx(OnnxGraphBuilder g, TextLevels levels, String anchor) {
        this.g = g;
        this.levels = levels;
        this.anchor = anchor;
    }

    /**
     * A value of an expression in the graph: numbers and yes/no as doubles (NaN missing), dates as days and date-times
     * as milliseconds since 1970, texts with their missing mask and, from lower, upper, trim and firstWord (or the
     * steps that made the column), a pending change.
     */
    private record Value(String tensor, ValueType type, String missing, GraphColumn.Case pending, boolean trimmed, boolean firstWord) {

        Value(String tensor, ValueType type, String missing) {
            this(tensor, type, missing, GraphColumn.Case.NONE, false, false);
        }

        boolean changesPending() {
            return pending != GraphColumn.Case.NONE || trimmed || firstWord;
        }

        GraphColumn asColumn(ColumnType columnType) {
            return new GraphColumn(tensor, true, columnType, missing, pending, trimmed, firstWord);
        }
    }

    /**
     * A derived column: the expression's structure translated operator by operator, with the language's rules for
     * missing values (they propagate; a result that is not a number or infinite is missing; and/or are three-valued).
     */
    void derive(String where, DeriveColumn derive, Map<String, GraphColumn> columns) {
        ColumnType type = derive.fittedType();
        if (type == null) {
            throw new NoOnnxForm(where + ": the derived column's type is not known (the step was not fitted)");
        }
        Expression e;
        try {
            e = Expression.compile(derive.expression(), name -> {
                GraphColumn c = columns.get(name);
                return c == null ? null : new Expression.ColumnReader(valueType(c), row -> null);
            });
        } catch (ExpressionException ex) {
            throw new NoOnnxForm(where + ": " + ex.getMessage());
        }
        if (e.shape() == null) {
            throw new NoOnnxForm(where + ": a part of '" + derive.expression() + "' has no ONNX form");
        }
        Value v = expression(where, e.shape(), columns);
        String shape = g.node("Shape", List.of(anchor));
        String name = derive.name().strip();
        if (type.isString()) {
            if (v.type() != ValueType.TEXT) {
                throw new NoOnnxForm(where + ": " + v.type().label() + " values written as text: " + NoOnnxForm.TEXT_AND_NUMBERS);
            }
            // A constant expression is one value: spread it over the rows. An empty text is missing, as in the step's
            // column: one that a pending trim will empty too.
            String x = g.node("Expand", List.of(v.tensor(), shape));
            String empty = v.trimmed() ? levels.blank(x) : g.node("Equal", List.of(x, g.constant("")));
            String missing = g.node("Or", List.of(g.node("Expand", List.of(v.missing(), shape)), empty));
            columns.put(name, new GraphColumn(x, true, type, missing, v.pending(), v.trimmed(), v.firstWord()));
            return;
        }
        String x = switch (type) {
            case INTEGER, DECIMAL, BOOLEAN -> {
                if (v.type() == ValueType.TEXT || v.type() == ValueType.DATE || v.type() == ValueType.DATETIME) {
                    throw new NoOnnxForm(where + ": " + v.type().label() + " values in a column of " + type.label());
                }
                yield type == ColumnType.INTEGER
                        ? g.node("Where", List.of(g.node("Equal", List.of(g.node("Floor", List.of(v.tensor())), v.tensor())), v.tensor(), g.constant(Double.NaN)))
                        : v.tensor();
            }
            case DATE -> v.type() == ValueType.DATETIME ? CivilDates.days(g, v.tensor()) : temporal(where, v, type);
            case DATETIME -> v.type() == ValueType.DATE ? CivilDates.millis(g, v.tensor()) : temporal(where, v, type);
            default -> throw new NoOnnxForm(where + ": a derived column of " + type.label() + " values");
        };
        columns.put(name, new GraphColumn(g.node("Expand", List.of(x, shape)), false, type, null, GraphColumn.Case.NONE));
    }

    private static String temporal(String where, Value v, ColumnType type) {
        if (v.type() != ValueType.DATE && v.type() != ValueType.DATETIME && v.type() != ValueType.ANY) {
            throw new NoOnnxForm(where + ": " + v.type().label() + " values in a column of " + type.label());
        }
        return v.tensor();
    }

    private static ValueType valueType(GraphColumn c) {
        if (c.text()) {
            return ValueType.TEXT;
        }
        return switch (c.type()) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case DATETIME -> ValueType.DATETIME;
            default -> ValueType.NUMBER;
        };
    }

    private Value expression(String where, Shape s, Map<String, GraphColumn> columns) {
        switch (s.op()) {
            case "number" -> {
                return new Value(g.constant((Double) s.value()), ValueType.NUMBER, null);
            }
            case "bool" -> {
                return new Value(g.constant(Boolean.TRUE.equals(s.value()) ? 1.0 : 0.0), ValueType.BOOLEAN, null);
            }
            case "null" -> {
                return new Value(g.constant(Double.NaN), ValueType.ANY, null);
            }
            case "text" -> {
                return new Value(g.constant((String) s.value()), ValueType.TEXT, g.constant(false));
            }
            case "date" -> {
                return new Value(g.constant((double) ((java.time.LocalDate) s.value()).toEpochDay()), ValueType.DATE, null);
            }
            case "datetime" -> {
                return new Value(g.constant(dev.baton.batch.NumberColumn.millis((java.time.LocalDateTime) s.value())), ValueType.DATETIME, null);
            }
            case "column" -> {
                GraphColumn c = columns.get((String) s.value());
                return c.text() ? new Value(c.tensor(), ValueType.TEXT, c.missing(), c.pending(), c.trimmed(), c.firstWord())
                        : new Value(c.tensor(), valueType(c), null);
            }
            default -> {
                List<Value> args = new ArrayList<>();
                for (Shape a : s.args()) {
                    args.add(expression(where, a, columns));
                }
                return operation(where, s, args);
            }
        }
    }

    private Value operation(String where, Shape s, List<Value> a) {
        String op = s.op();
        switch (op) {
            case "+", "-", "*", "/", "%" -> {
                String x = a.get(0).tensor();
                String y = a.get(1).tensor();
                String v = switch (op) {
                    case "+" -> g.node("Add", List.of(x, y));
                    case "-" -> g.node("Sub", List.of(x, y));
                    case "*" -> g.node("Mul", List.of(x, y));
                    case "/" -> g.node("Div", List.of(x, y));
                    default -> g.node("Mod", List.of(x, y), OnnxProtos.attribute("fmod", 1)); // Java's %: the sign of the dividend
                };
                return number(g.missingIfNotFinite(v));
            }
            case "concat" -> { // + with a text on either side: missing when either side is
                if (a.stream().anyMatch(v -> v.type() == ValueType.ANY)) {
                    return missingText();
                }
                Value x = readText(where, a.get(0), "+");
                Value y = readText(where, a.get(1), "+");
                return new Value(g.node("StringConcat", List.of(x.tensor(), y.tensor())), ValueType.TEXT,
                        g.node("Or", List.of(x.missing(), y.missing())));
            }
            case "neg" -> {
                return number(g.node("Neg", List.of(a.get(0).tensor())));
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                return comparison(where, op, a.get(0), a.get(1), s.args());
            }
            case "not" -> {
                String x = a.get(0).tensor();
                return bool(g.node("Where", List.of(g.node("IsNaN", List.of(x)), x, g.node("Sub", List.of(g.constant(1.0), x)))));
            }
            case "and", "or" -> {
                String x = a.get(0).tensor();
                String y = a.get(1).tensor();
                double decides = op.equals("and") ? 0 : 1; // false decides an and, true an or, even beside a missing value
                String decided = g.node("Or", List.of(g.node("Equal", List.of(x, g.constant(decides))), g.node("Equal", List.of(y, g.constant(decides)))));
                String unknown = g.node("Or", List.of(g.node("IsNaN", List.of(x)), g.node("IsNaN", List.of(y))));
                return bool(g.node("Where", List.of(decided, g.constant(decides),
                        g.node("Where", List.of(unknown, g.constant(Double.NaN), g.constant(1 - decides))))));
            }
            case "call" -> {
                return call(where, (String) s.value(), a, s.args());
            }
            default -> throw new NoOnnxForm(where + ": '" + op + "' has no ONNX form");
        }
    }

    private Value call(String where, String function, List<Value> a, List<Shape> shapes) {
        String x = a.get(0).tensor();
        switch (function) {
            case "ismissing" -> {
                return bool(g.asDouble(a.get(0).type() == ValueType.TEXT ? a.get(0).missing() : g.node("IsNaN", List.of(x))));
            }
            case "coalesce" -> {
                return a.stream().anyMatch(v -> v.type() == ValueType.TEXT) ? firstPresentText(where, a) : firstPresent(a);
            }
            case "if" -> {
                String yes = g.node("Equal", List.of(x, g.constant(1.0))); // a missing condition takes the else branch
                Value then = a.get(1);
                Value otherwise = a.get(2);
                if (then.type() == ValueType.TEXT || otherwise.type() == ValueType.TEXT) {
                    then = then.type() == ValueType.ANY ? missingText() : readText(where, then, "if");
                    otherwise = otherwise.type() == ValueType.ANY ? missingText() : readText(where, otherwise, "if");
                    return new Value(g.node("Where", List.of(yes, then.tensor(), otherwise.tensor())), ValueType.TEXT,
                            // ONNX Runtime's Where takes no yes/no tensors: the missing mask by And and Or.
                            g.node("Or", List.of(g.node("And", List.of(yes, then.missing())),
                                    g.node("And", List.of(g.node("Not", List.of(yes)), otherwise.missing())))));
                }
                return new Value(g.node("Where", List.of(yes, then.tensor(), otherwise.tensor())),
                        then.type() == ValueType.ANY ? otherwise.type() : then.type(), null);
            }
            case "abs", "floor", "ceil", "sqrt", "exp" -> {
                String op = Character.toUpperCase(function.charAt(0)) + function.substring(1);
                return number(g.node(op, List.of(x)));
            }
            case "log" -> {
                String v = g.node("Log", List.of(x));
                if (a.size() > 1) {
                    v = g.node("Div", List.of(v, g.node("Log", List.of(a.get(1).tensor()))));
                }
                return number(g.missingIfNotFinite(v));
            }
            case "pow" -> {
                return number(g.node("Pow", List.of(x, a.get(1).tensor())));
            }
            case "min", "max" -> {
                String v = x;
                String unknown = g.node("IsNaN", List.of(x));
                for (Value next : a.subList(1, a.size())) {
                    v = g.node(function.equals("min") ? "Min" : "Max", List.of(v, next.tensor()));
                    unknown = g.node("Or", List.of(unknown, g.node("IsNaN", List.of(next.tensor()))));
                }
                return number(g.node("Where", List.of(unknown, g.constant(Double.NaN), v)));
            }
            case "lower", "upper", "trim", "firstword" -> {
                Value t = a.get(0);
                if (t.type() != ValueType.TEXT) {
                    return missingText();
                }
                if (t.firstWord() && !function.equals("lower") && !function.equals("upper")) {
                    // The graph compares a first word as it was cut: stripping it again, or cutting it again, it cannot say.
                    throw new NoOnnxForm(where + ": " + function + "(...) of a first word");
                }
                if (function.equals("trim") || function.equals("firstword")) {
                    return new Value(t.tensor(), ValueType.TEXT, t.missing(), t.pending(), true, function.equals("firstword"));
                }
                if (t.pending() != GraphColumn.Case.NONE) {
                    throw new NoOnnxForm(where + ": a second case change in " + function + "(...)");
                }
                return new Value(t.tensor(), ValueType.TEXT, t.missing(), function.equals("lower") ? GraphColumn.Case.LOWER : GraphColumn.Case.UPPER,
                        t.trimmed(), t.firstWord());
            }
            case "contains", "startswith", "endswith" -> {
                return textTest(where, function, a, shapes);
            }
            case "concat" -> { // joins the values that are present; nothing present gives an empty text
                String joined = g.constant("");
                for (Value v : a) {
                    if (v.type() == ValueType.ANY) {
                        continue;
                    }
                    Value t = readText(where, v, "concat");
                    joined = g.node("StringConcat", List.of(joined, g.node("Where", List.of(t.missing(), g.constant(""), t.tensor()))));
                }
                return new Value(joined, ValueType.TEXT, g.constant(false));
            }
            case "year", "month", "day", "weekday" -> {
                DatePart.Part part = DatePart.Part.valueOf(function.toUpperCase(java.util.Locale.ROOT));
                return number(CivilDates.part(g, days(a.get(0)), part));
            }
            case "date" -> {
                if (a.get(0).type() == ValueType.TEXT) {
                    throw new NoOnnxForm(where + ": date(text): no standard ONNX operator reads a date from text");
                }
                return new Value(days(a.get(0)), ValueType.DATE, null);
            }
            case "daysbetween" -> {
                return number(g.sub(days(a.get(1)), days(a.get(0))));
            }
            case "round" -> throw new NoOnnxForm(where + ": round rounds half up on a number's shortest decimal form, "
                    + "which ONNX's Round (half to even, on the binary value) does not reproduce");
            case "length" -> throw new NoOnnxForm(where + ": no standard ONNX operator measures a text's length");
            case "substring" -> throw new NoOnnxForm(where + ": substring: no standard ONNX operator cuts a text at a position");
            case "replace" -> throw new NoOnnxForm(where + ": no standard ONNX operator replaces part of a text");
            case "totext", "tonumber" -> throw new NoOnnxForm(where + ": " + function + ": " + NoOnnxForm.TEXT_AND_NUMBERS);
            default -> throw new NoOnnxForm(where + ": the function " + function + " has no ONNX form");
        }
    }

    /** Days since 1970 of a date (as it is) or a date-time (its day in UTC, as java.time's toLocalDate has it). */
    private String days(Value v) {
        return v.type() == ValueType.DATETIME ? CivilDates.days(g, v.tensor()) : v.tensor();
    }

    /** The first number, yes/no or date that is present. */
    private Value firstPresent(List<Value> a) {
        String v = a.get(a.size() - 1).tensor();
        for (int i = a.size() - 2; i >= 0; i--) {
            v = g.node("Where", List.of(g.node("IsNaN", List.of(a.get(i).tensor())), v, a.get(i).tensor()));
        }
        ValueType type = a.stream().map(Value::type).filter(t -> t != ValueType.ANY).findFirst().orElse(ValueType.ANY);
        return new Value(v, type, null);
    }

    /** The first text that is present; missing when none is. */
    private Value firstPresentText(String where, List<Value> a) {
        Value result = missingText();
        for (int i = a.size() - 1; i >= 0; i--) {
            if (a.get(i).type() == ValueType.ANY) {
                continue;
            }
            Value t = readText(where, a.get(i), "coalesce");
            result = new Value(g.node("Where", List.of(t.missing(), result.tensor(), t.tensor())), ValueType.TEXT,
                    g.node("And", List.of(t.missing(), result.missing())));
        }
        return result;
    }

    /**
     * contains, startsWith, endsWith with a quoted text: a pattern for RegexFullMatch ({@code (?s)} so that a line break
     * is a character like any other); missing when the text is.
     */
    private Value textTest(String where, String function, List<Value> a, List<Shape> shapes) {
        if (a.stream().anyMatch(v -> v.type() == ValueType.ANY)) {
            return bool(g.constant(Double.NaN));
        }
        if (!shapes.get(1).op().equals("text")) {
            throw new NoOnnxForm(where + ": " + function + " with a second text that is not quoted: the pattern must be known when the graph is written");
        }
        Value t = readText(where, a.get(0), function);
        String part = TextLevels.quoteRe2((String) shapes.get(1).value());
        String pattern = switch (function) {
            case "contains" -> "(?s).*" + part + ".*";
            case "startswith" -> "(?s)" + part + ".*";
            default -> "(?s).*" + part;
        };
        return bool(g.node("Where", List.of(t.missing(), g.constant(Double.NaN), g.asDouble(levels.matches(t.tensor(), pattern)))));
    }

    /** A text whose characters are read: one with a pending case change or trim has none to read yet. */
    private static Value readText(String where, Value v, String what) {
        if (v.type() != ValueType.TEXT) {
            throw new NoOnnxForm(where + ": " + v.type().label() + " values written as text in '" + what + "': " + NoOnnxForm.TEXT_AND_NUMBERS);
        }
        if (v.changesPending()) {
            throw new NoOnnxForm(where + ": '" + what + "' reads a text after lower, upper, trim or firstWord, which the graph makes only in "
                    + "comparisons with quoted texts");
        }
        return v;
    }

    private Value missingText() {
        return new Value(g.constant(""), ValueType.TEXT, g.constant(true));
    }

    private static Value number(String tensor) {
        return new Value(tensor, ValueType.NUMBER, null);
    }

    private static Value bool(String tensor) {
        return new Value(tensor, ValueType.BOOLEAN, null);
    }

    /**
     * A comparison as the language makes it: missing when either side is; numbers ordered as Double.compare orders them
     * (-0.0 before 0.0, which IEEE comparisons call equal); dates by their day, date-times by their millisecond (a date
     * beside a date-time at the start of its day); texts equal or not, after a pending change when the other side is quoted.
     */
    private Value comparison(String where, String op, Value left, Value right, List<Shape> shapes) {
        String unknown;
        String result;
        if (left.type() == ValueType.TEXT || right.type() == ValueType.TEXT) {
            if (left.type() != right.type()) {
                return bool(g.constant(Double.NaN)); // text beside a missing literal
            }
            if (!op.equals("==") && !op.equals("!=")) {
                throw new NoOnnxForm(where + ": ordering texts ('" + op + "'): no standard ONNX operator compares texts by their order");
            }
            unknown = g.node("Or", List.of(left.missing(), right.missing()));
            String eq;
            if (left.changesPending() || right.changesPending()) {
                Value changed = left.changesPending() ? left : right;
                Shape other = left.changesPending() ? shapes.get(1) : shapes.get(0);
                if (!other.op().equals("text")) {
                    throw new NoOnnxForm(where + ": a text after lower, upper, trim or firstWord is compared with something else than a quoted text");
                }
                eq = levels.equalsLevel(changed.asColumn(ColumnType.TEXT), (String) other.value());
            } else {
                eq = g.node("Equal", List.of(left.tensor(), right.tensor()));
            }
            result = op.equals("==") ? eq : g.node("Not", List.of(eq));
        } else {
            String x = left.tensor();
            String y = right.tensor();
            if (left.type() == ValueType.DATE && right.type() == ValueType.DATETIME) {
                x = CivilDates.millis(g, x);
            } else if (left.type() == ValueType.DATETIME && right.type() == ValueType.DATE) {
                y = CivilDates.millis(g, y);
            }
            unknown = g.node("Or", List.of(g.node("IsNaN", List.of(x)), g.node("IsNaN", List.of(y))));
            String eq = g.node("And", List.of(g.node("Equal", List.of(x, y)), g.node("Equal", List.of(negativeZero(x), negativeZero(y)))));
            result = switch (op) {
                case "==" -> eq;
                case "!=" -> g.node("Not", List.of(eq));
                case "<" -> less(x, y);
                case ">" -> less(y, x);
                case "<=" -> g.node("Or", List.of(less(x, y), eq));
                default -> g.node("Or", List.of(less(y, x), eq));
            };
        }
        return bool(g.node("Where", List.of(unknown, g.constant(Double.NaN), g.asDouble(result))));
    }

    private String negativeZero(String x) {
        return g.node("And", List.of(g.node("Equal", List.of(x, g.constant(0.0))), g.node("Less", List.of(g.node("Div", List.of(g.constant(1.0), x)), g.constant(0.0)))));
    }

    private String less(String x, String y) {
        String zeros = g.node("And", List.of(negativeZero(x), g.node("Not", List.of(negativeZero(y)))));
        return g.node("Or", List.of(g.node("Less", List.of(x, y)), g.node("And", List.of(zeros, g.node("Equal", List.of(y, g.constant(0.0)))))));
    }
}
