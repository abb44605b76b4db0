package dev.baton.batch;

import dev.baton.data.ColumnType;

/**
 * One column of a {@link Batch}: plain arrays, no table library. Numbers (integers, decimals, booleans as 1/0,
 * dates as days since 1970, date-times as milliseconds since 1970 in UTC) with NaN for missing; texts with null
 * for missing.
 */
public sealed interface Column permits NumberColumn, TextColumn, UnreadColumn {

    ColumnType type();

    int size();

    boolean isMissing(int row);

    /** The cell as the text import would have read it: numbers in full, booleans true/false, dates ISO; null when missing. */
    String text(int row);
}
