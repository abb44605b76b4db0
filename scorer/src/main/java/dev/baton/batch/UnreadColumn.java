package dev.baton.batch;

import dev.baton.data.ColumnType;

/**
 * Stands for a column of the workbench's table that a step does not read: the workbench runs a row-wise step over
 * a wide table by converting only the columns the step reads, while steps that rename, drop or reorder columns
 * still see every name. Its cells cannot be read; the scorer never makes one.
 */
public record UnreadColumn(String source, ColumnType type, int size) implements Column {

    @Override
    public boolean isMissing(int row) {
        throw unread();
    }

    @Override
    public String text(int row) {
        throw unread();
    }

    private IllegalStateException unread() {
        return new IllegalStateException("the column " + source + " was not read for this step");
    }
}
