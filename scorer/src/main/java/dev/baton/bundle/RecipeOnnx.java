package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import dev.baton.clean.BinNumbers;
import dev.baton.clean.ChangeCase;
import dev.baton.clean.ChangeType;
import dev.baton.clean.Clip;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.DropColumns;
import dev.baton.clean.FillMissing;
import dev.baton.clean.KeepColumns;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MapValues;
import dev.baton.clean.MergeRare;
import dev.baton.clean.MergeValues;
import dev.baton.clean.MissingIndicator;
import dev.baton.clean.Operation;
import dev.baton.clean.Operations;
import dev.baton.clean.RenameColumn;
import dev.baton.clean.ReorderColumns;
import dev.baton.clean.Standardize;
import dev.baton.clean.TrimText;
import dev.baton.data.ColumnType;
import dev.baton.util.OnnxProtos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.baton.util.OnnxProtos.strings;

/**
 * The recipe's row-wise steps in the pipeline graph, each with the step's own rules (docs/onnx-operations.md), and
 * the comparison of a text column with a known value once its pending case change or trim is made.
 */
final class RecipeOnnx {

    private final OnnxGraphBuilder g;
    private final ExpressionOnnx expressions;

    RecipeOnnx(OnnxGraphBuilder g, ExpressionOnnx expressions) {
        this.g = g;
        this.expressions = expressions;
    }

    /** What Java's String.strip removes (Character.isWhitespace), as an RE2 character class. */
    private static final String WHITESPACE = "[\\t\\n\\x{0B}\\f\\r\\x{1C}-\\x{1F} \\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{205F}\\x{3000}]";

    void apply(int k, Operation op, Map<String, GraphColumn> columns) {
        String where = "step " + k + " (" + Operations.name(op) + ")";
        if (op instanceof RenameColumn r) {
            GraphColumn c = columns.remove(r.column());
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
                throw new NoOnnxForm(where + ": title case has no ONNX form");
            }
            for (String name : change.columns()) {
                GraphColumn c = text(columns, name, where);
                if (c.pending() != GraphColumn.Case.NONE) {
                    throw new NoOnnxForm(where + ": a second case change of '" + name + "'");
                }
                columns.put(name, new GraphColumn(c.tensor(), true, c.type(), c.missing(), change.mode() == ChangeCase.Case.LOWER ? GraphColumn.Case.LOWER : GraphColumn.Case.UPPER,
                        c.trimmed()));
            }
        } else if (op instanceof TrimText trim) {
            for (String name : trim.columns()) {
                GraphColumn c = text(columns, name, where);
                // A text of nothing but spaces is empty once trimmed, and an empty text is missing.
                String blank = g.node("RegexFullMatch", List.of(c.tensor()), OnnxProtos.attribute("pattern", WHITESPACE + "*"));
                columns.put(name, new GraphColumn(c.tensor(), true, c.type(), g.node("Or", List.of(c.missing(), blank)), c.pending(), true));
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
            mapNumbers(where, columns, clip.column(), null, x -> g.node("Min", List.of(g.node("Max", List.of(x, g.constant(lo))), g.constant(hi))));
        } else if (op instanceof Standardize st) {
            mapNumbers(where, columns, st.column(), null, x -> g.node("Div", List.of(g.sub(x, st.fittedMean()), g.constant(st.fittedStd()))));
        } else if (op instanceof LogTransform log) {
            double scale = log.base() == null || log.base().equals("e") ? 1 : Math.log(Double.parseDouble(log.base()));
            mapNumbers(where, columns, log.column(), log.into(), x -> {
                String y = log.plusOne() ? g.add(x, 1) : x;
                String ln = g.node("Log", List.of(y));
                String value = scale == 1 ? ln : g.node("Div", List.of(ln, g.constant(scale)));
                return g.node("Where", List.of(g.node("Greater", List.of(y, g.constant(0.0))), value, g.constant(Double.NaN)));
            });
        } else if (op instanceof ChangeType change && numberToNumber(columns.get(change.column()), change.type())) {
            // Between integers and decimals without text: a decimal stays an integer only when whole and below 10^15.
            GraphColumn c = columns.get(change.column());
            String x = c.tensor();
            if (change.type() == ColumnType.INTEGER) {
                String whole = g.node("And", List.of(g.node("Equal", List.of(g.node("Floor", List.of(x)), x)),
                        g.node("Less", List.of(g.node("Abs", List.of(x)), g.constant(1e15)))));
                x = g.node("Where", List.of(whole, x, g.constant(Double.NaN)));
            }
            columns.put(change.column(), new GraphColumn(x, false, change.type(), null, GraphColumn.Case.NONE));
        } else if (op instanceof DeriveColumn derive) {
            expressions.derive(where, derive, columns);
        } else if (op instanceof BinNumbers bin) {
            bin(where, bin, columns);
        } else if (op instanceof MissingIndicator flag) {
            GraphColumn c = columns.get(flag.column());
            if (c == null) {
                throw new NoOnnxForm(where + ": '" + flag.column() + "' is not a column the graph holds");
            }
            String missing = c.text() ? c.missing() : g.node("IsNaN", List.of(c.tensor()));
            columns.put(flag.outputs().get(0), new GraphColumn(g.asDouble(missing), false, ColumnType.BOOLEAN, null, GraphColumn.Case.NONE));
        } else if (op instanceof MapValues map) {
            mapTexts(where, columns, map.column(), map.mapping(), map.othersMissing() ? null : UNCHANGED);
        } else if (op instanceof MergeValues merge) {
            mapTexts(where, columns, merge.column(), merge.mapping(), UNCHANGED);
        } else if (op instanceof MergeRare rare) {
            Map<String, String> kept = new LinkedHashMap<>();
            rare.kept().forEach(level -> kept.put(level, level));
            mapTexts(where, columns, rare.column(), kept, rare.label() == null || rare.label().isBlank() ? "Other" : rare.label());
        } else {
            throw new NoOnnxForm(where + " has no ONNX form in this version of Baton");
        }
    }

