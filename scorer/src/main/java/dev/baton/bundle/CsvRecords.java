package dev.baton.bundle;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A streaming reader of comma-separated records (RFC 4180: quoted fields with doubled quotes and line breaks),
 * for scoring files of any size a chunk at a time. An unquoted empty field or missing token is null; a quoted
 * one is the text itself, as the workbench's importer reads them.
 */
final class CsvRecords {

    private final Reader in;
    private final Set<String> missingTokens;
    private final char delimiter;
    private int pending = -2;
    private long line = 1;
    /** Read in blocks: a call to the reader per character (synchronized in BufferedReader) cost most of the time. */
    private final char[] buffer = new char[1 << 16];
    private int at;
    private int end;
    /** Reused from record to record: one array per record is all that is kept. */
    private final List<String> fields = new ArrayList<>(64);
    /** The field being read: its characters and their count. */
    private char[] field = new char[64];
    private int length;

    CsvRecords(Reader in, Set<String> missingTokens, char delimiter) {
        this.in = in;
        this.missingTokens = missingTokens;
        this.delimiter = delimiter;
    }

    long line() {
        return line;
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        if (at == end) {
            end = in.read(buffer, 0, buffer.length);
            at = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return buffer[at++];
    }

    /** The next record, or null at the end of the input. */
    String[] next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = this.fields;
        fields.clear();
        length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        long startLine = line;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new java.io.IOException("line " + startLine + ": a quoted field is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append((char) c);
                }
            } else if (c == '"' && length == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(value(wasQuoted, fields.size()));
                length = 0;
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pending = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(value(wasQuoted, fields.size()));
                return fields.toArray(String[]::new);
            } else {
                append((char) c);
            }
            c = read();
        }
    }

    private void append(char c) {
        if (length == field.length) {
            field = java.util.Arrays.copyOf(field, field.length * 2);
        }
        field[length++] = c;
    }

    private String value(boolean wasQuoted, int column) {
        String s = length <= SHORT ? recent(column) : new String(field, 0, length);
        if (wasQuoted) {
            return s;
        }
        return s.isEmpty() || missingTokens.contains(s) ? null : s;
    }

    /** Fields this short are looked up among the column's recent values before a new string is made. */
    private static final int SHORT = 24;
    private static final int SLOTS = 512;
    private String[][] recent = new String[0][];

    /**
     * The field as a string, the same string as last time when the column's value repeats (a category, a date, a
     * small integer): most fields of a file repeat, and a string per field was half of what scoring allocated. Each
     * column keeps the last value of each of {@value #SLOTS} hash slots.
     */
    private String recent(int column) {
        if (column >= recent.length) {
            recent = java.util.Arrays.copyOf(recent, Math.max(column + 1, recent.length * 2));
        }
        String[] slots = recent[column];
        if (slots == null) {
            slots = recent[column] = new String[SLOTS];
        }
        char[] f = field;
        int n = length;
        int h = 0;
        for (int i = 0; i < n; i++) {
            h = 31 * h + f[i]; // String.hashCode's
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String s = slots[slot];
        if (s != null && s.length() == n && s.hashCode() == h && same(s, f, n)) {
            return s;
        }
        s = new String(f, 0, n);
        slots[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] f, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != f[i]) {
                return false;
            }
        }
        return true;
    }
}
