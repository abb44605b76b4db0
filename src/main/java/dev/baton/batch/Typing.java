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
}
