package dev.baton.data;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one column of a {@link FieldGrid} into a typed Tablesaw column. Not thread-safe: one instance per column.
 *
 * <p>Without an override the type is inferred from every value: integer, then decimal, boolean, date,
 * date-time; otherwise categorical or text by {@link CategoryRule}. A pass for a type stops at the first
 * value that does not fit, so a wrong guess costs little. With an override, values that do not fit become
 * missing and are counted, with the first few kept as examples.
 */
final class ColumnTyper {

    private static final int EXAMPLES = 5;

    private final FieldGrid grid;
    private final MissingTokens missing;

    ColumnTyper(FieldGrid grid, List<String> missingTokens) {
        this(grid, new MissingTokens(missingTokens));
    }

    ColumnTyper(FieldGrid grid, MissingTokens missing) {
        this.grid = grid;
        this.missing = missing;
    }

    /**
     * A typed column and how many of its values are missing (counted while typing: Tablesaw counts by visiting
     * every cell again); the note, when there is one, tells the user about a reading they may want to change.
     */
    record Typed(Column<?> column, ColumnInfo info, String note, int missing) {
        Typed(Column<?> column, ColumnInfo info, int missing) {
            this(column, info, null, missing);
        }
    }

    /**
     * One column's cells as content bounds (quotes stripped), start -1 when missing: extracted once in a
     * tight loop so that each type's pass reads two flat arrays instead of re-deriving every cell.
     */
    private int[] cellStarts;
    private int[] cellEnds;
    /** Filled by {@link #extract} while every filled cell is a number; null once one is not. */
    private double[] numbers;
    /** Whether every number was written as an integer ("12", not "12.0"). */
    private boolean integral;
    /** Whether some integer is too large for a double to hold exactly (then integers are parsed as longs). */
    private boolean huge;
    /** How many numbers are not missing, and whether all fit an int; present is -1 until counted. */
    private int present = -1;
    private boolean fitsInt;
    /** The column's dictionary codes when the scan made them (a text column that is neither yes/no nor dates). */
    private Codes scannedCodes;

    /**
     * Extracts the cells and, in the same loop, tries them as numbers: most columns are numeric. At the first
     * filled cell that is not a number the rest is extracted by a loop that parses nothing. Two loops with
     * steady branches, rather than one whose branches flip with each kind of column, keep a fresh JVM from
     * recompiling them column after column.
     */
    private void extract(int c) {
        int rows = grid.rows;
        cellStarts = new int[rows];
        cellEnds = new int[rows];
        double[] values = new double[rows];
        present = -1;
        int stoppedAt = cellsWhileNumeric(c, values);
        if (stoppedAt < rows) {
            cells(c, stoppedAt);
            numbers = null;
            integral = false;
        } else {
            numbers = values;
        }
    }

