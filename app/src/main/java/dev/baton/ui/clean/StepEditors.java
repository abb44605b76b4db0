package dev.baton.ui.clean;

import dev.baton.clean.BinNumbers;
import dev.baton.clean.ChangeCase;
import dev.baton.clean.ChangeType;
import dev.baton.clean.Clip;
import dev.baton.clean.CombineColumns;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.DropColumns;
import dev.baton.clean.DropMissingRows;
import dev.baton.clean.ExtractText;
import dev.baton.clean.FillMissing;
import dev.baton.clean.FilterRows;
import dev.baton.clean.KeepColumns;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MapValues;
import dev.baton.clean.MergeRare;
import dev.baton.clean.MergeValues;
import dev.baton.clean.MissingIndicator;
import dev.baton.clean.Operation;
import dev.baton.clean.ParseDate;
import dev.baton.clean.RemoveDuplicates;
import dev.baton.clean.RemoveOutliers;
import dev.baton.clean.RenameColumn;
import dev.baton.clean.ReorderColumns;
import dev.baton.clean.ReplaceText;
import dev.baton.clean.RoundNumbers;
import dev.baton.clean.SampleRows;
import dev.baton.clean.SortRows;
import dev.baton.clean.SplitColumn;
import dev.baton.clean.Standardize;
import dev.baton.clean.TrimText;
import dev.baton.data.ColumnType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The form of every operation: its fields, how field values become the operation, and how an existing step
 * fills the form back (to edit it). The menus list the operations in this order, by group.
 */
public final class StepEditors {

    /** An operation's form. {@code first} is the key of the field a chosen column goes into. */
    public record Editor(String group, String title, Class<? extends Operation> type, List<Field> fields,
                         Function<FormValues, Operation> build, Function<Operation, FormValues> read, String first) {
    }

    private static final Map<Class<? extends Operation>, Editor> EDITORS = new LinkedHashMap<>();

    private static <O extends Operation> void add(String group, String title, Class<O> type, String first,
                                                  Function<FormValues, Operation> build, Function<O, FormValues> read, Field... fields) {
        @SuppressWarnings("unchecked")
        Function<Operation, FormValues> r = op -> read.apply((O) op);
        EDITORS.put(type, new Editor(group, title, type, List.of(fields), build, r, first));
    }

