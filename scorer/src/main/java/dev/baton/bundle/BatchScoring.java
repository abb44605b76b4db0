package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.train.Task;
import dev.baton.util.Json;
import dev.baton.util.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code bundle score}: a file of any size scored a chunk at a time, one output row per input row, in order.
 * CSV in gives CSV out (label and one probability per class, or value; and error); JSON lines in give JSON lines out.
 */
public final class BatchScoring {

    public static final int CHUNK_ROWS = 20_000;

    private BatchScoring() {
    }

    /** Sees each scored chunk (drift checks, evaluation): its typed inputs and outputs, and the raw texts of columns it asks for. */
    public interface Listener {

        /** Columns, besides the contract's inputs, whose texts {@link #scored} should be given (a target, a grouping column). */
        default java.util.Set<String> rawColumns() {
            return java.util.Set.of();
        }

        /**
         * @param raw the texts of a column of {@link #rawColumns()} by name, one per scored row (null when the input lacks it)
         */
        void scored(java.util.function.Function<String, String[]> raw, Scorer.Scored scored);

        /** Rows that could not be read as records (a CSV row with the wrong number of fields, a line that is not JSON). */
        void notRead(long rows);
    }

    public static void csv(Scorer scorer, InputStream in, Writer out, Violations violations, Progress progress) throws IOException {
        csv(scorer, in, out, violations, progress, null);
    }

