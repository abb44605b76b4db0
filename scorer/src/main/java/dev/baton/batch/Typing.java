package dev.baton.batch;

import dev.baton.data.CellParser;
import dev.baton.data.ColumnType;

import java.util.List;

/** Texts made into a typed column by import's rules: how records given as text become a batch. */
public final class Typing {

    private Typing() {
    }

    /**
     * The texts (null meaning missing) as a column of {@code type}; strings stay as they are. Where a text is there
     * but does not fit the type, the cell is missing and {@code failed[r]} (when given) is set. Dates are read with
     * {@code dateFormat} (or ISO) when given.
     */
    public static Column column(List<String> texts, ColumnType type, String dateFormat, boolean[] failed) {
        if (type.isString()) {
            return new TextColumn(type, texts.toArray(String[]::new));
        }
        return new NumberColumn(type, CellParser.parse(texts, type, dateFormat, failed));
    }

    /**
     * As {@link #column(List, ColumnType, String, boolean[])} for texts given as codes into their distinct values
     * (-1 meaning missing): each distinct text is read once, so a million rows of a few thousand values cost a few
     * thousand parses.
     */
    public static Column column(List<String> distinct, int[] codes, ColumnType type, String dateFormat) {
        Column small = column(distinct, type, dateFormat, null);
        if (small instanceof TextColumn texts) {
            String[] out = new String[codes.length];
            for (int r = 0; r < out.length; r++) {
                out[r] = codes[r] < 0 ? null : texts.get(codes[r]);
            }
            return new TextColumn(type, out);
        }
        double[] values = ((NumberColumn) small).values();
        double[] out = new double[codes.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = codes[r] < 0 ? Double.NaN : values[codes[r]];
        }
        return new NumberColumn(type, out);
    }
}
