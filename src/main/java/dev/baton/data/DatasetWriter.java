package dev.baton.data;

import dev.baton.util.AtomicFiles;
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
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    w.write(',');
                }
                String text = TypeConversion.text(columns.get(c), r);
                if (text != null) {
                    w.write(quote(text));
                }
            }
            w.write('\n');
            if ((r & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.update(r, rows, "Writing");
            }
        }
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
