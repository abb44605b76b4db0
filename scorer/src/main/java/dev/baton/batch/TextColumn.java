package dev.baton.batch;

import dev.baton.data.ColumnType;

/** A column of texts (categorical or free text); null is missing, and an empty text counts as missing, as on import. */
public record TextColumn(ColumnType type, String[] values) implements Column {

    public TextColumn {
        if (!type.isString()) {
            throw new IllegalArgumentException("a text column cannot be " + type.label());
        }
        for (int r = 0; r < values.length; r++) {
            if (values[r] != null && values[r].isEmpty()) {
                values[r] = null;
            }
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    public String get(int row) {
        return values[row];
    }

    @Override
    public String text(int row) {
        return values[row];
    }
}
