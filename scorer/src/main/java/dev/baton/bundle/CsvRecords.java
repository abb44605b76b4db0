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
    private final StringBuilder field = new StringBuilder(64);

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
        StringBuilder field = this.field;
        field.setLength(0);
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
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
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
                fields.add(value(field, wasQuoted));
                return fields.toArray(String[]::new);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private String value(StringBuilder field, boolean wasQuoted) {
        String s = field.toString();
        if (wasQuoted) {
            return s;
        }
        return s.isEmpty() || missingTokens.contains(s) ? null : s;
    }
}
