package dev.baton.data;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads texts as numbers, yes/no values or dates by exactly the rules of import (the same parsers), without a table
 * library: what the scorer needs to type the columns of records it is given. Strings are not handled here; they
 * stay as they are.
 */
public final class CellParser {

    private CellParser() {
    }

    /**
     * The texts (null meaning missing) read as {@code type}: integers and decimals as themselves, booleans as 1 or 0,
     * dates as days since 1970-01-01, date-times as milliseconds since 1970 read as UTC. NaN where a text is missing
     * or does not fit; {@code failed[r]} is set where it was there and did not fit. Dates are read with
     * {@code dateFormat} (or ISO) when given, else with the layout that reads most of the first 1,000 texts, as an
     * import told the column's type does.
     */
    public static double[] parse(List<String> texts, ColumnType type, String dateFormat, boolean[] failed) {
        if (type.isString()) {
            throw new IllegalArgumentException("texts need no parsing");
        }
        int n = texts.size();
        Layout layout = layout(type, dateFormat, sample(texts));
        double[] out = new double[n];
        byte[] buffer = new byte[64];
        for (int r = 0; r < n; r++) {
            String t = texts.get(r);
            if (t == null) {
                out[r] = Double.NaN;
                continue;
            }
            // ASCII text is copied into one reused buffer: a byte array per cell was most of the parsing's time.
            byte[] b = ascii(t, buffer);
            if (b == null) {
                b = t.getBytes(StandardCharsets.UTF_8);
            }
            double v = parse(b, 0, b == buffer ? t.length() : b.length, type, layout);
            out[r] = v;
            if (Double.isNaN(v) && failed != null) {
                failed[r] = true;
            }
        }
        return out;
    }

    /** How a column's dates are read: the layout chosen for it (null for other types). */
    public static final class Layout {
        private final DateFormats.Pattern pattern;

        private Layout(DateFormats.Pattern pattern) {
            this.pattern = pattern;
        }
    }

    /**
     * The layout of a date or date-time column: {@code dateFormat} (falling back to ISO) when given, else the one
     * that reads most of {@code sample} (the column's first 1,000 texts that are there, as UTF-8); null for other types.
     */
    public static Layout layout(ColumnType type, String dateFormat, byte[][] sample) {
        return switch (type) {
            case DATE -> new Layout(layout(sample, DateFormats.DATE_PATTERNS, dateFormat));
            case DATETIME -> new Layout(layout(sample, DateFormats.DATE_TIME_PATTERNS, dateFormat));
            default -> null;
        };
    }

    /** One cell, bytes {@code [s, e)} of UTF-8 text, read as {@code type} by import's parsers; NaN when it does not fit. */
    public static double parse(byte[] b, int s, int e, ColumnType type, Layout layout) {
        return switch (type) {
            case INTEGER -> {
                long l = FastParse.parseLong(b, s, e);
                yield l == FastParse.NOT_A_LONG ? Double.NaN : l;
            }
            case DECIMAL -> {
                double d = FastParse.parseDouble(b, s, e);
                yield Double.isInfinite(d) ? Double.NaN : d;
            }
            case BOOLEAN -> {
                int yes = FastParse.parseBoolean(b, s, e);
                yield yes < 0 ? Double.NaN : yes;
            }
            case DATE -> {
                long p = layout.pattern.parse(b, s, e);
                yield p == Long.MIN_VALUE ? Double.NaN : PackedDates.epochDay((int) p);
            }
            case DATETIME -> {
                long p = layout.pattern.parse(b, s, e);
                yield p == Long.MIN_VALUE ? Double.NaN : PackedDates.epochMillis(p);
            }
            default -> throw new IllegalArgumentException("texts need no parsing");
        };
    }

    /** The text in {@code buffer} when it is ASCII and fits; null otherwise (then it is encoded as UTF-8). */
    private static byte[] ascii(String t, byte[] buffer) {
        int len = t.length();
        if (len > buffer.length) {
            return null;
        }
        for (int i = 0; i < len; i++) {
            char c = t.charAt(i);
            if (c >= 128) {
                return null;
            }
            buffer[i] = (byte) c;
        }
        return buffer;
    }

    /** The first 1,000 texts that are there, as bytes: what a date layout is chosen from. */
    private static byte[][] sample(List<String> texts) {
        List<byte[]> out = new java.util.ArrayList<>();
        for (int r = 0; r < texts.size() && out.size() < 1000; r++) {
            String t = texts.get(r);
            if (t != null) {
                out.add(t.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toArray(byte[][]::new);
    }

    /** The layout the given one names (falling back to ISO), or the one that reads most of the first 1,000 texts. */
    private static DateFormats.Pattern layout(byte[][] cells, List<DateFormats.Pattern> patterns, String format) {
        DateFormats.Pattern iso = patterns.get(0);
        if (format != null) {
            for (DateFormats.Pattern p : patterns) {
                if (p.description().equals(format)) {
                    return p == iso ? iso : new DateFormats.Pattern() {
                        @Override
                        public long parse(byte[] data, int start, int end) {
                            long v = p.parse(data, start, end);
                            return v != Long.MIN_VALUE ? v : iso.parse(data, start, end);
                        }

                        @Override
                        public String description() {
                            return p.description();
                        }
                    };
                }
            }
        }
        int[] hits = new int[patterns.size()];
        int sampled = 0;
        for (int r = 0; r < cells.length && sampled < 1000; r++) {
            if (cells[r] == null) {
                continue;
            }
            sampled++;
            for (int p = 0; p < patterns.size(); p++) {
                if (patterns.get(p).parse(cells[r], 0, cells[r].length) != Long.MIN_VALUE) {
                    hits[p]++;
                }
            }
        }
        int best = 0;
        for (int p = 1; p < patterns.size(); p++) {
            if (hits[p] > hits[best]) {
                best = p;
            }
        }
        return patterns.get(best);
    }
}
