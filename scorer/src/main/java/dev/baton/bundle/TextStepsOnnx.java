package dev.baton.bundle;

import dev.baton.clean.ChangeType;
import dev.baton.clean.CombineColumns;
import dev.baton.clean.SplitColumn;
import dev.baton.data.ColumnType;
import dev.baton.util.OnnxProtos;

import java.util.List;
import java.util.Map;

/** The recipe's steps that join, split and retype texts, in the pipeline graph (docs/onnx-operations.md). */
final class TextStepsOnnx {

    private final OnnxGraphBuilder g;
    private final TextLevels levels;

    TextStepsOnnx(OnnxGraphBuilder g, TextLevels levels) {
        this.g = g;
        this.levels = levels;
    }

    /**
     * Texts of several columns joined with the separator, as the step joins them: missing parts are left out (no
     * separator for them), and nothing present gives a missing value. Yes/no columns join as "true" and "false".
     */
    void combine(String where, CombineColumns combine, Map<String, GraphColumn> columns) {
        String separator = g.constant(combine.separator() == null ? "" : combine.separator());
        String joined = null;
        String any = null;
        for (String name : combine.columns()) {
            GraphColumn c = columns.get(name);
            if (c == null) {
                throw new NoOnnxForm(where + ": '" + name + "' is not a column the graph holds");
            }
            String text;
            String missing;
            if (c.text()) {
                if (c.changesPending()) {
                    throw new NoOnnxForm(where + ": combining '" + name + "' after a case change or trim");
                }
                text = c.tensor();
                missing = c.missing();
            } else if (c.type() == ColumnType.BOOLEAN) {
                text = g.node("Where", List.of(g.node("Equal", List.of(c.tensor(), g.constant(0.0))), g.constant("false"), g.constant("true")));
                missing = g.node("IsNaN", List.of(c.tensor()));
            } else {
                throw new NoOnnxForm(where + ": '" + name + "' holds " + c.type().label() + " values, which would be written as text: " + NoOnnxForm.TEXT_AND_NUMBERS);
            }
            String present = g.node("Not", List.of(missing));
            if (joined == null) {
                joined = text;
                any = present;
                continue;
            }
            String appended = g.node("StringConcat", List.of(g.node("StringConcat", List.of(joined, separator)), text));
            joined = g.node("Where", List.of(missing, joined, g.node("Where", List.of(any, appended, text))));
            any = g.node("Or", List.of(any, present));
        }
        columns.put(combine.outputs().get(0), new GraphColumn(joined, true, ColumnType.TEXT, g.node("Not", List.of(any)), GraphColumn.Case.NONE));
    }

    /**
     * A text split at a literal separator by {@code StringSplit}, at most as many pieces as the step names (the last
     * keeps the rest, as Java's split with a limit does); each piece is stripped, an empty one missing: a pending trim.
     */
    void split(String where, SplitColumn split, Map<String, GraphColumn> columns) {
        if (split.regex()) {
            throw new NoOnnxForm(where + ": StringSplit, the standard operator that splits texts, splits at a literal separator, not at a pattern");
        }
        GraphColumn c = RecipeOnnx.text(columns, split.column(), where);
        if (c.changesPending()) {
            throw new NoOnnxForm(where + ": splitting '" + split.column() + "' after a case change or trim");
        }
        int n = split.into().size();
        for (int i = 0; i < n; i++) {
            ColumnType type = split.fittedTypes() == null ? null : split.fittedTypes().get(i);
            if (type != ColumnType.CATEGORICAL && type != ColumnType.TEXT && type != ColumnType.BOOLEAN) {
                throw new NoOnnxForm(where + ": the piece '" + split.into().get(i) + "' is read as "
                        + (type == null ? "an unknown type" : type.label() + " values") + ": " + NoOnnxForm.TEXT_AND_NUMBERS);
            }
        }
        String pieces = g.nodeOfTwoOutputs("StringSplit", List.of(c.tensor()), OnnxProtos.attribute("delimiter", split.separator()),
                OnnxProtos.attribute("maxsplit", n - 1));
        // [N, 1, most pieces of any row]: padded with empty texts so that every piece exists in every batch.
        String shape = g.node("Concat", List.of(g.node("Shape", List.of(c.tensor())), g.constantLongs(n)), OnnxProtos.attribute("axis", 0));
        String padding = g.node("Expand", List.of(g.constant(""), shape));
        String padded = g.node("Concat", List.of(pieces, padding), OnnxProtos.attribute("axis", 2));
        for (int i = 0; i < n; i++) {
            String piece = g.node("Gather", List.of(padded, g.scalar(i)), OnnxProtos.attribute("axis", 2));
            String missing = g.node("Or", List.of(c.missing(), levels.blank(piece)));
            String name = split.into().get(i).strip();
            if (split.fittedTypes().get(i) == ColumnType.BOOLEAN) {
                columns.put(name, new GraphColumn(levels.yesNo(piece, missing, TextLevels.WHITESPACE), false, ColumnType.BOOLEAN, null, GraphColumn.Case.NONE));
            } else {
                columns.put(name, new GraphColumn(piece, true, split.fittedTypes().get(i), missing, GraphColumn.Case.NONE, true));
            }
        }
        if (!split.keepOriginal()) {
            columns.remove(split.column());
        }
    }

    static boolean yesNoFromOrToText(GraphColumn c, ColumnType to) {
        return c != null && (c.text() && to == ColumnType.BOOLEAN || c.type() == ColumnType.BOOLEAN && to.isString());
    }

    /** Texts read as yes/no (spaces and tabs around allowed, as the readers allow them), or yes/no written as true and false. */
    void changeYesNo(String where, ChangeType change, Map<String, GraphColumn> columns) {
        GraphColumn c = columns.get(change.column());
        if (c.text()) {
            if (c.changesPending()) {
                throw new NoOnnxForm(where + ": reading '" + change.column() + "' as yes/no after a case change or trim");
            }
            columns.put(change.column(), new GraphColumn(levels.yesNo(c.tensor(), c.missing(), TextLevels.SPACE_OR_TAB), false, ColumnType.BOOLEAN, null,
                    GraphColumn.Case.NONE));
        } else {
            String text = g.node("Where", List.of(g.node("Equal", List.of(c.tensor(), g.constant(0.0))), g.constant("false"), g.constant("true")));
            columns.put(change.column(), new GraphColumn(text, true, change.type(), g.node("IsNaN", List.of(c.tensor())), GraphColumn.Case.NONE));
        }
    }
}
