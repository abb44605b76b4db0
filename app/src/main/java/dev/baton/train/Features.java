package dev.baton.train;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/** Which columns to learn from by default, and why the others are left out. */
public final class Features {

    /** A column, whether it is a feature, and when it is not, why. */
    public record Choice(String column, boolean included, String reason) {
    }

    private Features() {
    }

    /** Words that name the column to predict, as data sets commonly call it. */
    private static final java.util.Set<String> TARGET_WORDS = java.util.Set.of("target", "label", "class", "outcome", "y",
            "price", "response", "churn", "survived", "default");

    /**
     * The column to predict until the user chooses: one whose name says so (target, label, class, outcome, y, price,
     * response, ...: the whole name, case and separators aside, first; else a word of it, as in SalePrice or
     * class_label), passing over columns no model could learn to predict. Null when no name says so: guessing (the
     * last column, as Weka does) picked latitude or a year in real data, and the user is better asked.
     */
    public static String defaultTarget(Dataset data) {
        List<String> names = data.columnNames();
        List<Choice> choices = suggest(data, null);
        String byWord = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            Column<?> column = data.column(names.get(i));
            if (!choices.get(i).included() || column.countMissing() * 2L > column.size()) {
                continue;
            }
            int says = targetByName(names.get(i));
            if (says == 2) {
                return names.get(i);
            }
            if (byWord == null && says == 1) {
                byWord = names.get(i);
            }
        }
        return byWord;
    }

    /** How plainly a column's name says it is the target: 2 the whole name, 1 a word of it, 0 not at all. */
    public static int targetByName(String name) {
        List<String> words = words(name);
        return TARGET_WORDS.contains(String.join("", words)) ? 2 : words.stream().anyMatch(TARGET_WORDS::contains) ? 1 : 0;
    }

    /** A column name's words, lower-case: "SalePrice" and "sale_price" both give [sale, price]. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.split("[^\\p{L}\\p{N}]+")) {
            for (String word : part.split("(?<=\\p{Ll})(?=\\p{Lu})")) {
                if (!word.isEmpty()) {
                    out.add(word.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Numeric target: regression; anything else: classification. */
    public static Task inferTask(Dataset data, String target) {
        return data.type(target).isNumeric() ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /** Every column but the target (all of them when it is null), each with whether to learn from it. */
    public static List<Choice> suggest(Dataset data, String target) {
        List<Choice> out = new ArrayList<>();
        for (ColumnInfo info : data.columns()) {
            String name = info.name();
            if (name.equals(target)) {
                continue;
            }
            Column<?> column = data.column(name);
            int filled = column.size() - column.countMissing();
            if (filled == 0) {
                out.add(new Choice(name, false, "always missing"));
                continue;
            }
            int distinct = column.countUnique() - (column.countMissing() > 0 ? 1 : 0);
            if (distinct <= 1) {
                out.add(new Choice(name, false, "constant: one value only"));
            } else if (info.type() == ColumnType.TEXT && distinct == filled) {
                out.add(new Choice(name, false, "ID-like: a different value in every row"));
            } else if (info.type() == ColumnType.TEXT) {
                out.add(new Choice(name, false, "free text (" + distinct + " distinct values): merge it into categories to use it"));
            } else if (info.type() == ColumnType.INTEGER && distinct == filled && isSequence(column)) {
                out.add(new Choice(name, false, "ID-like: counts up through the rows"));
            } else if (info.type() == ColumnType.CATEGORICAL && distinct == filled && filled > 20) {
                out.add(new Choice(name, false, "ID-like: a different value in every row"));
            } else {
                out.add(new Choice(name, true, null));
            }
        }
        return out;
    }

    private static boolean isSequence(Column<?> column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int filled = 0;
        for (double v : dev.baton.data.Numbers.of(column)) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                filled++;
            }
        }
        return max - min + 1 == filled;
    }

    public static List<String> included(List<Choice> choices) {
        return choices.stream().filter(Choice::included).map(Choice::column).toList();
    }
}