    /** Extracts cells and parses them as numbers up to the first filled one that is not: its row, or rows. */
    private int cellsWhileNumeric(int c, double[] values) {
        int rows = grid.rows;
        int[] starts = grid.starts;
        int[] ends = grid.ends;
        int columns = grid.columns;
        byte[] data = grid.data;
        int[] cs = cellStarts;
        int[] ce = cellEnds;
        boolean wholes = true;
        boolean big = false;
        int r = 0;
        for (int i = c; r < rows; r++, i += columns) {
            int s = grid.contentStart(starts[i], ends[i]);
            int e = grid.contentEnd(starts[i], ends[i]);
            if (missing.matches(data, s, e)) {
                values[r] = Double.NaN;
                s = -1;
            } else {
                double v = FastParse.parseDouble(data, s, e);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    break;
                }
                values[r] = v;
                wholes = wholes && FastParse.isPlainInteger(data, s, e);
                big |= Math.abs(v) >= 0x1p53;
            }
            cs[r] = s;
            ce[r] = e;
        }
        integral = wholes;
        huge = big;
        return r;
    }

    /** Extracts the cells of rows [from, rows) without parsing them. */
    private void cells(int c, int from) {
        int rows = grid.rows;
        int[] starts = grid.starts;
        int[] ends = grid.ends;
        int columns = grid.columns;
        byte[] data = grid.data;
        int[] cs = cellStarts;
        int[] ce = cellEnds;
        for (int r = from, i = from * columns + c; r < rows; r++, i += columns) {
            int s = grid.contentStart(starts[i], ends[i]);
            int e = grid.contentEnd(starts[i], ends[i]);
            cs[r] = missing.matches(data, s, e) ? -1 : s;
            ce[r] = e;
        }
    }

    /** Counts the numbers {@link #extract} parsed, and whether they all fit an int. */
    private void countNumbers() {
        present = 0;
        fitsInt = true;
        for (double v : numbers) {
            if (!Double.isNaN(v)) {
                present++;
                if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    fitsInt = false;
                }
            }
        }
    }

    /** The column as integers or decimals from the numbers {@link #extract} parsed; null if not all numeric or all missing. */
    private Typed fromNumbers(String name) {
        if (numbers == null || (integral && huge)) {
            return null;
        }
        int rows = grid.rows;
        if (present < 0) {
            countNumbers();
        }
        if (present == 0) {
            return null;
        }
        int missing = rows - present;
        if (!integral) {
            return new Typed(DoubleColumn.create(name, numbers), ColumnInfo.of(name, ColumnType.DECIMAL), missing);
        }
        if (fitsInt) {
            int[] ints = new int[rows];
            for (int r = 0; r < rows; r++) {
                ints[r] = Double.isNaN(numbers[r]) ? Integer.MIN_VALUE : (int) numbers[r];
            }
            return new Typed(IntColumn.create(name, ints), ColumnInfo.of(name, ColumnType.INTEGER), missing);
        }
        long[] longs = new long[rows];
        for (int r = 0; r < rows; r++) {
            longs[r] = Double.isNaN(numbers[r]) ? Long.MIN_VALUE : (long) numbers[r];
        }
        return new Typed(LongColumn.create(name, longs), ColumnInfo.of(name, ColumnType.INTEGER), missing);
    }

    Typed build(int c, String name, ColumnType override) {
        return build(c, name, override, (CellScan.Cells) null);
    }

    /**
     * A date layout every cell of a date column is read with (and ISO, which no reading can mistake), instead of
     * the one that fits this column's cells best: a batch to score is read as the training data was, and a batch
     * whose days all happen to be 12 or less is not read month first.
     */
    private String pinnedFormat;

    Typed buildWithLayout(int c, String name, ColumnType override, String format) {
        this.pinnedFormat = format;
        try {
            return build(c, name, override, (CellScan.Cells) null);
        } finally {
            this.pinnedFormat = null;
        }
    }

    /** As {@link #build(int, String, ColumnType)}, from what a {@link CellScan} read of the column (null: read it here). */
    Typed build(int c, String name, ColumnType override, CellScan.Cells scanned) {
        read(c, scanned);
        if (override != null) {
            if (cellStarts == null) {
                extract(c);
            }
            return convert(c, name, override, true);
        }
        Typed numeric = fromNumbers(name);
        if (numeric != null) {
            return numeric;
        }
        if (cellStarts == null) {
            // All missing, or integers too large for doubles: the types below read the text.
            extract(c);
        }
        numbers = null;
        int first = firstFilled();
        for (ColumnType candidate : new ColumnType[]{ColumnType.INTEGER, ColumnType.BOOLEAN,
                ColumnType.DATE, ColumnType.DATETIME}) {
            if (!mayFit(candidate, first)) {
                continue;
            }
            Typed typed = convert(c, name, candidate, false);
            if (typed != null) {
                return typed;
            }
        }
        return strings(c, name, null);
    }

    /** The first row with a value; the row count when all are missing. */
    private int firstFilled() {
        int r = 0;
        while (r < grid.rows && cellStarts[r] < 0) {
            r++;
        }
        return r;
    }

    /**
     * False when the first value already does not fit the candidate, so that a text column is not given a
     * full-length array per type it is not (inferring needs every value to fit). Dates judge their own sample.
     */
    private boolean mayFit(ColumnType candidate, int first) {
        if (first >= grid.rows) {
            return true;
        }
        int s = cellStarts[first];
        int e = cellEnds[first];
        return switch (candidate) {
            case INTEGER -> FastParse.parseLong(grid.data, s, e) != FastParse.NOT_A_LONG;
            case BOOLEAN -> FastParse.parseBoolean(grid.data, s, e) >= 0;
            default -> true;
        };
    }

    /** Takes the scanned numbers or content bounds; extracts the column when the scan has neither. */
    private void read(int c, CellScan.Cells scanned) {
        if (scanned == null) {
            extract(c);
        } else if (scanned.numbers() != null) {
            numbers = scanned.numbers();
            present = scanned.present();
            integral = scanned.integral();
            fitsInt = scanned.fitsInt();
            huge = scanned.huge();
        } else {
            cellStarts = scanned.starts();
            cellEnds = scanned.ends();
            scannedCodes = scanned.codes();
        }
    }

    /** A column declared numeric by its format (ARFF): integer if every value is one, else decimal. */
    Typed buildNumeric(int c, String name, CellScan.Cells scanned) {
        read(c, scanned);
        if (cellStarts == null) {
            extract(c);
        }
        numbers = null;
        Typed typed = integers(c, name, false);
        return typed != null ? typed : decimals(c, name, true);
    }

    private Typed convert(int c, String name, ColumnType type, boolean lenient) {
        return switch (type) {
            case INTEGER -> integers(c, name, lenient);
            case DECIMAL -> decimals(c, name, lenient);
            case BOOLEAN -> booleans(c, name, lenient);
            case DATE -> dates(c, name, lenient);
            case DATETIME -> dateTimes(c, name, lenient);
            case CATEGORICAL, TEXT -> strings(c, name, type);
        };
    }

    /** Counts values that did not fit, keeping the first few for the user to see. */
    private final class Failures {
        long count;
        final List<ColumnInfo.BadValue> examples = new ArrayList<>();

        void add(int row, int s, int e) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add(new ColumnInfo.BadValue(grid.line(row), grid.decode(s, e, false)));
            }
        }

        ColumnInfo info(String name, ColumnType type) {
            return new ColumnInfo(name, type, count, examples);
        }
    }

    private Typed integers(int c, String name, boolean lenient) {
        int rows = grid.rows;
        long[] values = new long[rows];
        Failures failures = new Failures();
        boolean fitsInt = true;
        int missing = 0;
        byte[] data = grid.data;
        for (int r = 0; r < rows; r++) {
            int s = cellStarts[r];
            int e = cellEnds[r];
            if (s < 0) {
                values[r] = Long.MIN_VALUE;
                missing++;
                continue;
            }
            long v = FastParse.parseLong(data, s, e);
            if (v == FastParse.NOT_A_LONG) {
                if (!lenient) {
                    return null;
                }
                failures.add(r, s, e);
                values[r] = Long.MIN_VALUE;
                missing++;
                continue;
            }
            values[r] = v;
            if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                fitsInt = false;
            }
        }
        Column<?> column;
        if (fitsInt) {
            int[] ints = new int[rows];
            for (int r = 0; r < rows; r++) {
                ints[r] = values[r] == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) values[r];
            }
            column = IntColumn.create(name, ints);
        } else {
            column = LongColumn.create(name, values);
        }
        return new Typed(column, failures.info(name, ColumnType.INTEGER), missing);
    }

    private Typed decimals(int c, String name, boolean lenient) {
        int rows = grid.rows;
        double[] values = new double[rows];
        Failures failures = new Failures();
        byte[] data = grid.data;
        int missing = 0;
        for (int r = 0; r < rows; r++) {
            int s = cellStarts[r];
            int e = cellEnds[r];
            if (s < 0) {
                values[r] = Double.NaN;
                missing++;
                continue;
            }
            double v = FastParse.parseDouble(data, s, e);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                if (!lenient) {
                    return null;
                }
                failures.add(r, s, e);
                v = Double.NaN;
                missing++;
            }
            values[r] = v;
        }
        return new Typed(DoubleColumn.create(name, values), failures.info(name, ColumnType.DECIMAL), missing);
    }

    private Typed booleans(int c, String name, boolean lenient) {
        int rows = grid.rows;
        // The three sets Tablesaw keeps (true, false, missing) filled word by word as the cells are read:
        // BitSet.set per row would check and grow the set at every call.
        int words = (rows + 63) >>> 6;
        long[] trues = new long[words];
        long[] falses = new long[words];
        long[] missing = new long[words];
        Failures failures = new Failures();
        byte[] data = grid.data;
        int present = 0;
        for (int r = 0; r < rows; r++) {
            int s = cellStarts[r];
            int e = cellEnds[r];
            int v = s < 0 ? -1 : FastParse.parseBoolean(data, s, e);
            if (v < 0 && s >= 0) {
                if (!lenient) {
                    return null;
                }
                failures.add(r, s, e);
            }
            long bit = 1L << r; // a long shift takes r mod 64: row r's bit in word r / 64
            present += v >= 0 ? 1 : 0;
            trues[r >>> 6] |= v == 1 ? bit : 0;
            falses[r >>> 6] |= v == 0 ? bit : 0;
            missing[r >>> 6] |= v < 0 ? bit : 0;
        }
        if (present == 0 && !lenient) {
            return null;
        }
        BooleanColumn column = new BooleanColumn(name, new tech.tablesaw.columns.booleans.BitSetBooleanData(
                java.util.BitSet.valueOf(trues), java.util.BitSet.valueOf(falses), java.util.BitSet.valueOf(missing)));
        return new Typed(column, failures.info(name, ColumnType.BOOLEAN), rows - present);
    }

    private Typed dates(int c, String name, boolean lenient) {
        List<DateFormats.Pattern> candidates = candidates(c, DateFormats.DATE_PATTERNS, lenient);
        for (DateFormats.Pattern pattern : candidates) {
            int rows = grid.rows;
            int[] values = new int[rows];
            Failures failures = new Failures();
            boolean complete = true;
            int present = 0;
            for (int r = 0; r < rows && complete; r++) {
                int s = cellStarts[r];
                int e = cellEnds[r];
                values[r] = Integer.MIN_VALUE;
                if (s < 0) {
                    continue;
                }
                long v = pattern.parse(grid.data, s, e);
                if (v == Long.MIN_VALUE) {
                    if (lenient) {
                        failures.add(r, s, e);
                    } else {
                        complete = false;
                    }
                    continue;
                }
                values[r] = (int) v;
                present++;
            }
            if (complete) {
                return new Typed(DateColumn.createInternal(name, values), failures.info(name, ColumnType.DATE)
                        .withFormat(pattern.description()), lenient ? null : otherReading(name, pattern, candidates), rows - present);
            }
        }
        return null;
    }

    private Typed dateTimes(int c, String name, boolean lenient) {
        List<DateFormats.Pattern> candidates = candidates(c, DateFormats.DATE_TIME_PATTERNS, lenient);
        for (DateFormats.Pattern pattern : candidates) {
            int rows = grid.rows;
            long[] values = new long[rows];
            Failures failures = new Failures();
            boolean complete = true;
            int present = 0;
            for (int r = 0; r < rows && complete; r++) {
                int s = cellStarts[r];
                int e = cellEnds[r];
                values[r] = Long.MIN_VALUE;
                if (s < 0) {
                    continue;
                }
                long v = pattern.parse(grid.data, s, e);
                if (v == Long.MIN_VALUE) {
                    if (lenient) {
                        failures.add(r, s, e);
                    } else {
                        complete = false;
                    }
                    continue;
                }
                values[r] = v;
                present++;
            }
            if (complete) {
                return new Typed(DateTimeColumn.createInternal(name, values), failures.info(name, ColumnType.DATETIME)
                        .withFormat(pattern.description()), lenient ? null : otherReading(name, pattern, candidates), rows - present);
            }
        }
        return null;
    }

    /**
     * When every value also reads with a later candidate as different dates (01/02/2024: January 2nd or February
     * 1st), the note that says which reading was taken and how to take the other; null when the reading is certain.
     */
    private String otherReading(String name, DateFormats.Pattern chosen, List<DateFormats.Pattern> candidates) {
        for (DateFormats.Pattern other : candidates.subList(candidates.indexOf(chosen) + 1, candidates.size())) {
            boolean all = true;
            boolean differs = false;
            for (int r = 0; r < grid.rows && all; r++) {
                int s = cellStarts[r];
                if (s < 0) {
                    continue;
                }
                long v = other.parse(grid.data, s, cellEnds[r]);
                all = v != Long.MIN_VALUE;
                differs |= all && v != chosen.parse(grid.data, s, cellEnds[r]);
            }
            if (all && differs) {
                return "Every value of '" + name + "' reads both as " + chosen.description() + " and as " + other.description()
                        + "; Baton took " + chosen.description() + ". If the other is right, import '" + name
                        + "' as text and add the cleaning step Read text as dates with " + other.description() + ".";
            }
        }
        return null;
    }

    /**
     * The patterns worth a full pass, judged on the first 1,000 filled cells. Inferring: those that parse all
     * of them, in order of preference. Overriding: the one that parses most of them (ISO if none does).
     */
    private List<DateFormats.Pattern> candidates(int c, List<DateFormats.Pattern> patterns, boolean lenient) {
        if (pinnedFormat != null) {
            DateFormats.Pattern pinned = patterns.stream().filter(p -> p.description().equals(pinnedFormat)).findFirst().orElse(null);
            if (pinned != null) {
                DateFormats.Pattern iso = patterns.get(0);
                return List.of(pinned == iso ? iso : new DateFormats.Pattern() {
                    @Override
                    public long parse(byte[] data, int start, int end) {
                        long v = pinned.parse(data, start, end);
                        return v != Long.MIN_VALUE ? v : iso.parse(data, start, end);
                    }

                    @Override
                    public String description() {
                        return pinned.description();
                    }
                });
            }
        }
        int[] hits = new int[patterns.size()];
        boolean[] alive = new boolean[patterns.size()];
        java.util.Arrays.fill(alive, true);
        int living = patterns.size();
        int sampled = 0;
        for (int r = 0; r < grid.rows && sampled < 1000 && living > 0; r++) {
            int s = cellStarts[r];
            int e = cellEnds[r];
            if (s < 0) {
                continue;
            }
            sampled++;
            for (int p = 0; p < patterns.size(); p++) {
                if (!alive[p]) {
                    continue;
                }
                if (patterns.get(p).parse(grid.data, s, e) != Long.MIN_VALUE) {
                    hits[p]++;
                } else if (!lenient) {
                    // Inferring needs every value to fit: one miss rules the pattern out.
                    alive[p] = false;
                    living--;
                }
            }
        }
        List<DateFormats.Pattern> result = new ArrayList<>();
        if (lenient) {
            int best = 0;
            for (int p = 1; p < patterns.size(); p++) {
                if (hits[p] > hits[best]) {
                    best = p;
                }
            }
            result.add(patterns.get(best));
        } else if (sampled > 0) {
            for (int p = 0; p < patterns.size(); p++) {
                if (alive[p]) {
                    result.add(patterns.get(p));
                }
            }
        }
        return result;
    }

    /** Strings, dictionary-encoded on their bytes so that each distinct value is decoded once. */
    private Typed strings(int c, String name, ColumnType type) {
        Codes codes = codes();
        String[] values = new String[codes.firstRow.size()];
        boolean emptyText = false;
        for (int code = 0; code < values.length; code++) {
            values[code] = grid.text(codes.firstRow.getInt(code), c);
            emptyText |= values[code].isEmpty();
        }
        StringColumn column = StringColumns.of(name, codes.codes, values);
        ColumnType resolved = type;
        if (resolved == null) {
            double averageLength = codes.present == 0 ? 0 : (double) codes.totalLength / codes.present;
            resolved = CategoryRule.isCategorical(values.length, codes.present, averageLength)
                    ? ColumnType.CATEGORICAL : ColumnType.TEXT;
        }
        // Tablesaw holds an empty text as missing: only possible here when "" is not a missing token.
        int missing = emptyText ? column.countMissing() : (int) (grid.rows - codes.present);
        return new Typed(column, ColumnInfo.of(name, resolved), missing);
    }

    /**
     * Per row the number of its distinct value (-1 when missing), the first row of each value, how many rows have
     * one and their total length in bytes.
     */
    record Codes(int[] codes, IntArrayList firstRow, long present, long totalLength) {
    }

    // The two loops of a string column are methods of their own: in a fresh JVM one method holding both was
    // the costliest compile of an import (0.4 s of compiler time).

    private Codes codes() {
        if (scannedCodes != null) {
            return scannedCodes;
        }
        int rows = grid.rows;
        ByteSliceDictionary dictionary = new ByteSliceDictionary(grid.data);
        int[] codes = new int[rows];
        IntArrayList firstRow = new IntArrayList();
        long present = 0;
        long totalLength = 0;
        for (int r = 0; r < rows; r++) {
            int s = cellStarts[r];
            int e = cellEnds[r];
            if (s < 0) {
                codes[r] = -1;
                continue;
            }
            int code = dictionary.codeOf(s, e);
            if (code == firstRow.size()) {
                firstRow.add(r);
            }
            codes[r] = code;
            present++;
            totalLength += e - s;
        }
        return new Codes(codes, firstRow, present, totalLength);
    }
}
