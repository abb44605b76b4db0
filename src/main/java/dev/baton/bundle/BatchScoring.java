package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.train.Task;
import dev.baton.util.Json;
import dev.baton.util.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bundle score}: a file of any size scored a chunk at a time, one output row per input row, in order.
 * CSV in gives CSV out (label and one probability per class, or value; and error); JSON lines in give JSON lines out.
 */
public final class BatchScoring {

    public static final int CHUNK_ROWS = 50_000;

    private BatchScoring() {
    }

    public static void csv(Scorer scorer, Reader in, Writer out, Violations violations, Progress progress) throws IOException {
        Contract contract = scorer.contract();
        CsvRecords records = new CsvRecords(in, new HashSet<>(contract.missingTokens()), ',');
        String[] first = records.next();
        if (first == null) {
            throw new ContractException("The input is empty: it needs a header row with the columns " + String.join(", ", contract.inputNames()) + ".");
        }
        List<String> header = new ArrayList<>();
        for (String h : first) {
            header.add(h == null ? "" : h);
        }
        boolean probabilities = scorer.probabilistic();
        List<String> outHeader = new ArrayList<>(GoldenExamples.header(contract, probabilities));
        outHeader.add("error");
        out.write(String.join(",", outHeader.stream().map(GoldenExamples::quote).toList()));
        out.write('\n');
        List<String[]> chunk = new ArrayList<>(CHUNK_ROWS);
        String[] row;
        long done = 0;
        while (true) {
            row = records.next();
            if (row != null) {
                chunk.add(row);
            }
            if (chunk.size() == CHUNK_ROWS || (row == null && !chunk.isEmpty())) {
                progress.checkCancelled();
                for (Scorer.Output o : scorer.scoreRows(header, chunk, violations)) {
                    writeCsv(out, o, contract, probabilities);
                }
                done += chunk.size();
                progress.update(done, 0, String.format("%,d rows scored", done));
                chunk.clear();
            }
            if (row == null) {
                break;
            }
        }
        out.flush();
    }

    private static void writeCsv(Writer out, Scorer.Output o, Contract contract, boolean probabilities) throws IOException {
        StringBuilder line = new StringBuilder();
        if (contract.task() == Task.CLASSIFICATION) {
            line.append(o.rejected() ? "" : GoldenExamples.quote(o.label()));
            if (probabilities) {
                for (String c : contract.classes()) {
                    line.append(',');
                    if (!o.rejected()) {
                        line.append(o.probabilities().get(c));
                    }
                }
            }
        } else if (!o.rejected()) {
            line.append(o.value());
        }
        line.append(',');
        if (o.rejected()) {
            line.append(GoldenExamples.quote(o.error()));
        }
        line.append('\n');
        out.write(line.toString());
    }

    public static void jsonLines(Scorer scorer, Reader in, Writer out, Violations violations, Progress progress) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        List<Map<String, Object>> chunk = new ArrayList<>();
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
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (IOException e) {
                    throw new ContractException("Line " + number + " is not valid JSON: " + e.getMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new ContractException("Line " + number + " is not a JSON object (one record per line).");
                }
                Map<String, Object> record = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> record.put(e.getKey(), e.getValue().isNull() ? null
                        : e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
                chunk.add(record);
            }
            if (chunk.size() == CHUNK_ROWS || (line == null && !chunk.isEmpty())) {
                progress.checkCancelled();
                for (Scorer.Output o : scorer.scoreRecords(chunk, violations)) {
                    out.write(Json.compact().writeValueAsString(BundleServer.output(o)));
                    out.write('\n');
                }
                done += chunk.size();
                progress.update(done, 0, String.format("%,d rows scored", done));
                chunk.clear();
            }
            if (line == null) {
                break;
            }
        }
        out.flush();
    }
}
