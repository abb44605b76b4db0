package dev.baton.data;

import java.nio.charset.StandardCharsets;

/**
 * The cells of a table as slices of one UTF-8 byte array, before typing: what every text importer
 * produces. Row-major: cell (r, c) spans {@code data[starts[r*columns+c] .. ends[r*columns+c])};
 * a start of -1 marks a cell that is absent (a padded ragged row, a JSON null). The arrays may be longer than
 * {@code rows * columns} (the tokenizer sizes them ahead); what lies beyond is not part of the grid.
 */
final class FieldGrid {

    final byte[] data;
    final int columns;
    final int rows;
    final int[] starts;
    final int[] ends;
    /** 1-based line in the source where each row starts (for messages); 0 when unknown. */
    final int[] lines;
    /** The quote byte whose surrounding pair is stripped from a cell, or 0 for sources without quoting. */
    final byte quote;

    FieldGrid(byte[] data, int columns, int rows, int[] starts, int[] ends, int[] lines, byte quote) {
        this.data = data;
        this.columns = columns;
        this.rows = rows;
        this.starts = starts;
        this.ends = ends;
        this.lines = lines;
        this.quote = quote;
    }

    /** Start of the cell's content, quotes stripped; -1 when absent. */
    int start(int row, int column) {
        int i = row * columns + column;
        return contentStart(starts[i], ends[i]);
    }

    /** End (exclusive) of the cell's content, quotes stripped. */
    int end(int row, int column) {
        int i = row * columns + column;
        return contentEnd(starts[i], ends[i]);
    }

    /** Where the content of the cell stored as [s, e) starts, past an opening quote; -1 for an absent cell. */
    int contentStart(int s, int e) {
        return s >= 0 && quote != 0 && e - s >= 2 && data[s] == quote ? s + 1 : s;
    }

    /** Where the content of the cell stored as [s, e) ends, before the closing quote of a quoted cell. */
    int contentEnd(int s, int e) {
        return s >= 0 && quote != 0 && e - s >= 2 && data[s] == quote && data[e - 1] == quote ? e - 1 : e;
    }

    boolean isQuoted(int row, int column) {
        int i = row * columns + column;
        int s = starts[i];
        return quote != 0 && s >= 0 && ends[i] - s >= 2 && data[s] == quote;
    }

    /** The cell's text, unquoted and unescaped; null when absent. */
    String text(int row, int column) {
        int s = start(row, column);
        if (s < 0) {
            return null;
        }
        int e = end(row, column);
        return decode(s, e, isQuoted(row, column));
    }

    String decode(int s, int e, boolean quoted) {
        String text = new String(data, s, e - s, StandardCharsets.UTF_8);
        if (quoted) {
            String q = String.valueOf((char) quote);
            if (text.contains(q)) {
                text = text.replace(q + q, q);
            }
        }
        return text;
    }

    int line(int row) {
        return lines == null ? 0 : lines[row];
    }
}
