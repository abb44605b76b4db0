package dev.baton.bundle;

import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.TextColumn;
import dev.baton.data.CellParser;
import dev.baton.data.ColumnType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file (UTF-8) read straight from its bytes into the contract's typed columns, a chunk of records at a time:
 * numbers, yes/no values and dates parsed from the bytes by import's parsers, strings made only for the columns
 * that hold text (the same string when a value repeats), nothing at all for the columns no one asked for.
 * Records follow RFC 4180 exactly as {@link CsvRecords} reads them: quoted fields with doubled quotes and line
 * breaks; an unquoted empty field or missing token is missing, a quoted one is the text itself.
 */
final class CsvColumns {

    /** A chunk's typed columns and what the checks and messages need of its cells. */
    static final class Chunk {
        /** Records in the chunk, rows with the wrong number of fields included. */
        final int records;
        /** Rows that fit the header (the typed columns' rows), in order. */
        final int rows;
        /** For each record with the wrong number of fields: its index in the chunk, and its field count. */
        final int[] badAt;
        final int[] badFields;
        /** Per contract input: its typed column (null when the header lacks it), where parsing failed, and each cell's text. */
        final Column[] typed;
        final boolean[][] failed;
        final java.util.function.IntFunction<String>[] text;
        /** The raw texts of the other columns asked for (null for a column the header lacks). */
        final Map<String, String[]> raw;

        Chunk(int records, int rows, int[] badAt, int[] badFields, Column[] typed, boolean[][] failed,
              java.util.function.IntFunction<String>[] text, Map<String, String[]> raw) {
            this.records = records;
            this.rows = rows;
            this.badAt = badAt;
            this.badFields = badFields;
            this.typed = typed;
            this.failed = failed;
            this.text = text;
            this.raw = raw;
        }
    }

    /** Bytes read per chunk at most (a record longer than this gets a larger block of its own). */
    private static final int BLOCK = 1 << 20;
    /**
     * Blocks are reused: a chunk's block is read while the one before is scored, and nothing keeps a block once its
     * chunk is scored, so three take turns (a new array of this size per chunk was most of what reading allocated).
     */
    private final byte[][] blocks = new byte[3][];
    private int turn;

    private final InputStream in;
    private final byte[][] missingTokens;
    private final Contract contract;
    private final Set<String> rawNames;
    private List<String> header;
    /** For each contract input, and each raw column asked for: its field index in a record (-1 when absent). */
    private int[] inputField;
    private Map<String, Integer> rawField;
    private int width;
    /** Bytes read but not yet in a chunk: the start of the next record. */
    private byte[] carry = new byte[0];
    private boolean eof;
    private long line = 1;
    private final Map<Integer, StringCache> caches = new HashMap<>();

    CsvColumns(InputStream in, Contract contract, Set<String> missingTokens, Set<String> rawNames) {
        this.in = in;
        this.contract = contract;
        this.missingTokens = missingTokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.rawNames = rawNames;
    }

