package dev.baton.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses how delimited text is laid out from its first 64 KB: line ending, quote, delimiter and
 * whether the first row is a header. Options the user set are kept as they are.
 */
final class DelimitedSniffer {

    record Layout(char delimiter, char quote, boolean header, LineEnding lineEnding) {
    }

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 100;

    private DelimitedSniffer() {
    }

    static Layout sniff(byte[] b, int from, int end, ImportOptions options) {
        int sampleEnd = Math.min(end, from + SAMPLE_BYTES);
        LineEnding lineEnding = options.lineEnding() != null ? options.lineEnding() : lineEnding(b, from, sampleEnd);
        char quote = options.quote() != null ? options.quote() : quote(b, from, sampleEnd);
        char delimiter = options.delimiter() != null ? options.delimiter()
                : delimiter(b, from, sampleEnd, quote, lineEnding == LineEnding.CR);
        boolean header = options.header() != null ? options.header()
                : header(rows(b, from, sampleEnd, delimiter, quote, lineEnding == LineEnding.CR), options);
        return new Layout(delimiter, quote, header, lineEnding);
    }

    private static LineEnding lineEnding(byte[] b, int from, int end) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = from; i < end; i++) {
            if (b[i] == '\r') {
                if (i + 1 < end && b[i + 1] == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (b[i] == '\n') {
                lf++;
            }
        }
        if (cr > 0 && lf == 0 && crlf == 0) {
            return LineEnding.CR;
        }
        return crlf > lf ? LineEnding.CRLF : LineEnding.LF;
    }

    private static char quote(byte[] b, int from, int end) {
        int doubles = 0;
        int singlesAtStart = 0;
        int lines = 0;
        boolean lineStart = true;
        for (int i = from; i < end; i++) {
            byte x = b[i];
            if (x == '"') {
                doubles++;
            }
            if (lineStart) {
                lines++;
                if (x == '\'') {
                    singlesAtStart++;
                }
            }
            lineStart = x == '\n' || x == '\r';
        }
        if (doubles == 0 && lines > 0 && singlesAtStart * 2 > lines) {
            return '\'';
        }
        return '"';
    }

    private static char delimiter(byte[] b, int from, int end, char quote, boolean crOnly) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            List<List<String>> rows = rows(b, from, end, candidate, quote, crOnly);
            if (rows.isEmpty()) {
                continue;
            }
            Map<Integer, Integer> counts = new HashMap<>();
            for (List<String> row : rows) {
                counts.merge(row.size(), 1, Integer::sum);
            }
            int mode = 1;
            int modeCount = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > mode)) {
                    mode = e.getKey();
                    modeCount = e.getValue();
                }
            }
            if (mode < 2) {
                continue;
            }
            double consistency = (double) modeCount / rows.size();
            // Consistency matters most; more fields break ties (a comma inside text is rarer than between fields).
            double score = consistency * 1000 + Math.min(mode, 999);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** The first rows of the sample, split quote-aware; the last, possibly cut, line is left out. */
    static List<List<String>> rows(byte[] b, int from, int end, char delimiter, char quote, boolean crOnly) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        String text = new String(b, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < text.length() && rows.size() < SAMPLE_LINES; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        cell.append(c);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == quote && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && !crOnly && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        if (end - from < SAMPLE_BYTES && !quoted && (!row.isEmpty() || cell.length() > 0) && rows.size() < SAMPLE_LINES) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * A header unless the first row looks like data: in a column whose other cells are all numbers, dates or
     * booleans, a first-row cell that is one too says "data"; one that is not says "header".
     * With only text columns, a first row of distinct names that never appear below it is a header.
     */
    static boolean header(List<List<String>> rows, ImportOptions options) {
        if (rows.size() < 2) {
            return true;
        }
        List<String> first = rows.get(0);
        Set<String> missing = new HashSet<>(options.missingTokens());
        int votesHeader = 0;
        int votesData = 0;
        for (int c = 0; c < first.size(); c++) {
            String kind = null;
            boolean consistent = true;
            Set<String> values = new HashSet<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (c >= row.size() || missing.contains(row.get(c))) {
                    continue;
                }
                values.add(row.get(c));
                String k = kindOf(row.get(c));
                if (kind == null) {
                    kind = k;
                } else if (!kind.equals(k)) {
                    consistent = false;
                }
            }
            String head = first.get(c);
            if (kind != null && consistent && !kind.equals("text")) {
                if (missing.contains(head) || kindOf(head).equals(kind)) {
                    votesData++;
                } else {
                    votesHeader++;
                }
            } else if (values.contains(head)) {
                votesData++;
            }
        }
        if (votesHeader > 0) {
            return true;
        }
        if (votesData > 0) {
            return false;
        }
        return new HashSet<>(first).size() == first.size();
    }

    private static String kindOf(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Double.isNaN(FastParse.parseDouble(bytes, 0, bytes.length))) {
            return "number";
        }
        if (FastParse.parseBoolean(bytes, 0, bytes.length) >= 0) {
            return "boolean";
        }
        for (DateFormats.Pattern p : DateFormats.DATE_PATTERNS) {
            if (p.parse(bytes, 0, bytes.length) != Long.MIN_VALUE) {
                return "date";
            }
        }
        for (DateFormats.Pattern p : DateFormats.DATE_TIME_PATTERNS) {
            if (p.parse(bytes, 0, bytes.length) != Long.MIN_VALUE) {
                return "date";
            }
        }
        return "text";
    }
}
