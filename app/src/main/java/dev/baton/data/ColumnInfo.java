package dev.baton.data;

import java.util.List;

/**
 * What Baton knows about a column beyond its values.
 *
 * @param name       the column's name (unique in its dataset)
 * @param type       its type
 * @param unparsable how many cells held text that did not fit the type (they are missing now)
 * @param examples   the first few such cells, for the user to see what went wrong
 * @param format     for dates and date-times read from text, the layout they were read with ("d/M/uuuu"); else null
 */
public record ColumnInfo(String name, ColumnType type, long unparsable, List<BadValue> examples, String format) {

    public ColumnInfo(String name, ColumnType type, long unparsable, List<BadValue> examples) {
        this(name, type, unparsable, examples, null);
    }

    public ColumnInfo withFormat(String layout) {
        return new ColumnInfo(name, type, unparsable, examples, layout);
    }

    public ColumnInfo {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static ColumnInfo of(String name, ColumnType type) {
        return new ColumnInfo(name, type, 0, List.of());
    }

    public ColumnInfo withName(String newName) {
        return new ColumnInfo(newName, type, unparsable, examples, format);
    }

    /**
     * A cell that did not fit its column's type. Line is the 1-based line in the source file (0 if unknown); the text
     * is kept to what a message can show (a 5 MB cell made a 5 MB message).
     */
    public record BadValue(long line, String text) {
        public BadValue {
            text = text == null ? null : ImportException.snippet(text);
        }

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + "'" + text + "'";
        }
    }
}
