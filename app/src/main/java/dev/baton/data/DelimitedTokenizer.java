package dev.baton.data;

import dev.baton.util.Progress;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits delimited text (RFC 4180 quoting) into cells, in parallel.
 *
 * <p>The text is cut into chunks at line breaks; every chunk but the first is parsed on the guess that its
 * first line break was not inside a quoted cell. The guess is checked when the chunk before it is done:
 * that chunk must have stopped exactly where this one started. If not (a quoted cell spans the cut),
 * the rest is parsed again in order. So the result always equals a sequential parse.
 */
final class DelimitedTokenizer {

    /** How the text is laid out. */
    record Layout(byte delimiter, byte quote, boolean crOnly, RaggedRows raggedRows) {
    }

    /**
     * The cells, the header, what the user should be told about ragged rows, and whether some byte of a cell is
     * outside ASCII (a file without one is valid UTF-8, so its encoding needs no further check).
     */
    record Result(List<String> header, FieldGrid grid, long raggedRows, List<Long> raggedLines, long blankLines,
                  boolean nonAscii) {
    }

    private static final int MAX_COLUMNS = 10_000;
    private static final int MIN_CHUNK = 4 << 20;

    private final Path file;
    private final byte[] b;
    private final int dataEnd;
    private final Layout layout;
    private final Progress progress;
    private final AtomicLong bytesDone = new AtomicLong();
    /** Smallest chunk worth a thread; tests lower it to exercise the cut points on small inputs. */
    int minChunk = MIN_CHUNK;

    DelimitedTokenizer(Path file, byte[] data, int end, Layout layout, Progress progress) {
        this.file = file;
        this.b = data;
        this.dataEnd = end;
        this.layout = layout;
        this.progress = progress;
    }

    Result tokenize(int from, boolean header, ExecutorService pool, int threads) throws InterruptedException {
        int originalFrom = from;
        from = skipBlankLines(from);
        int leadingLines = countLineBreaks(originalFrom, from);
        if (from >= dataEnd) {
            throw ImportException.of(ImportException.Kind.EMPTY, file,
                    file.getFileName() + " has no data: it is empty or holds only blank lines.");
        }
        Chunk first = new Chunk(from, from + 1, 0, from + 1);
        first.parseHeaderRow();
        List<String> firstRow = first.headerCells;
        int columns = firstRow.size();
        if (columns > MAX_COLUMNS) {
            throw new ImportException(ImportException.Kind.TOO_MANY_COLUMNS, file, 1, null, null,
                    file.getFileName() + " has " + String.format("%,d", columns) + " columns on line 1; Baton reads at most "
                            + String.format("%,d", MAX_COLUMNS) + ". Is the delimiter right (" + ImportOptions.nameOf((char) layout.delimiter) + ")?");
        }
        int dataStart = header ? skipBlankLines(first.position) : from;
        int headerLines = leadingLines + (header ? first.lines : 0);
        List<String> names = header ? firstRow : null;

        List<int[]> bounds = splitPoints(dataStart, threads);
        List<Chunk> chunks = new ArrayList<>();
        for (int[] range : bounds) {
            // The first chunk makes room for every row of the file, so that the others are copied into its arrays.
            chunks.add(new Chunk(range[0], range[1], columns, chunks.isEmpty() ? dataEnd : range[1]));
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Chunk chunk : chunks.subList(1, chunks.size())) {
            futures.add(pool.submit(() -> {
                chunk.parseRows();
                return null;
            }));
        }
        try {
            chunks.get(0).parseRows();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }

        // Verify the guesses; re-parse in order from the first chunk that started inside a quoted cell.
        List<Chunk> valid = new ArrayList<>();
        Chunk previous = chunks.get(0);
        valid.add(previous);
        for (int i = 1; i < chunks.size(); i++) {
            Chunk next = chunks.get(i);
            if (previous.position == next.start) {
                valid.add(next);
                previous = next;
            } else {
                Chunk rest = new Chunk(previous.position, dataEnd, columns, dataEnd);
                rest.parseRows();
                valid.add(rest);
                break;
            }
        }
        return merge(names, columns, headerLines, valid, first.high);
    }