    /**
     * Numbers into their interval's label, as the step labels them: the index is how many inner edges the value
     * reaches ({@code v >= edge}), so values beyond the outer edges fall into the first or last interval.
     */
    private void bin(String where, BinNumbers bin, Map<String, GraphColumn> columns) {
        GraphColumn c = columns.get(bin.column());
        List<Double> edges = bin.edges() != null ? bin.edges() : bin.fittedEdges();
        if (c == null || c.text() || edges == null || edges.size() < 2) {
            throw new NoOnnxForm(where + ": '" + bin.column() + "' is not a number column the graph holds, or has no edges");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            labels.add("[" + number(edges.get(i)) + ", " + number(edges.get(i + 1)) + (i + 2 == edges.size() ? "]" : ")"));
        }
        String index = g.constant(0.0);
        for (int i = 1; i + 1 < edges.size(); i++) {
            index = g.add(index, g.asDouble(g.node("GreaterOrEqual", List.of(c.tensor(), g.constant(edges.get(i))))));
        }
        String code = g.node("Cast", List.of(index), OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.INT64_VALUE));
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < labels.size(); i++) {
            keys.add(i);
        }
        String text = g.mlNode("LabelEncoder", List.of(code), OnnxProtos.ints("keys_int64s", keys), strings("values_strings", labels),
                OnnxProtos.attribute("default_string", ""));
        columns.put(bin.outputs().get(0), new GraphColumn(text, true, ColumnType.CATEGORICAL, g.node("IsNaN", List.of(c.tensor())), GraphColumn.Case.NONE));
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
    private void mapNumbers(String where, Map<String, GraphColumn> columns, String column, String into, java.util.function.UnaryOperator<String> f) {
        GraphColumn c = columns.get(column);
        if (c == null || c.text() || !(c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)) {
            throw new NoOnnxForm(where + ": '" + column + "' is not a number column the graph holds");
        }
        String y = f.apply(c.tensor());
        String finite = g.node("Where", List.of(g.node("IsInf", List.of(y)), g.constant(Double.NaN), y));
        String name = into == null || into.isBlank() ? column : into.strip();
        columns.put(name, new GraphColumn(finite, false, ColumnType.DECIMAL, null, GraphColumn.Case.NONE));
    }

    /**
     * Texts replaced by a mapping, as the step maps every present text: a text not in it becomes {@code others} (a
     * value, missing when null, or itself when {@link #UNCHANGED}); a text mapped to "" is missing.
     */
    private void mapTexts(String where, Map<String, GraphColumn> columns, String column, Map<String, String> mapping, String others) {
        GraphColumn c = text(columns, column, where);
        if (c.changesPending()) {
            throw new NoOnnxForm(where + ": mapping the values of '" + column + "' after a case change or trim");
        }
        String sentinel = "\u0000not mapped";
        String mapped = g.mlNode("LabelEncoder", List.of(c.tensor()), strings("keys_strings", List.copyOf(mapping.keySet())),
                strings("values_strings", List.copyOf(mapping.values())), OnnxProtos.attribute("default_string", sentinel));
        String unmapped = g.node("Equal", List.of(mapped, g.constant(sentinel)));
        String value = mapped;
        String missing = c.missing();
        if (others == null) {
            missing = g.node("Or", List.of(missing, unmapped));
        } else {
            value = g.node("Where", List.of(unmapped, others.equals(UNCHANGED) ? c.tensor() : g.constant(others), mapped));
        }
        missing = g.node("Or", List.of(missing, g.node("Equal", List.of(value, g.constant("")))));
        columns.put(column, new GraphColumn(value, true, c.type(), missing, GraphColumn.Case.NONE));
    }

    private static boolean numberToNumber(GraphColumn c, ColumnType to) {
        return c != null && !c.text() && (c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)
                && (to == ColumnType.INTEGER || to == ColumnType.DECIMAL);
    }

    private static GraphColumn text(Map<String, GraphColumn> columns, String name, String where) {
        GraphColumn c = columns.get(name);
        if (c == null || !c.text()) {
            throw new NoOnnxForm(where + ": '" + name + "' is not a text column the graph holds");
        }
        return c;
    }

    private void fill(String where, FillMissing fill, Map<String, GraphColumn> columns) {
        if (fill.method() == FillMissing.Method.FORWARD || fill.method() == FillMissing.Method.BACKWARD) {
            throw new NoOnnxForm(where + ": filling from neighbouring rows has no ONNX form");
        }
        for (String name : fill.columns()) {
            GraphColumn c = columns.get(name);
            if (c == null) {
                throw new NoOnnxForm(where + ": '" + name + "' is not a column the graph holds");
            }
            Object value = fill.method() == FillMissing.Method.CONSTANT ? fill.value() : fill.fitted() == null ? null : fill.fitted().get(name);
            if (value == null) {
                throw new NoOnnxForm(where + ": no fill value for '" + name + "'");
            }
            // As the step writes its value: a whole number without a fraction, anything else as its text.
            String text = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : value.toString();
            if (c.text()) {
                if (c.changesPending()) {
                    throw new NoOnnxForm(where + ": filling '" + name + "' after a case change or trim");
                }
                String filled = g.node("Where", List.of(c.missing(), g.constant(text), c.tensor()));
                columns.put(name, new GraphColumn(filled, true, c.type(), g.node("And", List.of(c.missing(), g.constant(false))), GraphColumn.Case.NONE));
            } else {
                double v;
                if (c.type().isNumeric()) {
                    try {
                        v = Double.parseDouble(text.strip());
                    } catch (NumberFormatException e) {
                        throw new NoOnnxForm(where + ": the fill value '" + text + "' of '" + name + "' is not a number");
                    }
                } else {
                    v = dev.baton.data.CellParser.parse(List.of(text), c.type(), null, null)[0];
                }
                columns.put(name, c.with(g.node("Where", List.of(g.node("IsNaN", List.of(c.tensor())), g.constant(v), c.tensor()))));
            }
        }
    }

    /**
     * Year, quarter, month, day and weekday of days since 1970 by Howard Hinnant's civil-from-days, in doubles with
     * Floor for integer division (every value stays an exact integer well below 2^53); NaN stays NaN throughout.
     */
    private void datePart(String where, DatePart part, Map<String, GraphColumn> columns) {
        GraphColumn c = columns.get(part.column());
        if (c == null || (c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME)) {
            throw new NoOnnxForm(where + ": '" + part.column() + "' is not a date column the graph holds");
        }
        String days = c.type() == ColumnType.DATE ? c.tensor() : g.floorDiv(c.tensor(), 86_400_000);
        String value = switch (part.part()) {
            case WEEKDAY -> g.add(g.mod(g.add(days, 3), 7), 1);
            default -> {
                String z = g.add(days, 719_468);
                String era = g.floorDiv(z, 146_097);
                String doe = g.sub(z, g.mul(era, 146_097));
                String yoe = g.floorDiv(g.sub(g.add(g.sub(doe, g.floorDiv(doe, 1460)), g.floorDiv(doe, 36_524)), g.floorDiv(doe, 146_096)), 365);
                String doy = g.sub(doe, g.add(g.mul(yoe, 365), g.sub(g.floorDiv(yoe, 4), g.floorDiv(yoe, 100))));
                String mp = g.floorDiv(g.add(g.mul(doy, 5), 2), 153);
                String day = g.add(g.sub(doy, g.floorDiv(g.add(g.mul(mp, 153), 2), 5)), 1);
                String month = g.sub(g.add(mp, 3), g.mul(g.asDouble(g.node("GreaterOrEqual", List.of(mp, g.constant(10.0)))), 12));
                String year = g.add(g.add(yoe, g.mul(era, 400)), g.asDouble(g.node("LessOrEqual", List.of(month, g.constant(2.0)))));
                yield switch (part.part()) {
                    case YEAR -> year;
                    case MONTH -> month;
                    case DAY -> day;
                    case QUARTER -> g.add(g.floorDiv(g.sub(month, 1), 3), 1);
                    case DAY_OF_YEAR -> g.add(g.sub(days, firstOfJanuary(year)), 1);
                    default -> throw new IllegalStateException();
                };
            }
        };
        String into = part.outputs().get(0);
        columns.put(into, new GraphColumn(value, false, ColumnType.INTEGER, null, GraphColumn.Case.NONE));
    }

    /** Days since 1970 of the first of January of each year: Hinnant's days-from-civil for month 1, day 1. */
    private String firstOfJanuary(String year) {
        String y = g.sub(year, 1); // January counts in the year before, in a calendar that starts in March
        String era = g.floorDiv(y, 400);
        String yoe = g.sub(y, g.mul(era, 400));
        String doe = g.add(g.add(g.mul(yoe, 365), g.sub(g.floorDiv(yoe, 4), g.floorDiv(yoe, 100))), 306);
        return g.add(g.add(g.mul(era, 146_097), doe), -719_468);
    }

    /**
     * Whether each text equals {@code level} once its pending changes are made. Lower-cased text equals a level only if
     * the level is lower case, and then exactly when the text matches it ignoring case (RE2's case folding: 'K', 'k'
     * and the Kelvin sign alike, as Java's lower-casing has it); upper case likewise. Trimmed text equals a level when
     * the level is what is left between leading and trailing whitespace as Java's strip() sees it.
     */
    String equalsLevel(GraphColumn c, String level) {
        if (!c.changesPending()) {
            return g.node("Equal", List.of(c.tensor(), g.constant(level)));
        }
        String changed = c.pending() == GraphColumn.Case.LOWER ? level.toLowerCase(java.util.Locale.ROOT)
                : c.pending() == GraphColumn.Case.UPPER ? level.toUpperCase(java.util.Locale.ROOT) : level;
        if (!changed.equals(level) || c.trimmed() && !level.strip().equals(level)) {
            return g.node("And", List.of(c.missing(), g.constant(false))); // no text is this level after the change
        }
        if (c.pending() != GraphColumn.Case.NONE && !level.chars().allMatch(ch -> ch < 128)) {
            throw new NoOnnxForm("the category '" + level + "' of '" + c.tensor() + "' has letters beyond ASCII after a case change, "
                    + "which the graph cannot compare exactly");
        }
        String around = c.trimmed() ? WHITESPACE + "*" : "";
        return g.node("RegexFullMatch", List.of(c.tensor()),
                OnnxProtos.attribute("pattern", (c.pending() != GraphColumn.Case.NONE ? "(?i)" : "") + around + quoteRe2(level) + around));
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
}