    /**
     * CSV (UTF-8) scored a chunk at a time, the next chunk read and typed on another thread meanwhile; with no
     * {@code out}, nothing is written and only the listener sees the results.
     */
    public static void csv(Scorer scorer, InputStream in, Writer out, Violations violations, Progress progress, Listener listener)
            throws IOException {
        Contract contract = scorer.contract();
        CsvColumns records = new CsvColumns(in, contract, new HashSet<>(contract.missingTokens()),
                listener == null ? java.util.Set.of() : listener.rawColumns());
        List<String> header = records.header();
        if (header == null) {
            throw new ContractException("The input is empty: it needs a header row with the columns " + String.join(", ", contract.inputNames()) + ".");
        }
        boolean probabilities = scorer.probabilistic();
        List<String> outHeader = new ArrayList<>(GoldenExamples.header(contract, probabilities));
        outHeader.add("error");
        if (out != null) {
            out.write(String.join(",", outHeader.stream().map(GoldenExamples::quote).toList()));
            out.write('\n');
        }
        // The next chunk is read and typed while this one is scored: reading the text is as much work as scoring it.
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "baton-csv-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<CsvColumns.Chunk> next = reader.submit(() -> records.next(CHUNK_ROWS));
            long done = 0;
            StringBuilder text = new StringBuilder(1 << 20);
            while (true) {
                CsvColumns.Chunk chunk = get(next);
                if (chunk == null) {
                    break;
                }
                next = reader.submit(() -> records.next(CHUNK_ROWS));
                progress.checkCancelled();
                List<Scorer.Output> scored = scoreChunk(scorer, chunk, header.size(), done, violations, listener);
                if (out != null) {
                    text.setLength(0);
                    for (Scorer.Output o : scored) {
                        writeCsv(text, o, contract, probabilities);
                    }
                    out.append(text);
                }
                done += chunk.records;
                progress.update(done, 0, String.format("%,d rows scored", done));
            }
        } finally {
            reader.shutdownNow();
        }
        if (out != null) {
            out.flush();
        }
    }

    private static <T> T get(java.util.concurrent.Future<T> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Scores a chunk's rows; a row with more or fewer fields than the header is rejected with its number, never
     * scored by guessing which field is which.
     */
    private static List<Scorer.Output> scoreChunk(Scorer scorer, CsvColumns.Chunk chunk, int width, long before, Violations violations,
                                                  Listener listener) {
        List<Scorer.Output> scored = List.of();
        if (chunk.rows > 0) {
            Scorer.Scored s = scorer.scoreParsed(chunk.rows, chunk.typed, chunk.failed, chunk.text, violations);
            if (listener != null) {
                listener.scored(chunk.raw::get, s);
            }
            scored = s.outputs();
        }
        if (chunk.badAt.length == 0) {
            return scored;
        }
        List<Scorer.Output> out = new ArrayList<>(chunk.records);
        int good = 0;
        int bad = 0;
        for (int i = 0; i < chunk.records; i++) {
            if (bad < chunk.badAt.length && chunk.badAt[bad] == i) {
                // Record i of the chunk is data row before + i + 1 (on line before + i + 2 for a file without line breaks in cells).
                out.add(new Scorer.Output(null, null, null, String.format("row %,d has %d fields; the header has %d",
                        before + i + 1, chunk.badFields[bad], width)));
                violations.addRows(1, 1);
                if (listener != null) {
                    listener.notRead(1);
                }
                bad++;
            } else {
                out.add(scored.get(good++));
            }
        }
        return out;
    }

    private static List<Scorer.Output> scoreFit(Scorer scorer, List<String> header, List<String[]> rows, Violations violations,
                                                Listener listener) {
        if (listener == null) {
            return scorer.scoreRows(header, rows, violations);
        }
        Scorer.Scored scored = scorer.scoreTyped(header, rows, violations);
        listener.scored(name -> {
            int at = header.indexOf(name);
            if (at < 0) {
                return null;
            }
            String[] column = new String[rows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = at < rows.get(r).length ? rows.get(r)[at] : null;
            }
            return column;
        }, scored);
        return scored.outputs();
    }

    /**
     * A number as Java writes it (Double.toString's format), with the shortest digits that read back to it: Schubfach,
     * as JDK 19 and later write every double. JDK 17's own algorithm took a quarter of a million-row scoring's time and
     * writes a few values with a digit more than needed (2.31845256772633248E17, which reads back as the same double).
     */
    static String number(double v) {
        return com.fasterxml.jackson.core.io.NumberOutput.toString(v, true);
    }

    private static void writeCsv(StringBuilder line, Scorer.Output o, Contract contract, boolean probabilities) {
        if (contract.task() == Task.CLASSIFICATION) {
            line.append(o.rejected() ? "" : GoldenExamples.quote(o.label()));
            if (probabilities) {
                List<String> classes = contract.classes();
                for (int c = 0; c < classes.size(); c++) {
                    line.append(',');
                    if (!o.rejected()) {
                        line.append(number(o.probabilities() instanceof ClassProbabilities p ? p.value(c) : o.probabilities().get(classes.get(c))));
                    }
                }
            }
        } else if (!o.rejected()) {
            line.append(number(o.value()));
        }
        line.append(',');
        if (o.rejected()) {
            line.append(GoldenExamples.quote(o.error()));
        }
        line.append('\n');
    }

    public static void jsonLines(Scorer scorer, Reader in, Writer out, Violations violations, Progress progress) throws IOException {
        jsonLines(scorer, in, out, violations, progress, null);
    }

    /** JSON lines scored a chunk at a time; with no {@code out}, nothing is written and only the listener sees the results. */
    public static void jsonLines(Scorer scorer, Reader in, Writer out, Violations violations, Progress progress, Listener listener)
            throws IOException {
        BufferedReader lines = new BufferedReader(in);
        // Each line a record, or the reason it cannot be one (kept in its place, so output lines match input lines).
        List<Object> chunk = new ArrayList<>();
        String line;
        long number = 0;
        long done = 0;
        while (true) {
            line = lines.readLine();
            if (line != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                chunk.add(record(line, number));
            }
            if (chunk.size() == CHUNK_ROWS || (line == null && !chunk.isEmpty())) {
                progress.checkCancelled();
                List<Scorer.Output> scored = scoreRecords(scorer, chunk, violations, listener);
                if (out != null) {
                    for (Scorer.Output o : scored) {
                        out.write(Json.compact().writeValueAsString(BundleServer.output(o)));
                        out.write('\n');
                    }
                }
                done += chunk.size();
                progress.update(done, 0, String.format("%,d rows scored", done));
                chunk.clear();
            }
            if (line == null) {
                break;
            }
        }
        if (out != null) {
            out.flush();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = Json.mapper().reader()
            .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A line's record, read as the server reads one; or why it is not a record (a String). */
    private static Object record(String line, long number) {
        JsonNode node;
        try {
            node = STRICT.readTree(line);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return "line " + number + " is not valid JSON: " + abbreviate(why);
        }
        if (node == null || !node.isObject()) {
            return "line " + number + " is not a JSON object (one record per line)";
        }
        try {
            return BundleServer.record(node);
        } catch (RuntimeException e) {
            return "line " + number + ": " + e.getMessage();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Scorer.Output> scoreRecords(Scorer scorer, List<Object> chunk, Violations violations, Listener listener) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object o : chunk) {
            if (o instanceof Map<?, ?> m) {
                records.add((Map<String, Object>) m);
            }
        }
        List<Scorer.Output> scored;
        if (records.isEmpty()) {
            scored = List.of();
        } else {
            List<String> header = new ArrayList<>();
            scored = scoreFit(scorer, header, scorer.rows(records, header), violations, listener);
        }
        List<Scorer.Output> out = new ArrayList<>(chunk.size());
        int next = 0;
        for (Object o : chunk) {
            if (o instanceof String why) {
                out.add(new Scorer.Output(null, null, null, why));
                violations.addRows(1, 1);
                if (listener != null) {
                    listener.notRead(1);
                }
            } else {
                out.add(scored.get(next++));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String line = String.valueOf(s).replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
