package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.clean.BinNumbers;
import dev.baton.clean.ChangeCase;
import dev.baton.clean.ChangeType;
import dev.baton.clean.Clip;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MapValues;
import dev.baton.clean.MergeRare;
import dev.baton.clean.MergeValues;
import dev.baton.clean.MissingIndicator;
import dev.baton.clean.Standardize;
import dev.baton.clean.TrimText;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.clean.expression.Shape;
import dev.baton.clean.expression.ValueType;
import dev.baton.clean.DropColumns;
import dev.baton.clean.FillMissing;
import dev.baton.clean.KeepColumns;
import dev.baton.clean.Operation;
import dev.baton.clean.Operations;
import dev.baton.clean.Recipe;
import dev.baton.clean.RenameColumn;
import dev.baton.clean.ReorderColumns;
import dev.baton.data.ColumnType;
import dev.baton.train.CategoricalEncoder;
import dev.baton.train.Encoder;
import dev.baton.train.NumericEncoder;
import dev.baton.train.Preparation;
import dev.baton.train.Task;
import dev.baton.util.OnnxProtos;

import java.util.ArrayList;

import static dev.baton.util.OnnxProtos.strings;
import static dev.baton.util.OnnxProtos.tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's whole pipeline as one ONNX graph, from the contract's raw columns to its outputs: the recipe's row-wise
 * steps, the fitted preparation and the model, with standard operators only (the default domain at opset
 * {@value #OPSET} and {@code ai.onnx.ml} at {@value #ML_OPSET}). An engineer feeds each column as it comes and reads
 * the label and the probabilities in the contract's class order; nothing of Baton's preparation is left to redo.
 *
 * <p>Inputs are {@code [N, 1]} tensors named as the columns: numbers, yes/no values (1 or 0), dates (days since
 * 1970-01-01) and date-times (milliseconds since 1970-01-01T00:00Z) as doubles with NaN for missing; categories and
 * texts as strings, the contract's missing tokens meaning missing. A step without an ONNX form here makes no graph,
 * and the reason names it (docs/onnx-operations.md lists every operation).
 */
public final class PipelineGraph {

    static final int OPSET = 20;
    static final int ML_OPSET = 3;
    public static final String LABEL = "label";
    public static final String PROBABILITIES = "probabilities";
    public static final String SCORES = "scores";
    public static final String PREDICTION = "prediction";

    /** The graph and its description, or the reason there is none. */
    public record Result(byte[] graph, OnnxSupport.PipelineIo io, String reason) {
        static Result none(String reason) {
            return new Result(null, null, reason);
        }
    }

    /**
     * A column as the graph holds it between steps. A text column's case change and trim may be pending: its tensor
     * holds the texts as they came, and comparisons with known values allow for the change (see {@link #equalsLevel}).
     */
    private record Col(String tensor, boolean text, ColumnType type, String missing, Case pending, boolean trimmed) {

        Col(String tensor, boolean text, ColumnType type, String missing, Case pending) {
            this(tensor, text, type, missing, pending, false);
        }

        Col with(String newTensor) {
            return new Col(newTensor, text, type, missing, pending, trimmed);
        }

        /** Whether the tensor's texts are not yet what the steps made of them. */
        boolean changesPending() {
            return pending != Case.NONE || trimmed;
        }
    }

    /** What Java's String.strip removes (Character.isWhitespace), as an RE2 character class. */
    private static final String WHITESPACE = "[\\t\\n\\x{0B}\\f\\r\\x{1C}-\\x{1F} \\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{205F}\\x{3000}]";

    /** A case change not yet applied to a text column: comparisons ignore case instead (see {@link #equalsLevel}). */
    private enum Case { NONE, LOWER, UPPER }

    private final Contract contract;
    private final List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    private final List<OnnxMl.TensorProto> constants = new ArrayList<>();
    private int names;

    private PipelineGraph(Contract contract) {
        this.contract = contract;
    }

    /**
     * @param modelGraph    the model alone (Tribuo's export or Baton's trees), reading prepared rows from {@code input}
     * @param modelFeatures the prepared features in the order of the model's input columns
     * @param modelClasses  classification: the classes in the order of the model's output columns
     */
    public static Result build(Contract contract, Recipe recipe, Preparation preparation, byte[] modelGraph, List<String> modelFeatures,
                               List<String> modelClasses, boolean probabilities) {
        try {
            return new PipelineGraph(contract).assemble(recipe, preparation, OnnxMl.ModelProto.parseFrom(modelGraph), modelFeatures,
                    modelClasses, probabilities);
        } catch (Unsupported e) {
            return Result.none(e.getMessage());
        } catch (InvalidProtocolBufferException e) {
            return Result.none("the model's ONNX graph could not be read back: " + e.getMessage());
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private Result assemble(Recipe recipe, Preparation preparation, OnnxMl.ModelProto model, List<String> modelFeatures,
                            List<String> modelClasses, boolean probabilities) {
        if (preparation.target() != null) {
            throw new Unsupported("the model predicts a standardized target (a bundle from before exact linear regression)");
        }
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("baton-pipeline");
        Map<String, Col> columns = new LinkedHashMap<>();
        List<OnnxSupport.PipelineInput> inputs = new ArrayList<>();
        for (Contract.Input in : contract.inputs()) {
            boolean text = in.type().isString();
            graph.addInput(tensor(in.name(), text ? OnnxMl.TensorProto.DataType.STRING : OnnxMl.TensorProto.DataType.DOUBLE, 1));
            inputs.add(new OnnxSupport.PipelineInput(in.name(), (text ? "string" : "double") + " [N, 1]", in.type().label(), unit(in.type())));
            columns.put(in.name(), text ? new Col(in.name(), true, in.type(), missingMask(in.name()), Case.NONE) : contractPolicy(in));
        }
        int k = 0;
        for (var step : recipe.steps()) {
            k++;
            if (step.enabled() && step.operation().rowWise()) {
                apply(k, step.operation(), columns);
            }
        }
        Map<String, String> features = new HashMap<>();
        for (Encoder e : preparation.encoders()) {
            Col c = columns.get(e.column());
            if (c == null) {
                throw new Unsupported("the feature '" + e.column() + "' is not made by the recipe's steps");
            }
            if (e instanceof NumericEncoder num) {
                numeric(num, c, features);
            } else {
                categorical((CategoricalEncoder) e, c, features);
            }
        }
        List<String> row = new ArrayList<>();
        for (String f : modelFeatures) {
            String t = features.get(f);
            if (t == null) {
                throw new Unsupported("the model's feature '" + f + "' is not among the prepared ones");
            }
            row.add(t);
        }
        String prepared = node("Concat", row, OnnxProtos.attribute("axis", 1));
        boolean doubles = model.getGraph().getInput(0).getType().getTensorType().getElemType() == OnnxMl.TensorProto.DataType.DOUBLE_VALUE;
        String modelInput = doubles ? prepared : node("Cast", List.of(prepared), OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.FLOAT_VALUE));
        Map<String, String> modelOutputs = mergeModel(model.getGraph(), modelInput);
        List<String> outputs = outputs(modelOutputs, modelClasses, probabilities, graph);
        graph.addAllNode(nodes).addAllInitializer(constants);
        OnnxMl.ModelProto full = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(9)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(ML_OPSET))
                .setProducerName("Baton")
                .setProducerVersion(dev.baton.util.Versions.baton())
                .setDomain("dev.baton")
                .setModelVersion(2)
                .setDocString("Raw columns in, the bundle's outputs out: recipe steps, preparation and model in one graph.")
                .setGraph(graph)
                .build();
        OnnxSupport.PipelineIo io = new OnnxSupport.PipelineIo("pipeline", inputs, contract.missingTokens(), outputs,
                contract.task() == Task.CLASSIFICATION ? contract.classes() : null, probabilities, OPSET, ML_OPSET, "1.17", null, null);
        return new Result(full.toByteArray(), io, null);
    }

    private static String unit(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> "the number; NaN when missing";
            case BOOLEAN -> "1 for yes, 0 for no; NaN when missing";
            case DATE -> "days since 1970-01-01; NaN when missing";
            case DATETIME -> "milliseconds since 1970-01-01T00:00:00Z; NaN when missing";
            case CATEGORICAL, TEXT -> "the text as it comes; a missing token (see missingTokens) when missing";
        };
    }

    // ---- inputs ----

    /** A number column after the contract's range policy: clipped to the training range when the contract says so. */
    private Col contractPolicy(Contract.Input in) {
        String x = in.name();
        if (in.outOfRange() == Contract.OutOfRange.CLIP && in.type().isNumeric() && in.min() != null && in.max() != null) {
            String clipped = node("Min", List.of(node("Max", List.of(x, constant(in.min()))), constant(in.max())));
            x = node("Where", List.of(node("IsNaN", List.of(x)), x, clipped));
        }
        return new Col(x, false, in.type(), null, Case.NONE);
    }

    /** Whether each text is one of the contract's missing tokens (a bool tensor). */
    private String missingMask(String tensor) {
        String mask = null;
        for (String token : contract.missingTokens()) {
            String eq = node("Equal", List.of(tensor, constant(token)));
            mask = mask == null ? eq : node("Or", List.of(mask, eq));
        }
        return mask == null ? node("Not", List.of(node("Equal", List.of(tensor, tensor)))) : mask;
    }

    // ---- recipe steps ----

    private void apply(int k, Operation op, Map<String, Col> columns) {
        String where = "step " + k + " (" + Operations.name(op) + ")";
        if (op instanceof RenameColumn r) {
            Col c = columns.remove(r.column());
            if (c != null) {
                columns.put(r.to(), c);
            }
        } else if (op instanceof KeepColumns keep) {
            columns.keySet().retainAll(keep.columns());
        } else if (op instanceof DropColumns drop) {
            drop.columns().forEach(columns::remove);
        } else if (op instanceof ReorderColumns) {
            return; // the order of columns means nothing to the graph
        } else if (op instanceof ChangeCase change) {
            if (change.mode() == ChangeCase.Case.TITLE) {
                throw new Unsupported(where + ": title case has no ONNX form");
            }
            for (String name : change.columns()) {
                Col c = text(columns, name, where);
                if (c.pending() != Case.NONE) {
                    throw new Unsupported(where + ": a second case change of '" + name + "'");
                }
                columns.put(name, new Col(c.tensor(), true, c.type(), c.missing(), change.mode() == ChangeCase.Case.LOWER ? Case.LOWER : Case.UPPER,
                        c.trimmed()));
            }
        } else if (op instanceof TrimText trim) {
            for (String name : trim.columns()) {
                Col c = text(columns, name, where);
                // A text of nothing but spaces is empty once trimmed, and an empty text is missing.
                String blank = node("RegexFullMatch", List.of(c.tensor()), OnnxProtos.attribute("pattern", WHITESPACE + "*"));
                columns.put(name, new Col(c.tensor(), true, c.type(), node("Or", List.of(c.missing(), blank)), c.pending(), true));
            }
        } else if (op instanceof FillMissing fill) {
            fill(where, fill, columns);
        } else if (op instanceof DatePart part) {
            datePart(where, part, columns);
        } else if (op instanceof Clip clip) {
            boolean fitted = clip.lowerQuantile() != null || clip.upperQuantile() != null;
            Double lower = fitted ? clip.fittedLower() : clip.lower();
            Double upper = fitted ? clip.fittedUpper() : clip.upper();
            double lo = lower == null ? Double.NEGATIVE_INFINITY : lower;
            double hi = upper == null ? Double.POSITIVE_INFINITY : upper;
            mapNumbers(where, columns, clip.column(), null, x -> node("Min", List.of(node("Max", List.of(x, constant(lo))), constant(hi))));
        } else if (op instanceof Standardize st) {
            mapNumbers(where, columns, st.column(), null, x -> node("Div", List.of(sub(x, st.fittedMean()), constant(st.fittedStd()))));
        } else if (op instanceof LogTransform log) {
            double scale = log.base() == null || log.base().equals("e") ? 1 : Math.log(Double.parseDouble(log.base()));
            mapNumbers(where, columns, log.column(), log.into(), x -> {
                String y = log.plusOne() ? add(x, 1) : x;
                String ln = node("Log", List.of(y));
                String value = scale == 1 ? ln : node("Div", List.of(ln, constant(scale)));
                return node("Where", List.of(node("Greater", List.of(y, constant(0.0))), value, constant(Double.NaN)));
            });
        } else if (op instanceof ChangeType change && numberToNumber(columns.get(change.column()), change.type())) {
            // Between integers and decimals without text: a decimal stays an integer only when whole and below 10^15.
            Col c = columns.get(change.column());
            String x = c.tensor();
            if (change.type() == ColumnType.INTEGER) {
                String whole = node("And", List.of(node("Equal", List.of(node("Floor", List.of(x)), x)),
                        node("Less", List.of(node("Abs", List.of(x)), constant(1e15)))));
                x = node("Where", List.of(whole, x, constant(Double.NaN)));
            }
            columns.put(change.column(), new Col(x, false, change.type(), null, Case.NONE));
        } else if (op instanceof DeriveColumn derive) {
            derive(where, derive, columns);
        } else if (op instanceof BinNumbers bin) {
            bin(where, bin, columns);
        } else if (op instanceof MissingIndicator flag) {
            Col c = columns.get(flag.column());
            if (c == null) {
                throw new Unsupported(where + ": '" + flag.column() + "' is not a column the graph holds");
            }
            String missing = c.text() ? c.missing() : node("IsNaN", List.of(c.tensor()));
            columns.put(flag.outputs().get(0), new Col(asDouble(missing), false, ColumnType.BOOLEAN, null, Case.NONE));
        } else if (op instanceof MapValues map) {
            mapTexts(where, columns, map.column(), map.mapping(), map.othersMissing() ? null : UNCHANGED);
        } else if (op instanceof MergeValues merge) {
            mapTexts(where, columns, merge.column(), merge.mapping(), UNCHANGED);
        } else if (op instanceof MergeRare rare) {
            Map<String, String> kept = new LinkedHashMap<>();
            rare.kept().forEach(level -> kept.put(level, level));
            mapTexts(where, columns, rare.column(), kept, rare.label() == null || rare.label().isBlank() ? "Other" : rare.label());
        } else {
            throw new Unsupported(where + " has no ONNX form in this version of Baton");
        }
    }

    /** A value of an expression in the graph: numbers and yes/no as doubles (NaN missing), texts with their missing mask. */
    private record Value(String tensor, ValueType type, String missing) {
    }

    /**
     * A derived column: the expression's structure translated operator by operator, with the language's rules for
     * missing values (they propagate; a result that is not a number or infinite is missing; and/or are three-valued).
     * Numbers and yes/no values, texts compared for equality; dates and text functions have no form yet.
     */
    private void derive(String where, DeriveColumn derive, Map<String, Col> columns) {
        ColumnType type = derive.fittedType();
        if (type == null || !(type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.BOOLEAN)) {
            throw new Unsupported(where + ": a derived column of " + (type == null ? "unknown type" : type.label() + " values") + " has no ONNX form yet");
        }
        Expression e;
        try {
            e = Expression.compile(derive.expression(), name -> {
                Col c = columns.get(name);
                return c == null ? null : new Expression.ColumnReader(valueType(c), row -> null);
            });
        } catch (ExpressionException ex) {
            throw new Unsupported(where + ": " + ex.getMessage());
        }
        if (e.shape() == null) {
            throw new Unsupported(where + ": a part of '" + derive.expression() + "' (a quoted date) has no ONNX form yet");
        }
        Value v = expression(where, e.shape(), columns);
        if (v.type() == ValueType.TEXT || v.type() == ValueType.DATE || v.type() == ValueType.DATETIME) {
            throw new Unsupported(where + ": a derived column of " + v.type().label() + " has no ONNX form yet");
        }
        String x = v.tensor();
        if (type == ColumnType.INTEGER) {
            x = node("Where", List.of(node("Equal", List.of(node("Floor", List.of(x)), x)), x, constant(Double.NaN)));
        }
        // A constant expression is one value: spread it over the rows.
        String anchor = contract.inputs().get(0).name();
        x = node("Expand", List.of(x, node("Shape", List.of(anchor))));
        columns.put(derive.name().strip(), new Col(x, false, type, null, Case.NONE));
    }

    private static ValueType valueType(Col c) {
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

    private Value expression(String where, Shape s, Map<String, Col> columns) {
        switch (s.op()) {
            case "number" -> {
                return new Value(constant((Double) s.value()), ValueType.NUMBER, null);
            }
            case "bool" -> {
                return new Value(constant(Boolean.TRUE.equals(s.value()) ? 1.0 : 0.0), ValueType.BOOLEAN, null);
            }
            case "null" -> {
                return new Value(constant(Double.NaN), ValueType.ANY, null);
            }
            case "text" -> {
                return new Value(constant((String) s.value()), ValueType.TEXT, constant(false));
            }
            case "column" -> {
                Col c = columns.get((String) s.value());
                if (c.text() && c.changesPending()) {
                    throw new Unsupported(where + ": '" + s.value() + "' is read after a case change or trim");
                }
                if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) {
                    throw new Unsupported(where + ": dates in expressions have no ONNX form yet");
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
            throw new Unsupported(where + ": '" + (op.equals("call") ? s.value() : op) + "' on texts has no ONNX form yet");
        }
        switch (op) {
            case "+", "-", "*", "/", "%" -> {
                String x = a.get(0).tensor();
                String y = a.get(1).tensor();
                String v = switch (op) {
                    case "+" -> node("Add", List.of(x, y));
                    case "-" -> node("Sub", List.of(x, y));
                    case "*" -> node("Mul", List.of(x, y));
                    case "/" -> node("Div", List.of(x, y));
                    default -> node("Mod", List.of(x, y), OnnxProtos.attribute("fmod", 1)); // Java's %: the sign of the dividend
                };
                return number(missingIfNotFinite(v));
            }
            case "neg" -> {
                return number(node("Neg", List.of(a.get(0).tensor())));
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                return comparison(op, a.get(0), a.get(1));
            }
            case "not" -> {
                String x = a.get(0).tensor();
                return bool(node("Where", List.of(node("IsNaN", List.of(x)), x, node("Sub", List.of(constant(1.0), x)))));
            }
            case "and", "or" -> {
                String x = a.get(0).tensor();
                String y = a.get(1).tensor();
                double decides = op.equals("and") ? 0 : 1; // false decides an and, true an or, even beside a missing value
                String decided = node("Or", List.of(node("Equal", List.of(x, constant(decides))), node("Equal", List.of(y, constant(decides)))));
                String unknown = node("Or", List.of(node("IsNaN", List.of(x)), node("IsNaN", List.of(y))));
                return bool(node("Where", List.of(decided, constant(decides),
                        node("Where", List.of(unknown, constant(Double.NaN), constant(1 - decides))))));
            }
            case "call" -> {
                return call(where, (String) s.value(), a);
            }
            default -> throw new Unsupported(where + ": '" + op + "' has no ONNX form yet");
        }
    }

    private Value call(String where, String function, List<Value> a) {
        String x = a.get(0).tensor();
        switch (function) {
            case "ismissing" -> {
                return bool(asDouble(a.get(0).type() == ValueType.TEXT ? a.get(0).missing() : node("IsNaN", List.of(x))));
            }
            case "coalesce" -> {
                String v = a.get(a.size() - 1).tensor();
                for (int i = a.size() - 2; i >= 0; i--) {
                    v = node("Where", List.of(node("IsNaN", List.of(a.get(i).tensor())), v, a.get(i).tensor()));
                }
                return new Value(v, a.get(0).type() == ValueType.ANY ? a.get(a.size() - 1).type() : a.get(0).type(), null);
            }
            case "if" -> {
                String v = node("Where", List.of(node("Equal", List.of(x, constant(1.0))), a.get(1).tensor(), a.get(2).tensor()));
                return new Value(v, a.get(1).type() == ValueType.ANY ? a.get(2).type() : a.get(1).type(), null);
            }
            case "abs", "floor", "ceil", "sqrt", "exp" -> {
                String op = Character.toUpperCase(function.charAt(0)) + function.substring(1);
                return number(node(op, List.of(x)));
            }
            case "log" -> {
                String v = node("Log", List.of(x));
                if (a.size() > 1) {
                    v = node("Div", List.of(v, node("Log", List.of(a.get(1).tensor()))));
                }
                return number(missingIfNotFinite(v));
            }
            case "pow" -> {
                return number(node("Pow", List.of(x, a.get(1).tensor())));
            }
            case "min", "max" -> {
                String v = x;
                String unknown = node("IsNaN", List.of(x));
                for (Value next : a.subList(1, a.size())) {
                    v = node(function.equals("min") ? "Min" : "Max", List.of(v, next.tensor()));
                    unknown = node("Or", List.of(unknown, node("IsNaN", List.of(next.tensor()))));
                }
                return number(node("Where", List.of(unknown, constant(Double.NaN), v)));
            }
            default -> throw new Unsupported(where + ": the function " + function + " has no ONNX form yet");
        }
    }

    private static Value number(String tensor) {
        return new Value(tensor, ValueType.NUMBER, null);
    }

    private static Value bool(String tensor) {
        return new Value(tensor, ValueType.BOOLEAN, null);
    }

    private String missingIfNotFinite(String v) {
        return node("Where", List.of(node("Or", List.of(node("IsNaN", List.of(v)), node("IsInf", List.of(v)))), constant(Double.NaN), v));
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
                return bool(constant(Double.NaN)); // text beside a missing literal
            }
            unknown = node("Or", List.of(left.missing(), right.missing()));
            String eq = node("Equal", List.of(left.tensor(), right.tensor()));
            result = op.equals("==") ? eq : node("Not", List.of(eq));
        } else {
            String x = left.tensor();
            String y = right.tensor();
            unknown = node("Or", List.of(node("IsNaN", List.of(x)), node("IsNaN", List.of(y))));
            String eq = node("And", List.of(node("Equal", List.of(x, y)), node("Equal", List.of(negativeZero(x), negativeZero(y)))));
            result = switch (op) {
                case "==" -> eq;
                case "!=" -> node("Not", List.of(eq));
                case "<" -> less(x, y);
                case ">" -> less(y, x);
                case "<=" -> node("Or", List.of(less(x, y), eq));
                default -> node("Or", List.of(less(y, x), eq));
            };
        }
        return bool(node("Where", List.of(unknown, constant(Double.NaN), asDouble(result))));
    }

    private String negativeZero(String x) {
        return node("And", List.of(node("Equal", List.of(x, constant(0.0))), node("Less", List.of(node("Div", List.of(constant(1.0), x)), constant(0.0)))));
    }

    private String less(String x, String y) {
        String zeros = node("And", List.of(negativeZero(x), node("Not", List.of(negativeZero(y)))));
        return node("Or", List.of(node("Less", List.of(x, y)), node("And", List.of(zeros, node("Equal", List.of(y, constant(0.0)))))));
    }

    /**
     * Numbers into their interval's label, as the step labels them: the index is how many inner edges the value
     * reaches ({@code v >= edge}), so values beyond the outer edges fall into the first or last interval.
     */
    private void bin(String where, BinNumbers bin, Map<String, Col> columns) {
        Col c = columns.get(bin.column());
        List<Double> edges = bin.edges() != null ? bin.edges() : bin.fittedEdges();
        if (c == null || c.text() || edges == null || edges.size() < 2) {
            throw new Unsupported(where + ": '" + bin.column() + "' is not a number column the graph holds, or has no edges");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            labels.add("[" + number(edges.get(i)) + ", " + number(edges.get(i + 1)) + (i + 2 == edges.size() ? "]" : ")"));
        }
        String index = constant(0.0);
        for (int i = 1; i + 1 < edges.size(); i++) {
            index = add(index, asDouble(node("GreaterOrEqual", List.of(c.tensor(), constant(edges.get(i))))));
        }
        String code = node("Cast", List.of(index), OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.INT64_VALUE));
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < labels.size(); i++) {
            keys.add(i);
        }
        String text = mlNode("LabelEncoder", List.of(code), OnnxProtos.ints("keys_int64s", keys), strings("values_strings", labels),
                OnnxProtos.attribute("default_string", ""));
        columns.put(bin.outputs().get(0), new Col(text, true, ColumnType.CATEGORICAL, node("IsNaN", List.of(c.tensor())), Case.NONE));
    }

    /** A number as the recipe writes it in labels: whole numbers without a fraction. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Stands for "a value not in the mapping stays as it is" in {@link #mapTexts}. */
    private static final String UNCHANGED = "\u0000unchanged";

    /**
     * A function of every number of a column (as the step's own map: NaN stays missing, an infinite result becomes
     * missing), into {@code into} or in place.
     */
    private void mapNumbers(String where, Map<String, Col> columns, String column, String into, java.util.function.UnaryOperator<String> f) {
        Col c = columns.get(column);
        if (c == null || c.text() || !(c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)) {
            throw new Unsupported(where + ": '" + column + "' is not a number column the graph holds");
        }
        String y = f.apply(c.tensor());
        String finite = node("Where", List.of(node("IsInf", List.of(y)), constant(Double.NaN), y));
        String name = into == null || into.isBlank() ? column : into.strip();
        columns.put(name, new Col(finite, false, ColumnType.DECIMAL, null, Case.NONE));
    }

    /**
     * Texts replaced by a mapping, as the step maps every present text: a text not in it becomes {@code others} (a
     * value, missing when null, or itself when {@link #UNCHANGED}); a text mapped to "" is missing.
     */
    private void mapTexts(String where, Map<String, Col> columns, String column, Map<String, String> mapping, String others) {
        Col c = text(columns, column, where);
        if (c.changesPending()) {
            throw new Unsupported(where + ": mapping the values of '" + column + "' after a case change or trim");
        }
        String sentinel = "\u0000not mapped";
        String mapped = mlNode("LabelEncoder", List.of(c.tensor()), strings("keys_strings", List.copyOf(mapping.keySet())),
                strings("values_strings", List.copyOf(mapping.values())), OnnxProtos.attribute("default_string", sentinel));
        String unmapped = node("Equal", List.of(mapped, constant(sentinel)));
        String value = mapped;
        String missing = c.missing();
        if (others == null) {
            missing = node("Or", List.of(missing, unmapped));
        } else {
            value = node("Where", List.of(unmapped, others.equals(UNCHANGED) ? c.tensor() : constant(others), mapped));
        }
        missing = node("Or", List.of(missing, node("Equal", List.of(value, constant("")))));
        columns.put(column, new Col(value, true, c.type(), missing, Case.NONE));
    }

    private static boolean numberToNumber(Col c, ColumnType to) {
        return c != null && !c.text() && (c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)
                && (to == ColumnType.INTEGER || to == ColumnType.DECIMAL);
    }

    private static Col text(Map<String, Col> columns, String name, String where) {
        Col c = columns.get(name);
        if (c == null || !c.text()) {
            throw new Unsupported(where + ": '" + name + "' is not a text column the graph holds");
        }
        return c;
    }

    private void fill(String where, FillMissing fill, Map<String, Col> columns) {
        if (fill.method() == FillMissing.Method.FORWARD || fill.method() == FillMissing.Method.BACKWARD) {
            throw new Unsupported(where + ": filling from neighbouring rows has no ONNX form");
        }
        for (String name : fill.columns()) {
            Col c = columns.get(name);
            if (c == null) {
                throw new Unsupported(where + ": '" + name + "' is not a column the graph holds");
            }
            Object value = fill.method() == FillMissing.Method.CONSTANT ? fill.value() : fill.fitted() == null ? null : fill.fitted().get(name);
            if (value == null) {
                throw new Unsupported(where + ": no fill value for '" + name + "'");
            }
            // As the step writes its value: a whole number without a fraction, anything else as its text.
            String text = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : value.toString();
            if (c.text()) {
                if (c.changesPending()) {
                    throw new Unsupported(where + ": filling '" + name + "' after a case change or trim");
                }
                String filled = node("Where", List.of(c.missing(), constant(text), c.tensor()));
                columns.put(name, new Col(filled, true, c.type(), node("And", List.of(c.missing(), constant(false))), Case.NONE));
            } else {
                double v;
                if (c.type().isNumeric()) {
                    try {
                        v = Double.parseDouble(text.strip());
                    } catch (NumberFormatException e) {
                        throw new Unsupported(where + ": the fill value '" + text + "' of '" + name + "' is not a number");
                    }
                } else {
                    v = dev.baton.data.CellParser.parse(List.of(text), c.type(), null, null)[0];
                }
                columns.put(name, c.with(node("Where", List.of(node("IsNaN", List.of(c.tensor())), constant(v), c.tensor()))));
            }
        }
    }

    /**
     * Year, quarter, month, day and weekday of days since 1970 by Howard Hinnant's civil-from-days, in doubles with
     * Floor for integer division (every value stays an exact integer well below 2^53); NaN stays NaN throughout.
     */
    private void datePart(String where, DatePart part, Map<String, Col> columns) {
        Col c = columns.get(part.column());
        if (c == null || (c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME)) {
            throw new Unsupported(where + ": '" + part.column() + "' is not a date column the graph holds");
        }
        String days = c.type() == ColumnType.DATE ? c.tensor() : floorDiv(c.tensor(), 86_400_000);
        String value = switch (part.part()) {
            case WEEKDAY -> add(mod(add(days, 3), 7), 1);
            default -> {
                String z = add(days, 719_468);
                String era = floorDiv(z, 146_097);
                String doe = sub(z, mul(era, 146_097));
                String yoe = floorDiv(sub(add(sub(doe, floorDiv(doe, 1460)), floorDiv(doe, 36_524)), floorDiv(doe, 146_096)), 365);
                String doy = sub(doe, add(mul(yoe, 365), sub(floorDiv(yoe, 4), floorDiv(yoe, 100))));
                String mp = floorDiv(add(mul(doy, 5), 2), 153);
                String day = add(sub(doy, floorDiv(add(mul(mp, 153), 2), 5)), 1);
                String month = sub(add(mp, 3), mul(asDouble(node("GreaterOrEqual", List.of(mp, constant(10.0)))), 12));
                String year = add(add(yoe, mul(era, 400)), asDouble(node("LessOrEqual", List.of(month, constant(2.0)))));
                yield switch (part.part()) {
                    case YEAR -> year;
                    case MONTH -> month;
                    case DAY -> day;
                    case QUARTER -> add(floorDiv(sub(month, 1), 3), 1);
                    case DAY_OF_YEAR -> add(sub(days, firstOfJanuary(year)), 1);
                    default -> throw new IllegalStateException();
                };
            }
        };
        String into = part.outputs().get(0);
        columns.put(into, new Col(value, false, ColumnType.INTEGER, null, Case.NONE));
    }

    /** Days since 1970 of the first of January of each year: Hinnant's days-from-civil for month 1, day 1. */
    private String firstOfJanuary(String year) {
        String y = sub(year, 1); // January counts in the year before, in a calendar that starts in March
        String era = floorDiv(y, 400);
        String yoe = sub(y, mul(era, 400));
        String doe = add(add(mul(yoe, 365), sub(floorDiv(yoe, 4), floorDiv(yoe, 100))), 306);
        return add(add(mul(era, 146_097), doe), -719_468);
    }

    // ---- preparation ----

    private void numeric(NumericEncoder e, Col c, Map<String, String> features) {
        if (c.text()) {
            throw new Unsupported("the feature '" + e.column() + "' holds texts where the model learned numbers");
        }
        String x = c.tensor();
        Contract.Derived made = contract.derived(e.column());
        if (made != null && made.outOfRange() == Contract.OutOfRange.CLIP) {
            String clipped = node("Min", List.of(node("Max", List.of(x, constant(made.min()))), constant(made.max())));
            x = node("Where", List.of(node("IsNaN", List.of(x)), x, clipped));
        } else if (made != null && made.outOfRange() == Contract.OutOfRange.REJECT) {
            throw new Unsupported("the contract rejects rows whose '" + e.column() + "' (made by the recipe) is out of range, which a graph cannot do");
        }
        if (c.type() == ColumnType.DATETIME) {
            x = node("Div", List.of(floorDiv(x, 1000), constant(86_400.0))); // days with a fraction of whole seconds, as in training
        }
        String isNaN = node("IsNaN", List.of(x));
        String v = node("Where", List.of(isNaN, constant(e.median()), x));
        if (e.standardize()) {
            v = node("Div", List.of(node("Sub", List.of(v, constant(e.mean()))), constant(e.std())));
        }
        features.put(e.column(), v);
        if (e.indicator()) {
            features.put(e.column() + NumericEncoder.MISSING_SUFFIX, asDouble(isNaN));
        }
    }

    private void categorical(CategoricalEncoder e, Col c, Map<String, String> features) {
        if (!c.text()) {
            throw new Unsupported("the feature '" + e.column() + "' holds numbers where the model learned categories");
        }
        String present = node("Not", List.of(c.missing()));
        for (String level : e.levels()) {
            features.put(e.column() + "@" + level, asDouble(node("And", List.of(present, equalsLevel(c, level)))));
        }
        if (e.missingLevel()) {
            features.put(e.column() + "@" + CategoricalEncoder.MISSING_LEVEL, asDouble(c.missing()));
        }
    }

    /**
     * Whether each text equals {@code level} once its pending changes are made. Lower-cased text equals a level only if
     * the level is lower case, and then exactly when the text matches it ignoring case (RE2's case folding: 'K', 'k'
     * and the Kelvin sign alike, as Java's lower-casing has it); upper case likewise. Trimmed text equals a level when
     * the level is what is left between leading and trailing whitespace as Java's strip() sees it.
     */
    private String equalsLevel(Col c, String level) {
        if (!c.changesPending()) {
            return node("Equal", List.of(c.tensor(), constant(level)));
        }
        String changed = c.pending() == Case.LOWER ? level.toLowerCase(java.util.Locale.ROOT)
                : c.pending() == Case.UPPER ? level.toUpperCase(java.util.Locale.ROOT) : level;
        if (!changed.equals(level) || c.trimmed() && !level.strip().equals(level)) {
            return node("And", List.of(c.missing(), constant(false))); // no text is this level after the change
        }
        if (c.pending() != Case.NONE && !level.chars().allMatch(ch -> ch < 128)) {
            throw new Unsupported("the category '" + level + "' of '" + c.tensor() + "' has letters beyond ASCII after a case change, "
                    + "which the graph cannot compare exactly");
        }
        String around = c.trimmed() ? WHITESPACE + "*" : "";
        return node("RegexFullMatch", List.of(c.tensor()),
                OnnxProtos.attribute("pattern", (c.pending() != Case.NONE ? "(?i)" : "") + around + quoteRe2(level) + around));
    }

    private static String quoteRe2(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    // ---- the model and the outputs ----

    /** The model's nodes and constants under names of their own, reading {@code prepared}; its outputs by their names. */
    private Map<String, String> mergeModel(OnnxMl.GraphProto model, String prepared) {
        Map<String, String> renamed = new HashMap<>();
        renamed.put(model.getInput(0).getName(), prepared);
        java.util.function.Function<String, String> name = n -> n.isEmpty() ? n : renamed.computeIfAbsent(n, x -> "model/" + x);
        for (OnnxMl.TensorProto t : model.getInitializerList()) {
            constants.add(t.toBuilder().setName(name.apply(t.getName())).build());
        }
        for (OnnxMl.NodeProto n : model.getNodeList()) {
            OnnxMl.NodeProto.Builder b = n.toBuilder().clearInput().clearOutput();
            if (!n.getName().isEmpty()) {
                b.setName("model/" + n.getName());
            }
            n.getInputList().forEach(i -> b.addInput(name.apply(i)));
            n.getOutputList().forEach(o -> b.addOutput(name.apply(o)));
            nodes.add(b.build());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (OnnxMl.ValueInfoProto o : model.getOutputList()) {
            outputs.put(o.getName(), name.apply(o.getName()));
        }
        return outputs;
    }

    private List<String> outputs(Map<String, String> model, List<String> modelClasses, boolean probabilities, OnnxMl.GraphProto.Builder graph) {
        if (contract.task() == Task.REGRESSION) {
            String values = model.values().iterator().next();
            nodes.add(OnnxMl.NodeProto.newBuilder().setOpType("Reshape").addInput(values).addInput(constantLongs(-1)).addOutput(PREDICTION).build());
            graph.addOutput(tensor(PREDICTION, OnnxMl.TensorProto.DataType.FLOAT, -1));
            return List.of(PREDICTION);
        }
        // Tribuo's graphs output the probabilities (or scores) alone; Baton's trees a label and the probabilities.
        String scores = model.containsKey("probabilities") ? model.get("probabilities") : model.values().iterator().next();
        List<String> classes = contract.classes();
        long[] order = new long[classes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = modelClasses.indexOf(classes.get(i));
            if (order[i] < 0) {
                throw new Unsupported("the model has no output for the class '" + classes.get(i) + "'");
            }
        }
        String out = probabilities ? PROBABILITIES : SCORES;
        nodes.add(OnnxMl.NodeProto.newBuilder().setOpType("Gather").addInput(scores).addInput(constantLongs(order)).addOutput(out)
                .addAttribute(OnnxProtos.attribute("axis", 1)).build());
        String best = node("ArgMax", List.of(out), OnnxProtos.attribute("axis", 1), OnnxProtos.attribute("keepdims", 0));
        long[] ids = new long[classes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        nodes.add(OnnxMl.NodeProto.newBuilder().setOpType("LabelEncoder").setDomain("ai.onnx.ml").addInput(best).addOutput(LABEL)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keys_int64s").setType(OnnxMl.AttributeProto.AttributeType.INTS)
                        .addAllInts(java.util.Arrays.stream(ids).boxed().toList()))
                .addAttribute(strings("values_strings", classes))
                .addAttribute(OnnxProtos.attribute("default_string", "")).build());
        graph.addOutput(tensor(LABEL, OnnxMl.TensorProto.DataType.STRING, -1));
        graph.addOutput(tensor(out, OnnxMl.TensorProto.DataType.FLOAT, classes.size()));
        return List.of(LABEL, out);
    }

    // ---- graph building ----

    private String fresh(String op) {
        return "baton/" + op.toLowerCase(java.util.Locale.ROOT) + "_" + (names++);
    }

    private String node(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = fresh(op);
        OnnxMl.NodeProto.Builder b = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out);
        for (OnnxMl.AttributeProto a : attributes) {
            b.addAttribute(a);
        }
        nodes.add(b.build());
        return out;
    }

    /** A node of the ai.onnx.ml domain. */
    private String mlNode(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = node(op, inputs, attributes);
        nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1).toBuilder().setDomain("ai.onnx.ml").build());
        return out;
    }

    private String asDouble(String tensor) {
        return node("Cast", List.of(tensor), OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.DOUBLE_VALUE));
    }

    private String add(String x, double v) {
        return node("Add", List.of(x, constant(v)));
    }

    private String add(String x, String y) {
        return node("Add", List.of(x, y));
    }

    private String sub(String x, double v) {
        return node("Sub", List.of(x, constant(v)));
    }

    private String sub(String x, String y) {
        return node("Sub", List.of(x, y));
    }

    private String mul(String x, double v) {
        return node("Mul", List.of(x, constant(v)));
    }

    private String floorDiv(String x, double v) {
        return node("Floor", List.of(node("Div", List.of(x, constant(v)))));
    }

    private String mod(String x, double v) {
        return sub(x, mul(floorDiv(x, v), v));
    }

    private String constant(double v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.DOUBLE_VALUE).addDoubleData(v).build());
        return name;
    }

    private String constant(boolean v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.BOOL_VALUE).addInt32Data(v ? 1 : 0).build());
        return name;
    }

    private String constant(String v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.STRING_VALUE)
                .addStringData(ByteString.copyFromUtf8(v)).build());
        return name;
    }

    private String constantLongs(long... v) {
        String name = fresh("const");
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE)
                .addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        constants.add(t.build());
        return name;
    }




}
