package dev.baton.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * Converts values to another column type with the same rules as import: values that do not fit become
 * missing and are counted, with examples. Used by the cleaning steps that change or infer types.
 */
public final class TypeConversion {

    /** The converted column and its info (type, unparsable count and examples, lines being 1-based row numbers). */
    public record Converted(Column<?> column, ColumnInfo info) {
    }

    private TypeConversion() {
    }

    /** Converts a column to {@code type}; with a null type, infers it as import would. */
    public static Converted convert(Column<?> source, ColumnType type) {
        int rows = source.size();
        FieldGridBuilder grid = new FieldGridBuilder(1);
        for (int r = 0; r < rows; r++) {
            grid.add(text(source, r));
            grid.endRow(r + 1);
        }
        return type(source.name(), grid, type);
    }

    /**
     * Types a column given as codes into distinct texts (code -1 meaning missing): each distinct text is parsed
     * once, then the typed values are gathered, so a million rows of a few thousand values cost a few thousand parses.
     * With a null type, infers it; string results are classed categorical or text on the whole column.
     */
    public static Converted fromCodes(String name, List<String> distinct, int[] codes, ColumnType type) {
        List<String> texts = new java.util.ArrayList<>(distinct);
        texts.add(null);
        Converted small = fromTexts(name, texts, type);
        int missing = distinct.size();
        int[] rows = new int[codes.length];
        long unparsable = 0;
        for (int r = 0; r < codes.length; r++) {
            rows[r] = codes[r] < 0 ? missing : codes[r];
            if (codes[r] >= 0 && small.column().isMissing(codes[r])) {
                unparsable++;
            }
        }
        Column<?> full = small.column().subset(rows);
        ColumnType resolved = small.info().type().isString() && type == null ? TablesawTypes.typeOf(full) : small.info().type();
        long failed = small.info().unparsable() == 0 ? 0 : unparsable;
        return new Converted(full, new ColumnInfo(name, resolved, failed, failed == 0 ? List.of() : small.info().examples()));
    }

    /** Types a list of texts (null meaning missing); with a null type, infers it. */
    public static Converted fromTexts(String name, List<String> texts, ColumnType type) {
        return fromTexts(name, texts, type, null);
    }

    /** As {@link #fromTexts(String, List, ColumnType)}, dates read with the given layout ({@link ColumnInfo#format()}) or ISO. */
    public static Converted fromTexts(String name, List<String> texts, ColumnType type, String dateFormat) {
        FieldGridBuilder grid = new FieldGridBuilder(1);
        int r = 0;
        for (String text : texts) {
            grid.add(text);
            grid.endRow(++r);
        }
        return type(name, grid, type, dateFormat);
    }

    private static Converted type(String name, FieldGridBuilder grid, ColumnType type) {
        return type(name, grid, type, null);
    }

    private static Converted type(String name, FieldGridBuilder grid, ColumnType type, String dateFormat) {
        TablesawInit.await();
        ColumnTyper typer = new ColumnTyper(grid.build(), List.of(""));
        ColumnTyper.Typed typed = dateFormat == null ? typer.build(0, name, type) : typer.buildWithLayout(0, name, type, dateFormat);
        return new Converted(typed.column(), typed.info());
    }

    /** A cell as the text import would have read: numbers in full, booleans as true/false, dates ISO; null when missing. */
    public static String text(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn<?> n) {
            double d = n.getDouble(row);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (column instanceof BooleanColumn b) {
            return b.get(row) ? "true" : "false";
        }
        return column.getString(row);
    }
}
