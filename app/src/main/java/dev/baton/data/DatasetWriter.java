package dev.baton.data;

import dev.baton.util.AtomicFiles;
import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import tech.tablesaw.columns.Column;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a dataset as CSV (RFC 4180, UTF-8, LF line ends, missing as empty cells; numbers in full, dates ISO).
 * Atomic: a failed write leaves no file, or the previous one intact.
 */
public final class DatasetWriter {

    /** Rows formatted as one piece of text: enough to share out, little to hold in memory. */
    private static final int BLOCK = 16_384;

    private DatasetWriter() {
    }

    public static void writeCsv(Dataset dataset, Path file, Progress progress) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeCsv(dataset, w, progress);
            w.flush();
        });
    }

    public static void writeCsv(Dataset dataset, Writer w, Progress progress) throws IOException {
        List<String> names = dataset.columnNames();
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(quote(names.get(c)));
        }
        w.write('\n');
        List<Column<?>> columns = dataset.table().columns();
        int rows = dataset.rowCount();
        // Turning numbers into text is most of the work: blocks of rows are formatted on every core, a few at a
        // time, and written in order (1M x 13 columns: 1.8 s of CPU on one core).
        int blocks = (rows + BLOCK - 1) / BLOCK;
        String[] texts = new String[Parallel.threads() * 2];
        for (int first = 0; first < blocks; first += texts.length) {
            progress.checkCancelled();
            int count = Math.min(texts.length, blocks - first);
            int start = first;
            Parallel.forEach(count, b -> texts[b] = rows(columns, (start + b) * BLOCK,
                    Math.min(rows, (start + b + 1) * BLOCK)));
            for (int b = 0; b < count; b++) {
                w.write(texts[b]);
                texts[b] = null;
            }
            progress.update(Math.min(rows, (first + count) * BLOCK), rows, "Writing");
        }
    }

    private static String rows(List<Column<?>> columns, int from, int to) {
        StringBuilder out = new StringBuilder((to - from) * columns.size() * 8);
        for (int r = from; r < to; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                String text = TypeConversion.text(columns.get(c), r);
                if (text != null) {
                    out.append(quote(text));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Quotes a cell when it holds a delimiter, quote, line break, surrounding spaces, or a missing-value token. */
    static String quote(String text) {
        boolean needs = text.isEmpty() || ImportOptions.DEFAULT_MISSING_TOKENS.contains(text);
        for (int i = 0; i < text.length() && !needs; i++) {
            char ch = text.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        needs |= !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ');
        return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
