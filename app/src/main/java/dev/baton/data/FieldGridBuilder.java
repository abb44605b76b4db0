package dev.baton.data;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Collects cells as strings, row by row, into a {@link FieldGrid}: for formats other than delimited text. */
final class FieldGridBuilder {

    private final int columns;
    /** Starts small: single records (scoring) type a few bytes at a time; it doubles as cells arrive. */
    private byte[] data = new byte[64];
    private int size;
    private final IntArrayList starts = new IntArrayList();
    private final IntArrayList ends = new IntArrayList();
    private final IntArrayList lines = new IntArrayList();
    private int cellsInRow;

    /** At most this much text: the cells' offsets are ints. */
    private final long maxBytes;

    FieldGridBuilder(int columns) {
        this(columns, Integer.MAX_VALUE - 16);
    }

    FieldGridBuilder(int columns, long maxBytes) {
        this.columns = columns;
        this.maxBytes = maxBytes;
    }

    /** Adds the next cell of the current row; null for an absent value. */
    void add(String value) {
        if (cellsInRow >= columns) {
            throw new IllegalStateException("row has more than " + columns + " cells");
        }
        if (value == null) {
            starts.add(-1);
            ends.add(-1);
            cellsInRow++;
        } else {
            add(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds the next cell of the current row as its UTF-8 bytes. */
    void add(byte[] bytes) {
        if (cellsInRow >= columns) {
            throw new IllegalStateException("row has more than " + columns + " cells");
        }
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, size, bytes.length);
        starts.add(size);
        size += bytes.length;
        ends.add(size);
        cellsInRow++;
    }

    /** Ends the current row, padding absent cells; line is the source line (0 if unknown). */
    void endRow(int line) {
        while (cellsInRow < columns) {
            starts.add(-1);
            ends.add(-1);
            cellsInRow++;
        }
        lines.add(line);
        cellsInRow = 0;
    }

    int rows() {
        return lines.size();
    }

    private void ensure(int extra) {
        if (size + extra > data.length) {
            if ((long) size + extra > maxBytes) {
                throw new TooMuchText(lines.size());
            }
            long wanted = Math.min(maxBytes, Math.max((long) data.length * 2, (long) size + extra));
            data = Arrays.copyOf(data, (int) wanted);
        }
    }

    /** The cells' text passed what one grid holds (2 GB) after {@code rows} complete rows. */
    static final class TooMuchText extends RuntimeException {
        final int rows;

        TooMuchText(int rows) {
            super("more than 2 GB of text after " + rows + " rows");
            this.rows = rows;
        }
    }

    FieldGrid build() {
        return new FieldGrid(data, columns, lines.size(), starts.toIntArray(), ends.toIntArray(), lines.toIntArray(), (byte) 0);
    }
}
