package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import dev.baton.clean.BinNumbers;
import dev.baton.clean.ChangeCase;
import dev.baton.clean.ChangeType;
import dev.baton.clean.Clip;
import dev.baton.clean.CombineColumns;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.DropColumns;
import dev.baton.clean.ExtractText;
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
import dev.baton.clean.SplitColumn;
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
 * The recipe's row-wise steps in the pipeline graph, each with the step's own rules (docs/onnx-operations.md).
 */
final class RecipeOnnx {

    private final OnnxGraphBuilder g;
    private final TextLevels levels;
    private final TextStepsOnnx texts;
    private final ExpressionOnnx expressions;

    RecipeOnnx(OnnxGraphBuilder g, TextLevels levels, ExpressionOnnx expressions) {
        this.g = g;
        this.levels = levels;
        this.texts = new TextStepsOnnx(g, levels);
        this.expressions = expressions;
    }

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
                throw new NoOnnxForm(where + ": title case: no standard ONNX operator title-cases text (StringNormalizer only lower- or upper-cases)");
            }
            for (String name : change.columns()) {
                GraphColumn c = text(columns, name, where);
                if (c.pending() != GraphColumn.Case.NONE) {
                    throw new NoOnnxForm(where + ": a second case change of '" + name + "'");
                }
                columns.put(name, c.withCase(change.mode() == ChangeCase.Case.LOWER ? GraphColumn.Case.LOWER : GraphColumn.Case.UPPER));
            }
        } else if (op instanceof TrimText trim) {
            for (String name : trim.columns()) {
                GraphColumn c = text(columns, name, where);
                if (c.firstWord()) {
                    throw new NoOnnxForm(where + ": trimming the first word of '" + name + "', which the graph compares as it was cut");
                }
                // A text of nothing but spaces is empty once trimmed, and an empty text is missing.
                columns.put(name, c.withTrim(g.node("Or", List.of(c.missing(), levels.blank(c.tensor())))));
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
        } else if (op instanceof ChangeType change && textToText(columns.get(change.column()), change.type())) {
            // Between categorical and text the values stay as they are (the step writes each text and reads it back).
            GraphColumn c = columns.get(change.column());
            columns.put(change.column(), new GraphColumn(c.tensor(), true, change.type(), c.missing(), c.pending(), c.trimmed(), c.firstWord()));
        } else if (op instanceof ChangeType change && TextStepsOnnx.yesNoFromOrToText(columns.get(change.column()), change.type())) {
            texts.changeYesNo(where, change, columns);
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
        } else if (op instanceof ExtractText extract && extract.mode() == ExtractText.Mode.FIRST_WORD) {
            // Pending, as a trim: the first word is compared with known values by a pattern around the raw text.
            GraphColumn c = text(columns, extract.column(), where);
            if (c.firstWord()) {
                throw new NoOnnxForm(where + ": the first word of '" + extract.column() + "' taken twice");
            }
            GraphColumn word = new GraphColumn(c.tensor(), true, c.type(), g.node("Or", List.of(c.missing(), levels.blank(c.tensor()))), c.pending(),
                    true, true);
            columns.put(extract.outputs().get(0), word);
        } else if (op instanceof CombineColumns combine) {
            texts.combine(where, combine, columns);
        } else if (op instanceof SplitColumn split) {
            texts.split(where, split, columns);
        } else {
            throw new NoOnnxForm(where + ": " + NoOnnxForm.reason(op));
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

    private static boolean textToText(GraphColumn c, ColumnType to) {
        return c != null && c.text() && to.isString();
    }

    private static boolean numberToNumber(GraphColumn c, ColumnType to) {
        return c != null && !c.text() && (c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL)
                && (to == ColumnType.INTEGER || to == ColumnType.DECIMAL);
    }

    static GraphColumn text(Map<String, GraphColumn> columns, String name, String where) {
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

    private void datePart(String where, DatePart part, Map<String, GraphColumn> columns) {
        GraphColumn c = columns.get(part.column());
        if (c == null || (c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME)) {
            throw new NoOnnxForm(where + ": '" + part.column() + "' is not a date column the graph holds");
        }
        String days = c.type() == ColumnType.DATE ? c.tensor() : CivilDates.days(g, c.tensor());
        columns.put(part.outputs().get(0), new GraphColumn(CivilDates.part(g, days, part.part()), false, ColumnType.INTEGER, null, GraphColumn.Case.NONE));
    }
}
