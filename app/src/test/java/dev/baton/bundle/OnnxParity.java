package dev.baton.bundle;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-pipeline ONNX graph against the Java scorer, from raw values. */
final class OnnxParity {

    private OnnxParity() {
    }

    /**
     * Rows the held-out ones rarely have, through the graph from raw values and through the Java scorer: missing values
     * of every column, categories never seen, values far outside the training range; and the given changes of a golden row.
     */
    static void sameAsTheJavaScorerOnAwkwardRows(Bundle bundle, String what, java.util.List<java.util.Map<String, String>> changes) {
        Contract contract = bundle.contract();
        java.util.List<String> header = new java.util.ArrayList<>();
        java.util.List<String[]> rows = GoldenExamples.readInputs(bundle.text(BundleFormat.EXAMPLES_INPUT), header,
                new java.util.HashSet<>(contract.missingTokens()));
        java.util.List<String[]> awkward = new java.util.ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            Contract.Input in = contract.input(header.get(c));
            boolean iso = in.format() == null || in.format().startsWith("yyyy-MM-dd");
            String[] values = switch (in.type()) {
                case CATEGORICAL, TEXT -> new String[]{null, "never-seen", ""};
                case INTEGER, DECIMAL -> new String[]{null, "-1e6", "1e6"};
                case DATE -> iso ? new String[]{null, "1800-01-01", "2200-12-31"} : new String[]{null};
                case DATETIME -> iso ? new String[]{null, "1800-01-01 00:00:00", "2200-12-31 23:59:59"} : new String[]{null};
                case BOOLEAN -> new String[]{null, "true", "false"};
            };
            for (String value : values) {
                String[] row = rows.get(c % rows.size()).clone();
                row[c] = value;
                awkward.add(row);
            }
        }
        awkward.add(new String[header.size()]); // every value missing
        for (java.util.Map<String, String> change : changes) {  // a golden row with some values changed
            String[] row = rows.get(0).clone();
            change.forEach((column, value) -> row[header.indexOf(column)] = value);
            awkward.add(row);
        }
        // The Java scorer gets rows as its CSV reader makes them (a missing token is null); the graph the texts as they come.
        java.util.Set<String> tokens = new java.util.HashSet<>(contract.missingTokens());
        java.util.List<String[]> read = new java.util.ArrayList<>();
        for (String[] row : awkward) {
            String[] r = row.clone();
            for (int c = 0; c < r.length; c++) {
                r[c] = r[c] != null && tokens.contains(r[c]) ? null : r[c];
            }
            read.add(r);
        }
        var java = bundle.scorer().scoreRows(header, read, new Violations());
        assertThat(java).as(what + ": " + java.stream().filter(Scorer.Output::rejected).map(Scorer.Output::error).toList())
                .noneMatch(Scorer.Output::rejected);
        var onnx = PipelineRuntime.score(bundle.entry(BundleFormat.ONNX), contract, header, awkward);
        assertThat(GoldenExamples.differences(GoldenExamples.fromOutputs(java), onnx, OnnxSupport.PIPELINE_TOLERANCE, "ONNX Runtime"))
                .as(what + " awkward rows").isEmpty();
    }
}
