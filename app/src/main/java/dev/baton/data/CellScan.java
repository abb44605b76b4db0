package dev.baton.data;

import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.Arrays;

/**
 * Reads every column's cells in one pass over the rows, the rows split over the cores: the columns that look
 * numeric as numbers, the others as the bounds of their content (quotes stripped, missing values marked).
 * Column by column, each pass strides over the whole grid and a fresh JVM warms up a loop per kind of column;
 * across a row the cells lie next to each other and two loops serve all columns. A column that looked numeric
 * but has a value that is not a number is left to {@link ColumnTyper} to read again.
 */
final class CellScan {

    /**
     * One column as read: numbers (NaN where missing; how many are not, whether all are written as integers,
     * whether all fit an int, whether some is too large for a double to hold exactly) or content bounds
     * (start -1 where missing).
     */
    record Cells(double[] numbers, int present, boolean integral, boolean fitsInt, boolean huge, int[] starts, int[] ends,
                 ColumnTyper.Codes codes) {
    }

    /** Rows sampled to pick the columns to read as numbers, and rows read between two checks for cancel. */
    private static final int SAMPLE = 200;
    private static final int BLOCK = 16_384;

    private final FieldGrid grid;
    private final MissingTokens missing;

    CellScan(FieldGrid grid, MissingTokens missing) {
        this.grid = grid;
        this.missing = missing;
    }

    /**
     * Each column's cells, or null for a column that looked numeric and is not. Columns not {@code mayBeNumeric}
     * (their type is chosen) are read as bounds. All null when the arrays for all columns at once would take
     * more than a quarter of the heap: the typers then read their columns one by one.
     */
    Cells[] scan(boolean[] mayBeNumeric, Progress progress) {
        int columns = grid.columns;
        int rows = grid.rows;
        Cells[] result = new Cells[columns];
        if ((long) rows * columns * 8 > Runtime.getRuntime().maxMemory() / 4) {
            return result;
        }
        boolean[] numeric = numericLooking(mayBeNumeric);
        boolean[] coded = textLooking(mayBeNumeric, numeric);
        double[][] numbers = new double[columns][];
        int[][] starts = new int[columns][];
        int[][] ends = new int[columns][];
        int[][] codes = new int[columns][];
        for (int c = 0; c < columns; c++) {
            if (numeric[c]) {
                numbers[c] = new double[rows];
            } else {
                starts[c] = new int[rows];
                ends[c] = new int[rows];
                codes[c] = coded[c] ? new int[rows] : null;
            }
        }
        int pieces = rows < 4 * BLOCK ? 1 : Parallel.threads();
        Range[] ranges = new Range[pieces];
        Parallel.forEach(pieces, p -> {
            Range range = new Range(numeric, numbers, starts, ends, codes,
                    (int) ((long) rows * p / pieces), (int) ((long) rows * (p + 1) / pieces));
            ranges[p] = range;
            range.run(progress);
        });
        for (int c = 0; c < columns; c++) {
            if (!numeric[c]) {
                result[c] = new Cells(null, 0, false, false, false, starts[c], ends[c],
                        codes[c] == null ? null : merged(c, codes[c], ranges));
                continue;
            }
            boolean all = true;
            int present = 0;
            boolean integral = true;
            boolean fitsInt = true;
            boolean huge = false;
            for (Range range : ranges) {
                all &= !range.failed[c];
                present += range.present[c];
                integral &= range.integral[c];
                fitsInt &= range.fitsInt[c];
                huge |= range.huge[c];
            }
            result[c] = all ? new Cells(numbers[c], present, integral, fitsInt, huge, null, null, null) : null;
        }
        return result;
    }