    private Result merge(List<String> names, int columns, int headerLines, List<Chunk> chunks, int headerHigh) {
        int rows = 0;
        for (Chunk c : chunks) {
            if (c.error != null) {
                // A chunk's error counts only now that its start is known to be right; report it at its true line.
                throw c.error.apply(lineBase(chunks, c, headerLines));
            }
            rows += c.rows;
        }
        long cells = (long) rows * columns;
        if (cells > Integer.MAX_VALUE - 8) {
            throw ImportException.of(ImportException.Kind.TOO_LARGE, file, file.getFileName() + " has "
                    + String.format("%,d", cells) + " cells; Baton holds at most about 2 billion in memory.");
        }
        // Into the first chunk's arrays when they have room (it sized them for the whole file), else new ones.
        Chunk first = chunks.get(0);
        boolean inPlace = first.starts.length >= cells && first.rowLines.length >= rows;
        int[] starts = inPlace ? first.starts : new int[(int) cells];
        int[] ends = inPlace ? first.ends : new int[(int) cells];
        int[] lines = inPlace ? first.rowLines : new int[rows];
        long ragged = 0;
        long blank = 0;
        int high = headerHigh;
        List<Long> raggedLines = new ArrayList<>();
        int cellAt = 0;
        int rowAt = 0;
        for (Chunk c : chunks) {
            int base = lineBase(chunks, c, headerLines);
            if (c.starts != starts) {
                System.arraycopy(c.starts, 0, starts, cellAt, c.cells);
                System.arraycopy(c.ends, 0, ends, cellAt, c.cells);
            }
            cellAt += c.cells;
            for (int r = 0; r < c.rows; r++) {
                lines[rowAt++] = c.rowLines[r] + base;
            }
            ragged += c.ragged;
            blank += c.blank;
            high |= c.high;
            for (int i = 0; i < c.raggedLines.size() && raggedLines.size() < 5; i++) {
                raggedLines.add((long) c.raggedLines.getInt(i) + base);
            }
        }
        if (ragged > 0 && layout.raggedRows == RaggedRows.ERROR) {
            throw raggedError(columns, ragged, raggedLines, chunks);
        }
        List<String> header = names;
        if (header == null) {
            header = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                header.add("column_" + i);
            }
        }
        FieldGrid grid = new FieldGrid(b, columns, rows, starts, ends, lines, layout.quote);
        return new Result(header, grid, ragged, raggedLines, blank, high < 0);
    }

    private ImportException raggedError(int columns, long ragged, List<Long> lines, List<Chunk> chunks) {
        int found = -1;
        for (Chunk c : chunks) {
            if (c.firstRaggedCount >= 0) {
                found = c.firstRaggedCount;
                break;
            }
        }
        String lineList = lines.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("");
        String message = file.getFileName() + ": " + String.format("%,d", ragged) + (ragged == 1 ? " row has" : " rows have")
                + " a different number of fields than the header's " + columns + " (line " + lineList
                + (ragged > lines.size() ? ", ..." : "") + (found >= 0 ? "; the first has " + found : "") + ")."
                + " Pad short rows with missing values, or skip these rows?";
        return new ImportException(ImportException.Kind.RAGGED_ROWS, file, lines.isEmpty() ? 0 : lines.get(0), null, null,
                lines, message, null);
    }

    private static int lineBase(List<Chunk> chunks, Chunk upTo, int headerLines) {
        int base = 1 + headerLines;
        for (Chunk c : chunks) {
            if (c == upTo) {
                return base;
            }
            base += c.lines;
        }
        return base;
    }

    /** Cut points after line breaks, about equal in size. */
    private List<int[]> splitPoints(int from, int threads) {
        List<int[]> ranges = new ArrayList<>();
        int length = dataEnd - from;
        int pieces = Math.max(1, Math.min(threads, length / minChunk));
        int start = from;
        for (int i = 1; i < pieces; i++) {
            int cut = from + (int) ((long) length * i / pieces);
            while (cut < dataEnd && b[cut - 1] != lineByte()) {
                cut++;
            }
            if (cut <= start || cut >= dataEnd) {
                continue;
            }
            ranges.add(new int[]{start, cut});
            start = cut;
        }
        ranges.add(new int[]{start, dataEnd});
        return ranges;
    }

    private byte lineByte() {
        return layout.crOnly ? (byte) '\r' : (byte) '\n';
    }

    private int countLineBreaks(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == lineByte()) {
                n++;
            }
        }
        return n;
    }

    private int skipBlankLines(int pos) {
        while (pos < dataEnd && (b[pos] == '\n' || b[pos] == '\r')) {
            pos++;
        }
        return pos;
    }

    /** Parses rows that start in [start, stop); may run past stop to finish the last row. */
    private final class Chunk {
        final int start;
        final int stop;
        final int columns;
        int position;
        int rows;
        int lines;
        long ragged;
        long blank;
        int firstRaggedCount = -1;
        final IntArrayList raggedLines = new IntArrayList();
        /**
         * Cell bounds, row after row: the first {@code cells} are kept rows; the row being read is written after
         * them ({@code found} cells) and kept or dropped once it is complete. Plain arrays, not lists: the row
         * loop is the hottest code of an import and must compile small and early.
         */
        int[] starts;
        int[] ends;
        int cells;
        int found;
        int[] rowLines;
        /** The bytes of the cells read, ORed together: negative when one is outside ASCII. */
        int high;
        List<String> headerCells;
        /** A deferred error: made into an exception once the line where this chunk starts is known. */
        java.util.function.IntFunction<ImportException> error;

        /** Where the rows this chunk makes room for end: its own stop, or the end of the data for the first chunk. */
        final int projectTo;

        Chunk(int start, int stop, int columns, int projectTo) {
            this.start = start;
            this.stop = stop;
            this.columns = columns;
            this.position = start;
            this.projectTo = projectTo;
            // Room for the first block; after it, the rows' measured length says how much the rest needs.
            int firstBlock = (int) Math.min((long) BLOCK * Math.max(1, columns), Math.max(16L, (long) (stop - start) / 2));
            this.starts = new int[firstBlock];
            this.ends = new int[firstBlock];
            this.rowLines = new int[BLOCK + 1];
        }

        /** After the first block: makes room for the rows up to {@link #projectTo} at the length rows had so far, plus 5%. */
        private void projectSize() {
            if (rows == 0 || position <= start) {
                return;
            }
            double bytesPerRow = (double) (position - start) / rows;
            long projectedRows = (long) ((projectTo - start) / bytesPerRow * 1.05) + 16;
            if (projectTo > stop && projectedRows * Math.max(1, columns) * 8 > Runtime.getRuntime().maxMemory() / 4) {
                // Room for the whole file would be a large bet on the first rows' length: only this chunk's.
                projectedRows = (long) ((stop - start) / bytesPerRow * 1.05) + 16;
            }
            long projectedCells = Math.min(Integer.MAX_VALUE - 16L, projectedRows * Math.max(1, columns));
            if (projectedCells > starts.length) {
                starts = java.util.Arrays.copyOf(starts, (int) projectedCells);
                ends = java.util.Arrays.copyOf(ends, (int) projectedCells);
            }
            if (projectedRows > rowLines.length) {
                rowLines = java.util.Arrays.copyOf(rowLines, (int) Math.min(Integer.MAX_VALUE - 16L, projectedRows));
            }
        }

        /** Room for {@code more} cells after the kept ones and the row being read. */
        private void ensureCells(int more) {
            long needed = (long) cells + found + more;
            if (needed > starts.length) {
                long grown = Math.max(needed, starts.length + (starts.length >> 1) + 16L);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw ImportException.of(ImportException.Kind.TOO_LARGE, file, file.getFileName()
                            + " has too many cells; Baton holds at most about 2 billion in memory.");
                }
                starts = java.util.Arrays.copyOf(starts, (int) grown);
                ends = java.util.Arrays.copyOf(ends, (int) grown);
            }
        }

        void parseHeaderRow() {
            int before = lines;
            if (!readRow()) {
                return;
            }
            headerCells = new ArrayList<>(found);
            FieldGrid one = new FieldGrid(b, 1, found, java.util.Arrays.copyOf(starts, found),
                    java.util.Arrays.copyOf(ends, found), null, layout.quote);
            for (int i = 0; i < found; i++) {
                headerCells.add(one.text(i, 0));
            }
            if (error != null) {
                throw error.apply(1 + before);
            }
        }

        /** Rows parsed between two progress reports. */
        private static final int BLOCK = 4096;

        void parseRows() {
            long reported = 0;
            while (position < stop && error == null) {
                // The row loop is its own method and reporting stays out of it: compiled early, it is
                // never thrown back to the interpreter by a rare branch (as a check every 65,536 rows was).
                boolean firstBlock = rows == 0;
                if (!parseBlock(rows + BLOCK)) {
                    break;
                }
                if (firstBlock) {
                    projectSize();
                }
                progress.checkCancelled();
                long done = bytesDone.addAndGet(position - start - reported);
                reported = position - start;
                progress.update(done, dataEnd, "Reading");
            }
            bytesDone.addAndGet(position - start - reported);
            progress.update(bytesDone.get(), dataEnd, "Reading");
        }

        /** Parses rows until {@code rowLimit} rows are kept or the chunk ends; false at the end of data. */
        private boolean parseBlock(int rowLimit) {
            while (rows < rowLimit && position < stop && error == null) {
                int lineOfRow = lines;
                if (!readRow()) {
                    return false;
                }
                if (found == 1 && ends[cells] == starts[cells] && columns > 1) {
                    blank++;
                    continue;
                }
                if (found != columns) {
                    ragged++;
                    if (raggedLines.size() < 5) {
                        raggedLines.add(lineOfRow);
                    }
                    if (firstRaggedCount < 0) {
                        firstRaggedCount = found;
                    }
                    if (layout.raggedRows != RaggedRows.PAD) {
                        continue;
                    }
                    // Padded with absent cells, or cut to the header's width.
                    for (int i = found; i < columns; i++) {
                        starts[cells + i] = -1;
                        ends[cells + i] = -1;
                    }
                }
                cells += columns;
                if (rows == rowLines.length) {
                    rowLines = java.util.Arrays.copyOf(rowLines, rows + (rows >> 1) + 16);
                }
                rowLines[rows++] = lineOfRow;
            }
            return true;
        }

        /** Reads one row at {@link #position} into the cells after the kept ones ({@link #found}); false at the end of data. */
        private boolean readRow() {
            found = 0;
            if (position >= dataEnd) {
                return false;
            }
            // Room for a whole row, so that padding a short one needs no check; longer rows grow as they go.
            ensureCells(Math.max(columns, 1));
            final byte delimiter = layout.delimiter;
            final byte quote = layout.quote;
            final byte newline = layout.crOnly ? (byte) '\r' : (byte) '\n';
            int pos = position;
            int high = 0;
            while (true) {
                int fieldStart = pos;
                if (quote != 0 && pos < dataEnd && b[pos] == quote) {
                    int openLine = lines;
                    pos++;
                    while (true) {
                        if (pos >= dataEnd) {
                            int column = found + 1;
                            int at = fieldStart;
                            error = base -> new ImportException(ImportException.Kind.UNTERMINATED_QUOTE, file, base + openLine,
                                    "field " + column, ImportException.snippet(text(at, Math.min(dataEnd, at + 60))),
                                    file.getFileName() + ": the quote opened on line " + (base + openLine) + ", field " + column
                                            + " (" + ImportException.snippet(text(at, Math.min(dataEnd, at + 40)))
                                            + ") is never closed. Add the closing " + (char) quote
                                            + ", or choose another quote character.");
                            position = dataEnd;
                            return false;
                        }
                        byte x = b[pos];
                        high |= x;
                        if (x == quote) {
                            if (pos + 1 < dataEnd && b[pos + 1] == quote) {
                                pos += 2;
                                continue;
                            }
                            pos++;
                            break;
                        }
                        if (x == newline) {
                            lines++;
                        }
                        pos++;
                    }
                    // Text after the closing quote belongs to the cell, up to the next delimiter.
                    while (pos < dataEnd && b[pos] != delimiter && b[pos] != '\n' && b[pos] != '\r') {
                        high |= b[pos];
                        pos++;
                    }
                } else {
                    while (pos < dataEnd) {
                        byte x = b[pos];
                        if (x == delimiter || x == '\n' || x == '\r') {
                            break;
                        }
                        high |= x;
                        pos++;
                    }
                }
                if (cells + found == starts.length) {
                    ensureCells(1);
                }
                starts[cells + found] = fieldStart;
                ends[cells + found] = pos;
                found++;
                if (pos >= dataEnd) {
                    this.high |= high;
                    position = dataEnd;
                    return true;
                }
                byte x = b[pos];
                if (x == delimiter) {
                    pos++;
                    continue;
                }
                if (x == '\r') {
                    pos++;
                    if (!layout.crOnly && pos < dataEnd && b[pos] == '\n') {
                        pos++;
                    } else if (!layout.crOnly) {
                        // A lone CR in a file of LF line ends: treat it as a line end too.
                        lines--;
                    }
                    lines++;
                } else {
                    pos++;
                    lines++;
                }
                this.high |= high;
                position = pos;
                return true;
            }
        }
    }

    private String text(int s, int e) {
        return new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