    /** The header row's names (a missing one as ""), or null for an empty input. */
    List<String> header() throws IOException {
        if (header != null) {
            return header;
        }
        Block block = fill(new Block(carry, carry.length));
        Scanner scan = new Scanner(block.bytes, 0, block.length, eof);
        while (!scan.next()) {
            if (eof) {
                if (scan.unclosedAt >= 0) {
                    throw new IOException("line 1: a quoted field is never closed");
                }
                return null;
            }
            block = grow(block); // a header longer than a block
            scan = new Scanner(block.bytes, 0, block.length, eof);
        }
        line += scan.lines;
        List<String> names = new ArrayList<>();
        for (int f = 0; f < scan.fields; f++) {
            String v = scan.missing(f) ? null : scan.text(f);
            names.add(v == null ? "" : v);
        }
        carry = Arrays.copyOfRange(block.bytes, scan.at, block.length);
        header = names;
        width = names.size();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.putIfAbsent(names.get(i), i);
        }
        inputField = contract.inputs().stream().mapToInt(in -> at.getOrDefault(in.name(), -1)).toArray();
        rawField = new HashMap<>();
        for (String name : rawNames) {
            rawField.put(name, at.getOrDefault(name, -1));
        }
        return header;
    }

    private record Block(byte[] bytes, int length) {
    }

    /** The carried bytes and as many more as fit a block (a larger one when a record is longer than a block). */
    private Block fill(Block start) throws IOException {
        int size = Math.max(BLOCK, start.length() * 2);
        byte[] bytes = blocks[turn];
        if (bytes == null || bytes.length < size) {
            bytes = new byte[size];
            blocks[turn] = bytes;
        }
        turn = (turn + 1) % blocks.length;
        return read(start, bytes);
    }

    /** A block twice as large for a record that does not fit: an array of its own, outside the turns. */
    private Block grow(Block start) throws IOException {
        return read(start, new byte[Math.max(BLOCK, start.length() * 2)]);
    }

    private Block read(Block start, byte[] bytes) throws IOException {
        System.arraycopy(start.bytes(), 0, bytes, 0, start.length());
        int length = start.length();
        while (length < bytes.length && !eof) {
            int n = in.read(bytes, length, bytes.length - length);
            if (n < 0) {
                eof = true;
            } else {
                length += n;
            }
        }
        return new Block(bytes, length);
    }

    /** The next chunk of up to {@code maxRecords} records, or null at the end of the input. */
    @SuppressWarnings("unchecked")
    Chunk next(int maxRecords) throws IOException {
        Block block = fill(new Block(carry, carry.length));
        Scanner scan = new Scanner(block.bytes, 0, block.length, eof);
        int k = inputField.length;
        int[][] starts = new int[k][maxRecords];
        int[][] ends = new int[k][maxRecords];
        int[][] rawStarts = new int[rawNames.size()][maxRecords];
        int[][] rawEnds = new int[rawNames.size()][maxRecords];
        List<String> rawOrder = new ArrayList<>(rawNames);
        List<byte[]> complex = new ArrayList<>();
        int[] badAt = new int[0];
        int[] badFields = new int[0];
        int records = 0;
        int rows = 0;
        while (records < maxRecords) {
            int before = scan.at;
            if (!scan.next()) {
                if (scan.at == before && !eof && records == 0) {
                    // a record longer than the block: a larger block, and again
                    block = grow(block);
                    scan = new Scanner(block.bytes, before, block.length, eof);
                    continue;
                }
                break;
            }
            line += scan.lines;
            if (scan.fields != width) {
                badAt = Arrays.copyOf(badAt, badAt.length + 1);
                badFields = Arrays.copyOf(badFields, badFields.length + 1);
                badAt[badAt.length - 1] = records;
                badFields[badFields.length - 1] = scan.fields;
            } else {
                for (int c = 0; c < k; c++) {
                    cell(scan, inputField[c], starts[c], ends[c], rows, complex);
                }
                for (int c = 0; c < rawOrder.size(); c++) {
                    cell(scan, rawField.get(rawOrder.get(c)), rawStarts[c], rawEnds[c], rows, complex);
                }
                rows++;
            }
            records++;
        }
        if (scan.unclosedAt >= 0) {
            throw new IOException("line " + line + ": a quoted field is never closed");
        }
        carry = Arrays.copyOfRange(block.bytes, scan.at, block.length);
        if (records == 0) {
            return null;
        }
        byte[] bytes = block.bytes;
        Column[] typed = new Column[k];
        boolean[][] failed = new boolean[k][];
        java.util.function.IntFunction<String>[] text = new java.util.function.IntFunction[k];
        for (int c = 0; c < k; c++) {
            if (inputField[c] < 0) {
                continue;
            }
            Contract.Input in = contract.inputs().get(c);
            int[] s = starts[c];
            int[] e = ends[c];
            text[c] = r -> decode(bytes, s[r], e[r], complex);
            failed[c] = new boolean[rows];
            typed[c] = type(in, bytes, s, e, rows, complex, failed[c], cache(inputField[c]));
        }
        Map<String, String[]> raw = new HashMap<>();
        for (int c = 0; c < rawOrder.size(); c++) {
            int field = rawField.get(rawOrder.get(c));
            if (field < 0) {
                raw.put(rawOrder.get(c), null);
                continue;
            }
            String[] out = new String[rows];
            StringCache strings = cache(field);
            for (int r = 0; r < rows; r++) {
                out[r] = strings.get(bytes, rawStarts[c][r], rawEnds[c][r], complex);
            }
            raw.put(rawOrder.get(c), out);
        }
        return new Chunk(records, rows, badAt, badFields, typed, failed, text, raw);
    }

    private StringCache cache(int field) {
        return caches.computeIfAbsent(field, f -> new StringCache());
    }

    /**
     * Where a cell is: [start, end) of the block for a plain field; start -1 for a missing one; start -(2 + i) for a
     * field whose text had to be unescaped, kept as complex.get(i).
     */
    private void cell(Scanner scan, int field, int[] starts, int[] ends, int row, List<byte[]> complex) {
        if (field < 0 || scan.missing(field)) {
            starts[row] = -1;
            return;
        }
        if (scan.plain(field)) {
            starts[row] = scan.start(field);
            ends[row] = scan.end(field);
        } else {
            complex.add(scan.unescaped(field));
            starts[row] = -(1 + complex.size());
        }
    }

    private static String decode(byte[] bytes, int start, int end, List<byte[]> complex) {
        if (start == -1) {
            return null;
        }
        if (start < -1) {
            return new String(complex.get(-start - 2), StandardCharsets.UTF_8);
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** A column of cells typed as the contract says, by the same parsers as {@link dev.baton.batch.Typing}. */
    private static Column type(Contract.Input in, byte[] bytes, int[] s, int[] e, int rows, List<byte[]> complex, boolean[] failed,
                               StringCache strings) {
        ColumnType type = in.type();
        if (type.isString()) {
            String[] out = new String[rows];
            for (int r = 0; r < rows; r++) {
                out[r] = strings.get(bytes, s[r], e[r], complex);
            }
            return new TextColumn(type, out);
        }
        CellParser.Layout layout = null;
        if (type.isTemporal()) {
            List<byte[]> sample = new ArrayList<>();
            for (int r = 0; r < rows && sample.size() < 1000; r++) {
                if (s[r] != -1) {
                    sample.add(s[r] < -1 ? complex.get(-s[r] - 2) : Arrays.copyOfRange(bytes, s[r], e[r]));
                }
            }
            layout = CellParser.layout(type, in.format(), sample.toArray(byte[][]::new));
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            if (s[r] == -1) {
                out[r] = Double.NaN;
                continue;
            }
            byte[] b = bytes;
            int from = s[r];
            int to = e[r];
            if (from < -1) {
                b = complex.get(-from - 2);
                from = 0;
                to = b.length;
            }
            double v = CellParser.parse(b, from, to, type, layout);
            if (Double.isNaN(v) && type == ColumnType.INTEGER && hasFraction(b, from, to)) {
                // pandas writes an integer column with a missing value as 190.0: read as the scorer reads it
                String whole = Scorer.integral(new String(b, from, to - from, StandardCharsets.UTF_8));
                byte[] w = whole.getBytes(StandardCharsets.UTF_8);
                v = CellParser.parse(w, 0, w.length, type, null);
            }
            out[r] = v;
            failed[r] = Double.isNaN(v);
        }
        return new NumberColumn(type, out);
    }

    private static boolean hasFraction(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
                return true;
            }
        }
        return false;
    }

    /**
     * One record at a time over a block of bytes: where each field is, whether it was quoted, and whether its text
     * needs unescaping. A record that runs past the block's end is not taken (unless the input ends there).
     */
    private final class Scanner {
        private final byte[] b;
        private final int limit;
        private final boolean last;
        /** Where the next record starts. */
        int at;
        int fields;
        /** Line breaks in the last record, its own included. */
        int lines;
        int unclosedAt = -1;
        private int[] start = new int[64];
        private int[] end = new int[64];
        /** 0 plain; 1 quoted with its text between the quotes; 2 quoted and in need of unescaping. */
        private byte[] kind = new byte[64];

        Scanner(byte[] b, int at, int limit, boolean last) {
            this.b = b;
            this.at = at;
            this.limit = limit;
            this.last = last;
        }

        /** Reads the next record; false at the end of the block (or the input). */
        boolean next() {
            int i = at;
            if (i >= limit) {
                return false;
            }
            fields = 0;
            lines = 0;
            int breaks = 0;
            while (true) {
                // one field
                int fieldStart = i;
                byte k = 0;
                if (i < limit && b[i] == '"') {
                    k = 1;
                    i++;
                    while (true) {
                        if (i >= limit) {
                            if (last) {
                                unclosedAt = fieldStart;
                            }
                            return false;
                        }
                        byte c = b[i];
                        if (c == '"') {
                            if (i + 1 < limit && b[i + 1] == '"') {
                                k = 2;
                                i += 2;
                                continue;
                            }
                            if (i + 1 >= limit && !last) {
                                return false; // the byte after the quote decides; it is in the next block
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            breaks++;
                        }
                        i++;
                    }
                    // text after the closing quote belongs to the field too ("ab"cd is abcd)
                    int after = i;
                    while (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
                        i++;
                    }
                    if (i > after) {
                        k = 2;
                    }
                } else {
                    while (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
                        i++;
                    }
                }
                if (i >= limit && !last) {
                    return false; // the record may go on in the next block
                }
                add(fieldStart, i, k);
                if (i >= limit) {
                    at = i;
                    lines = breaks;
                    return true;
                }
                byte c = b[i];
                if (c == ',') {
                    i++;
                    if (i >= limit && !last) {
                        return false;
                    }
                    if (i >= limit) {
                        add(i, i, (byte) 0); // a record ending in a comma has an empty last field
                        at = i;
                        lines = breaks;
                        return true;
                    }
                    continue;
                }
                // end of the record: \n, \r or \r\n
                if (c == '\r') {
                    if (i + 1 >= limit && !last) {
                        return false;
                    }
                    i++;
                    if (i < limit && b[i] == '\n') {
                        i++;
                    }
                } else {
                    i++;
                }
                breaks++;
                at = i;
                lines = breaks;
                return true;
            }
        }

        private void add(int s, int e, byte k) {
            if (fields == start.length) {
                start = Arrays.copyOf(start, fields * 2);
                end = Arrays.copyOf(end, fields * 2);
                kind = Arrays.copyOf(kind, fields * 2);
            }
            start[fields] = s;
            end[fields] = e;
            kind[fields] = k;
            fields++;
        }

        boolean missing(int f) {
            if (kind[f] != 0) {
                return false;
            }
            int len = end[f] - start[f];
            if (len == 0) {
                return true;
            }
            for (byte[] token : missingTokens) {
                if (token.length == len && Arrays.equals(b, start[f], end[f], token, 0, len)) {
                    return true;
                }
            }
            return false;
        }

        boolean plain(int f) {
            return kind[f] != 2;
        }

        int start(int f) {
            return kind[f] == 1 ? start[f] + 1 : start[f];
        }

        int end(int f) {
            return kind[f] == 1 ? end[f] - 1 : end[f];
        }

        /** A quoted field's text: doubled quotes made single, text after the closing quote appended. */
        byte[] unescaped(int f) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end[f] - start[f]);
            int i = start[f] + 1;
            while (i < end[f]) {
                byte c = b[i];
                if (c == '"') {
                    if (i + 1 < end[f] && b[i + 1] == '"') {
                        out.write('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    out.write(b, i, end[f] - i); // after the closing quote
                    break;
                }
                out.write(c);
                i++;
            }
            return out.toByteArray();
        }

        String text(int f) {
            return plain(f) ? new String(b, start(f), end(f) - start(f), StandardCharsets.UTF_8)
                    : new String(unescaped(f), StandardCharsets.UTF_8);
        }
    }

    /** Strings of a column's repeating values, made once: each hash slot keeps the last one seen. */
    private static final class StringCache {
        private static final int SLOTS = 1024;
        private static final int SHORT = 32;
        private final String[] strings = new String[SLOTS];
        private final byte[][] bytes = new byte[SLOTS][];

        String get(byte[] b, int s, int e, List<byte[]> complex) {
            if (s == -1) {
                return null;
            }
            if (s < -1) {
                return new String(complex.get(-s - 2), StandardCharsets.UTF_8);
            }
            int n = e - s;
            if (n > SHORT) {
                return new String(b, s, n, StandardCharsets.UTF_8);
            }
            int h = 0;
            for (int i = s; i < e; i++) {
                h = 31 * h + b[i];
            }
            int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
            byte[] seen = bytes[slot];
            if (seen != null && seen.length == n && Arrays.equals(seen, 0, n, b, s, e)) {
                return strings[slot];
            }
            String str = new String(b, s, n, StandardCharsets.UTF_8);
            strings[slot] = str;
            bytes[slot] = Arrays.copyOfRange(b, s, e);
            return str;
        }
    }
}
