package dev.baton.bundle;

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
    /** A graph input of N rows: a constant expression is spread over its shape. */
    private final String anchor;

    ExpressionOnnx(OnnxGraphBuilder g, String anchor) {
        this.g = g;
        this.anchor = anchor;
    }

    /** A value of an expression in the graph: numbers and yes/no as doubles (NaN missing), texts with their missing mask. */
    private record Value(String tensor, ValueType type, String missing) {
    }

    /**
     * A derived column: the expression's structure translated operator by operator, with the language's rules for
     * missing values (they propagate; a result that is not a number or infinite is missing; and/or are three-valued).
     * Numbers and yes/no values, texts compared for equality; dates and text functions have no form yet.
     */
    void derive(String where, DeriveColumn derive, Map<String, GraphColumn> columns) {
        ColumnType type = derive.fittedType();
        if (type == null || !(type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.BOOLEAN)) {
            throw new NoOnnxForm(where + ": a derived column of " + (type == null ? "unknown type" : type.label() + " values") + " has no ONNX form yet");
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
            throw new NoOnnxForm(where + ": a part of '" + derive.expression() + "' (a quoted date) has no ONNX form yet");
        }
        Value v = expression(where, e.shape(), columns);
        if (v.type() == ValueType.TEXT || v.type() == ValueType.DATE || v.type() == ValueType.DATETIME) {
            throw new NoOnnxForm(where + ": a derived column of " + v.type().label() + " has no ONNX form yet");
        }
        String x = v.tensor();
        if (type == ColumnType.INTEGER) {
            x = g.node("Where", List.of(g.node("Equal", List.of(g.node("Floor", List.of(x)), x)), x, g.constant(Double.NaN)));
        }
        // A constant expression is one value: spread it over the rows.
        x = g.node("Expand", List.of(x, g.node("Shape", List.of(anchor))));
        columns.put(derive.name().strip(), new GraphColumn(x, false, type, null, GraphColumn.Case.NONE));
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
            case "column" -> {
                GraphColumn c = columns.get((String) s.value());
                if (c.text() && c.changesPending()) {
                    throw new NoOnnxForm(where + ": '" + s.value() + "' is read after a case change or trim");
                }
                if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) {
                    throw new NoOnnxForm(where + ": dates in expressions have no ONNX form yet");
                }
                return new Value(c.tensor(), valueType(c), c.text() ? c.missing() : null);
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
        boolean texts = a.stream().anyMatch(v -> v.type() == ValueType.TEXT);
        if (texts && !(op.equals("==") || op.equals("!=") || op.equals("call") && "ismissing".equals(s.value()))) {
            throw new NoOnnxForm(where + ": '" + (op.equals("call") ? s.value() : op) + "' on texts has no ONNX form yet");
        }
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
            case "neg" -> {
                return number(g.node("Neg", List.of(a.get(0).tensor())));
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                return comparison(op, a.get(0), a.get(1));
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
                return call(where, (String) s.value(), a);
            }
            default -> throw new NoOnnxForm(where + ": '" + op + "' has no ONNX form yet");
        }
    }

    private Value call(String where, String function, List<Value> a) {
        String x = a.get(0).tensor();
        switch (function) {
            case "ismissing" -> {
                return bool(g.asDouble(a.get(0).type() == ValueType.TEXT ? a.get(0).missing() : g.node("IsNaN", List.of(x))));
            }
            case "coalesce" -> {
                String v = a.get(a.size() - 1).tensor();
                for (int i = a.size() - 2; i >= 0; i--) {
                    v = g.node("Where", List.of(g.node("IsNaN", List.of(a.get(i).tensor())), v, a.get(i).tensor()));
                }
                return new Value(v, a.get(0).type() == ValueType.ANY ? a.get(a.size() - 1).type() : a.get(0).type(), null);
            }
            case "if" -> {
                String v = g.node("Where", List.of(g.node("Equal", List.of(x, g.constant(1.0))), a.get(1).tensor(), a.get(2).tensor()));
                return new Value(v, a.get(1).type() == ValueType.ANY ? a.get(2).type() : a.get(1).type(), null);
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
            default -> throw new NoOnnxForm(where + ": the function " + function + " has no ONNX form yet");
        }
    }

    private static Value number(String tensor) {
        return new Value(tensor, ValueType.NUMBER, null);
    }

    private static Value bool(String tensor) {
        return new Value(tensor, ValueType.BOOLEAN, null);
    }

    /**
     * A comparison as the language makes it: missing when either side is; numbers ordered as Double.compare orders them
     * (-0.0 before 0.0, which IEEE comparisons call equal); texts equal or not.
     */
    private Value comparison(String op, Value left, Value right) {
        String unknown;
        String result;
        if (left.type() == ValueType.TEXT || right.type() == ValueType.TEXT) {
            if (left.type() != right.type()) {
                return bool(g.constant(Double.NaN)); // text beside a missing literal
            }
            unknown = g.node("Or", List.of(left.missing(), right.missing()));
            String eq = g.node("Equal", List.of(left.tensor(), right.tensor()));
            result = op.equals("==") ? eq : g.node("Not", List.of(eq));
        } else {
            String x = left.tensor();
            String y = right.tensor();
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