    private static <E extends Enum<E>> String label(E e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static {
        add("Columns", "Drop columns", DropColumns.class, "columns",
                v -> new DropColumns(v.columns("columns")), op -> FormValues.of("columns", op.columns()),
                Field.columns("columns", "Columns", Field.ANY));
        add("Columns", "Keep only columns", KeepColumns.class, "columns",
                v -> new KeepColumns(v.columns("columns")), op -> FormValues.of("columns", op.columns()),
                Field.columns("columns", "Columns", Field.ANY));
        add("Columns", "Rename column", RenameColumn.class, "column",
                v -> new RenameColumn(v.text("column"), v.text("to")), op -> FormValues.of("column", op.column(), "to", op.to()),
                Field.column("column", "Column", Field.ANY), Field.text("to", "New name", null));
        add("Columns", "Reorder columns", ReorderColumns.class, "order",
                v -> new ReorderColumns(v.columns("order")), op -> FormValues.of("order", op.order()),
                Field.names("order", "Put first", "column names, comma-separated, in the new order"));
        add("Columns", "Change type", ChangeType.class, "column",
                v -> new ChangeType(v.text("column"), v.choice("type")), op -> FormValues.of("column", op.column(), "type", op.type()),
                Field.column("column", "Column", Field.ANY),
                Field.choice("type", "New type", Arrays.asList(ColumnType.values()), ColumnType::label, ColumnType.DECIMAL));
        add("Columns", "Split column", SplitColumn.class, "column",
                v -> new SplitColumn(v.text("column"), v.text("separator"), v.bool("regex"), v.columns("into"), v.bool("keep")),
                op -> FormValues.of("column", op.column(), "separator", op.separator(), "regex", op.regex(), "into", op.into(), "keep", op.keepOriginal()),
                Field.column("column", "Column", Field.TEXTUAL), Field.text("separator", "Separator", ","),
                Field.bool("regex", "Separator is a regular expression", false),
                Field.names("into", "New columns", "names, comma-separated"), Field.bool("keep", "Keep the original column", false));
        add("Columns", "Extract part of text", ExtractText.class, "column",
                v -> new ExtractText(v.text("column"), v.choice("mode"), v.text("pattern"), v.integer("group"), v.text("into")),
                op -> FormValues.of("column", op.column(), "mode", op.mode(), "pattern", op.pattern(), "group", op.group(), "into", op.into()),
                Field.column("column", "Column", Field.TEXTUAL),
                Field.choice("mode", "Extract", List.of(ExtractText.Mode.values()), m -> m == ExtractText.Mode.FIRST_WORD
                        ? "the first word" : "a regular-expression group", ExtractText.Mode.FIRST_WORD),
                Field.text("pattern", "Pattern", "e.g. \\((\\w+)\\)"), Field.integer("group", "Group", 1),
                Field.text("into", "Into new column", "empty: replace the column"));
        add("Columns", "Combine columns", CombineColumns.class, "columns",
                v -> new CombineColumns(v.columns("columns"), v.text("separator"), v.text("into")),
                op -> FormValues.of("columns", op.columns(), "separator", op.separator(), "into", op.into()),
                Field.columns("columns", "Columns", Field.ANY), Field.text("separator", "Separator", " "),
                Field.text("into", "New column", null));
        add("Columns", "Compute a column", DeriveColumn.class, null,
                v -> new DeriveColumn(v.text("name"), v.text("expression"), v.bool("replace")),
                op -> FormValues.of("name", op.name(), "expression", op.expression(), "replace", Boolean.TRUE.equals(op.replace())),
                Field.text("name", "New column", null),
                Field.text("expression", "Expression", "e.g. body_mass_g / 1000, if(sex == 'male', 1, 0), year(date)"),
                Field.bool("replace", "Replace the column if one has this name", false));
        add("Missing values", "Fill missing values", FillMissing.class, "columns",
                v -> new FillMissing(v.columns("columns"), v.choice("method"), v.text("value")),
                op -> FormValues.of("columns", op.columns(), "method", op.method(), "value", op.value()),
                Field.columns("columns", "Columns", Field.ANY),
                Field.choice("method", "Fill with", List.of(FillMissing.Method.values()), m -> switch (m) {
                    case CONSTANT -> "a value";
                    case MEAN -> "the mean";
                    case MEDIAN -> "the median";
                    case MODE -> "the most frequent value";
                    case FORWARD -> "the previous value (forward fill)";
                    case BACKWARD -> "the next value (backward fill)";
                }, FillMissing.Method.MEDIAN),
                Field.text("value", "Value", "for 'a value'"));
        add("Missing values", "Add a was-missing column", MissingIndicator.class, "column",
                v -> new MissingIndicator(v.text("column"), v.text("into")), op -> FormValues.of("column", op.column(), "into", op.into()),
                Field.column("column", "Column", Field.ANY), Field.text("into", "New column", "empty: COLUMN_was_missing"));
        add("Missing values", "Remove rows with missing values", DropMissingRows.class, "columns",
                v -> new DropMissingRows(v.columns("columns")), op -> FormValues.of("columns", op.columns()),
                Field.columns("columns", "In columns", Field.ANY));
        add("Rows", "Filter rows", FilterRows.class, null,
                v -> new FilterRows(v.text("condition"), v.choice("action") == Boolean.TRUE),
                op -> FormValues.of("condition", op.condition(), "action", op.remove()),
                Field.text("condition", "Condition", "e.g. body_mass_g > 4000 and island == 'Biscoe'"),
                Field.choice("action", "Rows where it holds", List.of(false, true), b -> b ? "remove them" : "keep only them", false));
        add("Rows", "Remove duplicate rows", RemoveDuplicates.class, "columns",
                v -> new RemoveDuplicates(v.columns("columns")), op -> FormValues.of("columns", op.columns()),
                Field.columns("columns", "Compare columns", Field.ANY));
        add("Rows", "Sample rows", SampleRows.class, null,
                v -> new SampleRows(v.integer("rows"), v.number("fraction"), v.integer("seed") == null ? 42 : v.integer("seed")),
                op -> FormValues.of("rows", op.rows(), "fraction", op.fraction(), "seed", (int) op.seed()),
                Field.integer("rows", "Rows", null), Field.number("fraction", "or fraction", "e.g. 0.1"), Field.integer("seed", "Seed", 42));
        add("Rows", "Sort rows", SortRows.class, "column",
                v -> new SortRows(v.text("column"), v.bool("descending")), op -> FormValues.of("column", op.column(), "descending", op.descending()),
                Field.column("column", "By", Field.ANY), Field.bool("descending", "Largest first", false));
        add("Text", "Trim spaces", TrimText.class, "columns",
                v -> new TrimText(v.columns("columns")), op -> FormValues.of("columns", op.columns()),
                Field.columns("columns", "Columns", Field.TEXTUAL));
        add("Text", "Change case", ChangeCase.class, "columns",
                v -> new ChangeCase(v.columns("columns"), v.choice("mode")), op -> FormValues.of("columns", op.columns(), "mode", op.mode()),
                Field.columns("columns", "Columns", Field.TEXTUAL),
                Field.choice("mode", "To", List.of(ChangeCase.Case.values()), StepEditors::label, ChangeCase.Case.LOWER));
        add("Text", "Replace text", ReplaceText.class, "column",
                v -> new ReplaceText(v.text("column"), v.text("find"), v.text("with"), v.bool("regex")),
                op -> FormValues.of("column", op.column(), "find", op.find(), "with", op.replacement(), "regex", op.regex()),
                Field.column("column", "Column", Field.TEXTUAL), Field.text("find", "Find", null), Field.text("with", "Replace with", null),
                Field.bool("regex", "Find is a regular expression", false));
        add("Text", "Map values", MapValues.class, "column",
                v -> new MapValues(v.text("column"), v.mapping("mapping"), v.bool("others")),
                op -> FormValues.of("column", op.column(), "mapping", op.mapping(), "others", op.othersMissing()),
                Field.column("column", "Column", Field.TEXTUAL), Field.mapping("mapping", "Values"),
                Field.bool("others", "Values not listed become missing", false));
        add("Text", "Merge rare categories", MergeRare.class, "column",
                v -> new MergeRare(v.text("column"), v.integer("count"), v.number("fraction"), v.text("label")),
                op -> FormValues.of("column", op.column(), "count", op.minCount(), "fraction", op.minFraction(), "label", op.label()),
                Field.column("column", "Column", Field.TEXTUAL), Field.integer("count", "Seen fewer than (rows)", 10),
                Field.number("fraction", "or below fraction", "e.g. 0.01"), Field.text("label", "Merge into", "Other"));
        add("Text", "Merge values", MergeValues.class, "column",
                v -> new MergeValues(v.text("column"), v.mapping("mapping")), op -> FormValues.of("column", op.column(), "mapping", op.mapping()),
                Field.column("column", "Column", Field.TEXTUAL), Field.mapping("mapping", "Values"));
        add("Numbers", "Clip to bounds", Clip.class, "column",
                v -> v.number("lq") != null || v.number("uq") != null
                        ? new Clip(v.text("column"), v.number("lower"), v.number("upper"), v.number("lq"), v.number("uq"), null, null)
                        : Clip.bounds(v.text("column"), v.number("lower"), v.number("upper")),
                op -> FormValues.of("column", op.column(), "lower", op.lower(), "upper", op.upper(), "lq", op.lowerQuantile(), "uq", op.upperQuantile()),
                Field.column("column", "Column", Field.NUMERIC), Field.number("lower", "Lower bound", null),
                Field.number("upper", "Upper bound", null), Field.number("lq", "or lower quantile", "e.g. 0.01"),
                Field.number("uq", "upper quantile", "e.g. 0.99"));
        add("Numbers", "Remove outliers", RemoveOutliers.class, "column",
                v -> new RemoveOutliers(v.text("column"), v.choice("method"), v.number("factor")),
                op -> FormValues.of("column", op.column(), "method", op.method(), "factor", op.factor()),
                Field.column("column", "Column", Field.NUMERIC),
                Field.choice("method", "Rule", List.of(RemoveOutliers.Method.values()),
                        m -> m == RemoveOutliers.Method.IQR ? "outside k IQR of the quartiles" : "more than k standard deviations", RemoveOutliers.Method.IQR),
                Field.number("factor", "k", "1.5 for IQR, 3 for z-score"));
        add("Numbers", "Round", RoundNumbers.class, "column",
                v -> new RoundNumbers(v.text("column"), v.integer("decimals") == null ? 0 : v.integer("decimals")),
                op -> FormValues.of("column", op.column(), "decimals", op.decimals()),
                Field.column("column", "Column", Field.NUMERIC), Field.integer("decimals", "Decimals", 0));
        add("Numbers", "Bin into intervals", BinNumbers.class, "column",
                v -> new BinNumbers(v.text("column"), v.numbers("edges"), v.numbers("edges") == null ? v.integer("bins") : null, v.text("into")),
                op -> FormValues.of("column", op.column(), "edges", op.edges(), "bins", op.bins(), "into", op.into()),
                Field.column("column", "Column", Field.NUMERIC), Field.numbers("edges", "Edges", "e.g. 0, 18, 65, 120"),
                Field.integer("bins", "or equal-width bins", 5), Field.text("into", "New column", "empty: COLUMN_bin"));
        add("Numbers", "Logarithm", LogTransform.class, "column",
                v -> new LogTransform(v.text("column"), v.choice("base"), v.bool("plusOne"), v.text("into")),
                op -> FormValues.of("column", op.column(), "base", op.base(), "plusOne", op.plusOne(), "into", op.into()),
                Field.column("column", "Column", Field.NUMERIC),
                Field.choice("base", "Base", List.of("e", "10", "2"), s -> s, "e"), Field.bool("plusOne", "Of x + 1", false),
                Field.text("into", "Into new column", "empty: replace the column"));
        add("Numbers", "Standardize", Standardize.class, "column",
                v -> new Standardize(v.text("column")), op -> FormValues.of("column", op.column()),
                Field.column("column", "Column", Field.NUMERIC));
        add("Dates", "Read text as dates", ParseDate.class, "column",
                v -> new ParseDate(v.text("column"), v.text("pattern"), v.text("into")),
                op -> FormValues.of("column", op.column(), "pattern", op.pattern(), "into", op.into()),
                Field.column("column", "Column", Field.TEXTUAL), Field.text("pattern", "Pattern", "e.g. dd/MM/yyyy or yyyy-MM-dd HH:mm"),
                Field.text("into", "Into new column", "empty: replace the column"));
        add("Dates", "Take part of a date", DatePart.class, "column",
                v -> new DatePart(v.text("column"), v.choice("part"), v.text("into")),
                op -> FormValues.of("column", op.column(), "part", op.part(), "into", op.into()),
                Field.column("column", "Column", Field.TEMPORAL),
                Field.choice("part", "Part", List.of(DatePart.Part.values()), StepEditors::label, DatePart.Part.YEAR),
                Field.text("into", "New column", "empty: COLUMN_part"));
    }

    private StepEditors() {
    }

    public static List<Editor> all() {
        return List.copyOf(EDITORS.values());
    }

    public static Editor of(Class<? extends Operation> type) {
        Editor e = EDITORS.get(type);
        if (e == null) {
            throw new IllegalArgumentException("no editor for " + type.getSimpleName());
        }
        return e;
    }

    public static Editor of(Operation op) {
        return of(op.getClass());
    }
}
