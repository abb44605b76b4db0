package dev.baton.bundle;

import dev.baton.train.ModelScorer;
import dev.baton.train.Task;
import dev.baton.util.UserException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundle's golden examples: raw rows with the outputs the workbench produced for them. Chosen among the
 * held-out rows, with the edge cases present first (rows with missing values, the rarest categories, the
 * smallest and largest numbers), then seeded random ones up to {@link #TARGET_ROWS}.
 */
final class GoldenExamples {

    static final int TARGET_ROWS = 60;
    static final int MAX_EDGE_ROWS = 30;

    /** Expected output of one golden row: a label with probabilities, or a value. */
    record Expected(String label, Map<String, Double> probabilities, Double value) {
    }

    private GoldenExamples() {
    }

    /** The header of expected.csv: "label" and one "probability:CLASS" per class, or "value". */
    static List<String> header(Contract contract, boolean probabilities) {
        List<String> h = new ArrayList<>();
        if (contract.task() == Task.CLASSIFICATION) {
            h.add("label");
            if (probabilities) {
                contract.classes().forEach(c -> h.add("probability:" + c));
            }
        } else {
            h.add("value");
        }
        return h;
    }

    static String expectedCsv(Contract contract, List<Expected> rows) {
        boolean probabilities = !rows.isEmpty() && rows.get(0).probabilities() != null;
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header(contract, probabilities).stream().map(GoldenExamples::quote).toList())).append('\n');
        for (Expected e : rows) {
            List<String> cells = new ArrayList<>();
            if (contract.task() == Task.CLASSIFICATION) {
                cells.add(quote(e.label()));
                if (probabilities) {
                    contract.classes().forEach(c -> cells.add(Double.toString(e.probabilities().get(c))));
                }
            } else {
                cells.add(Double.toString(e.value()));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    static List<Expected> fromScores(ModelScorer.Scores s, int[] indexes) {
        List<Expected> out = new ArrayList<>();
        for (int i : indexes) {
            if (s.values() != null) {
                out.add(new Expected(null, null, s.values()[i]));
            } else {
                Map<String, Double> p = null;
                if (s.probabilities() != null) {
                    p = new java.util.LinkedHashMap<>();
                    for (int c = 0; c < s.classes().size(); c++) {
                        p.put(s.classes().get(c), s.probabilities()[i][c]);
                    }
                }
                out.add(new Expected(s.classes().get(s.predictedClass()[i]), p, null));
            }
        }
        return out;
    }

    /** What a scorer gave, as expected outputs to compare another scorer with. */
    static List<Expected> fromOutputs(List<Scorer.Output> outputs) {
        List<Expected> out = new ArrayList<>(outputs.size());
        for (Scorer.Output o : outputs) {
            out.add(new Expected(o.label(), o.probabilities(), o.value()));
        }
        return out;
    }

    static List<Expected> readExpected(Contract contract, String csv) {
        List<Expected> out = new ArrayList<>();
        try {
            CsvRecords records = new CsvRecords(new StringReader(csv), Set.of(), ',');
            String[] header = records.next();
            String[] row;
            while ((row = records.next()) != null) {
                if (contract.task() == Task.CLASSIFICATION) {
                    Map<String, Double> p = null;
                    if (header.length > 1) {
                        p = new java.util.LinkedHashMap<>();
                        for (int i = 1; i < header.length; i++) {
                            p.put(header[i].substring("probability:".length()), Double.parseDouble(row[i]));
                        }
                    }
                    out.add(new Expected(row[0], p, null));
                } else {
                    out.add(new Expected(null, null, Double.parseDouble(row[0])));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BundleException("The golden examples' expected outputs cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    static List<String[]> readInputs(String csv, List<String> header, Set<String> missingTokens) {
        List<String[]> rows = new ArrayList<>();
        try {
            CsvRecords records = new CsvRecords(new StringReader(csv), missingTokens, ',');
            String[] h = records.next();
            if (h == null) {
                throw new UserException("the file is empty");
            }
            header.addAll(List.of(h));
            String[] row;
            while ((row = records.next()) != null) {
                rows.add(row);
            }
        } catch (IOException e) {
            throw new BundleException("The golden examples' inputs cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Rows where the outputs differ beyond the tolerance, described for a person; empty when all agree. A predicted
     * value may differ by the tolerance times its size when that is above 1: a graph computing in 32-bit floats
     * carries about 7 significant digits, so a price of 3,060.6055 comes back as 3,060.6055 ± 0.0002.
     */
    static List<String> differences(List<Expected> expected, List<Scorer.Output> actual, double tolerance, String what) {
        List<String> out = new ArrayList<>();
        if (expected.size() != actual.size()) {
            out.add(what + " gave " + actual.size() + " outputs for " + expected.size() + " golden rows");
            return out;
        }
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Scorer.Output a = actual.get(i);
            String row = "golden row " + (i + 1);
            if (a.rejected()) {
                out.add(row + ": " + what + " rejected it: " + a.error());
                continue;
            }
            if (e.value() != null) {
                if (!(Math.abs(e.value() - a.value()) <= tolerance * Math.max(1, Math.abs(e.value())))) {
                    out.add(String.format(Locale.ROOT, "%s: expected %s, %s gave %s (difference %.3g)", row, e.value(), what, a.value(),
                            Math.abs(e.value() - a.value())));
                }
                continue;
            }
            if (!e.label().equals(a.label())) {
                out.add(row + ": expected " + e.label() + ", " + what + " gave " + a.label());
            }
            if (e.probabilities() != null && a.probabilities() != null) {
                for (Map.Entry<String, Double> p : e.probabilities().entrySet()) {
                    Double got = a.probabilities().get(p.getKey());
                    if (got == null || !(Math.abs(got - p.getValue()) <= tolerance)) {
                        out.add(String.format(Locale.ROOT, "%s: probability of %s expected %s, %s gave %s", row, p.getKey(), p.getValue(), what, got));
                    }
                }
            }
        }
        return out;
    }

    /** A CSV cell, quoted only when it must be. */
    static String quote(String s) {
        boolean needs = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