    /** Columns allowed to be numeric whose first filled cells are numbers. */
    private boolean[] numericLooking(boolean[] mayBeNumeric) {
        int columns = grid.columns;
        boolean[] numeric = mayBeNumeric.clone();
        for (int r = 0; r < Math.min(grid.rows, SAMPLE); r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                int s = grid.contentStart(grid.starts[i], grid.ends[i]);
                int e = grid.contentEnd(grid.starts[i], grid.ends[i]);
                if (numeric[c] && !missing.matches(grid.data, s, e) && !isNumber(FastParse.parseDouble(grid.data, s, e))) {
                    numeric[c] = false;
                }
            }
        }
        return numeric;
    }

    /**
     * Text columns allowed any type whose first filled cell (among the sampled rows) is neither yes/no, an integer,
     * a date nor a date-time: text or categories, whatever follows. The scan numbers their distinct values while
     * it reads the rows: a column's own pass would read its cells a row's width apart, each from memory again.
     */
    private boolean[] textLooking(boolean[] mayBeNumeric, boolean[] numeric) {
        int columns = grid.columns;
        boolean[] text = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            if (!mayBeNumeric[c] || numeric[c]) {
                continue;
            }
            for (int r = 0; r < Math.min(grid.rows, SAMPLE); r++) {
                int s = grid.start(r, c);
                int e = grid.end(r, c);
                if (!missing.matches(grid.data, s, e)) {
                    text[c] = FastParse.parseBoolean(grid.data, s, e) < 0
                            && FastParse.parseLong(grid.data, s, e) == FastParse.NOT_A_LONG
                            && DateFormats.DATE_PATTERNS.stream().allMatch(p -> p.parse(grid.data, s, e) == Long.MIN_VALUE)
                            && DateFormats.DATE_TIME_PATTERNS.stream().allMatch(p -> p.parse(grid.data, s, e) == Long.MIN_VALUE);
                    break;
                }
            }
        }
        return text;
    }

    /** Column c's codes from all stretches: the later stretches' values renumbered into the first one's dictionary. */
    private ColumnTyper.Codes merged(int c, int[] codes, Range[] ranges) {
        Range first = ranges[0];
        ByteSliceDictionary dictionary = first.dictionaries[c];
        IntArrayList firstRow = first.firstRows[c];
        long present = first.present[c];
        long totalLength = first.totalLength[c];
        for (int p = 1; p < ranges.length; p++) {
            Range range = ranges[p];
            ByteSliceDictionary own = range.dictionaries[c];
            int[] renumbered = new int[own.size()];
            for (int code = 0; code < own.size(); code++) {
                renumbered[code] = dictionary.codeOf(own.start(code), own.end(code));
                if (renumbered[code] == firstRow.size()) {
                    firstRow.add(range.firstRows[c].getInt(code));
                }
            }
            for (int r = range.from; r < range.to; r++) {
                codes[r] = codes[r] < 0 ? -1 : renumbered[codes[r]];
            }
            present += range.present[c];
            totalLength += range.totalLength[c];
        }
        return new ColumnTyper.Codes(codes, firstRow, present, totalLength);
    }

    private static boolean isNumber(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** One stretch of rows, read by one thread. */
    private final class Range {
        /** The columns still read as numbers in this stretch: the first {@code alive} of them. */
        final int[] numericColumns;
        int alive;
        final int[] textColumns;
        final double[][] numbers;
        final int[][] starts;
        final int[][] ends;
        /** Per text column numbered here: its codes, the dictionary of this stretch, each value's first row. */
        final int[][] codes;
        final ByteSliceDictionary[] dictionaries;
        final IntArrayList[] firstRows;
        final long[] totalLength;
        final int from;
        final int to;
        final int[] present;
        final boolean[] integral;
        final boolean[] fitsInt;
        final boolean[] huge;
        final boolean[] failed;

        Range(boolean[] numeric, double[][] numbers, int[][] starts, int[][] ends, int[][] codes, int from, int to) {
            int columns = numeric.length;
            int n = 0;
            for (boolean b : numeric) {
                n += b ? 1 : 0;
            }
            this.numericColumns = new int[n];
            this.textColumns = new int[columns - n];
            for (int c = 0, i = 0, j = 0; c < columns; c++) {
                if (numeric[c]) {
                    numericColumns[i++] = c;
                } else {
                    textColumns[j++] = c;
                }
            }
            this.alive = n;
            this.numbers = numbers;
            this.starts = starts;
            this.ends = ends;
            this.codes = codes;
            this.dictionaries = new ByteSliceDictionary[columns];
            this.firstRows = new IntArrayList[columns];
            this.totalLength = new long[columns];
            for (int c = 0; c < columns; c++) {
                if (codes[c] != null) {
                    dictionaries[c] = new ByteSliceDictionary(grid.data);
                    firstRows[c] = new IntArrayList();
                }
            }
            this.from = from;
            this.to = to;
            this.present = new int[columns];
            this.integral = new boolean[columns];
            this.fitsInt = new boolean[columns];
            this.huge = new boolean[columns];
            this.failed = new boolean[columns];
            Arrays.fill(integral, true);
            Arrays.fill(fitsInt, true);
        }

        void run(Progress progress) {
            for (int r = from; r < to; r += BLOCK) {
                progress.checkCancelled();
                int end = Math.min(to, r + BLOCK);
                if (alive > 0) {
                    readNumbers(r, end);
                }
                if (textColumns.length > 0) {
                    readBounds(r, end);
                }
            }
        }

        private void readNumbers(int fromRow, int toRow) {
            byte[] data = grid.data;
            int[] cellStarts = grid.starts;
            int[] cellEnds = grid.ends;
            int width = grid.columns;
            for (int r = fromRow; r < toRow; r++) {
                int base = r * width;
                for (int k = 0; k < alive; k++) {
                    int c = numericColumns[k];
                    int s = grid.contentStart(cellStarts[base + c], cellEnds[base + c]);
                    int e = grid.contentEnd(cellStarts[base + c], cellEnds[base + c]);
                    if (missing.matches(data, s, e)) {
                        numbers[c][r] = Double.NaN;
                        continue;
                    }
                    double v = FastParse.parseDouble(data, s, e);
                    if (!isNumber(v)) {
                        failed[c] = true;
                        numericColumns[k--] = numericColumns[--alive];
                        continue;
                    }
                    numbers[c][r] = v;
                    present[c]++;
                    if (integral[c]) {
                        integral[c] = FastParse.isPlainInteger(data, s, e);
                    }
                    fitsInt[c] &= v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                    huge[c] |= Math.abs(v) >= 0x1p53;
                }
            }
        }

        /** The code of row r's value in text column c (its first row and length noted when new). */
        private int code(int c, int r, int s, int e) {
            int code = dictionaries[c].codeOf(s, e);
            if (code == firstRows[c].size()) {
                firstRows[c].add(r);
            }
            present[c]++;
            totalLength[c] += e - s;
            return code;
        }

        private void readBounds(int fromRow, int toRow) {
            byte[] data = grid.data;
            int[] cellStarts = grid.starts;
            int[] cellEnds = grid.ends;
            int width = grid.columns;
            for (int r = fromRow; r < toRow; r++) {
                int base = r * width;
                for (int c : textColumns) {
                    int s = grid.contentStart(cellStarts[base + c], cellEnds[base + c]);
                    int e = grid.contentEnd(cellStarts[base + c], cellEnds[base + c]);
                    boolean absent = missing.matches(data, s, e);
                    starts[c][r] = absent ? -1 : s;
                    ends[c][r] = e;
                    if (codes[c] != null) {
                        codes[c][r] = absent ? -1 : code(c, r, s, e);
                    }
                }
            }
        }
    }
}
