package dev.baton.monitor;

import dev.baton.bundle.BatchScoring;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.Scorer;
import dev.baton.bundle.Violations;
import dev.baton.util.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The engineer's checks on new data, streamed through the bundle's contract, recipe and model a chunk at a time:
 * {@link #drift} against the reference profile, {@link #evaluate} against newly known outcomes.
 */
public final class Monitoring {

    private Monitoring() {
    }

    /** JSON lines by extension (.jsonl, .ndjson, .json); anything else is read as CSV. */
    public static boolean jsonLines(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json");
    }

    public static DriftReport drift(Bundle bundle, Path input, DriftThresholds thresholds, Progress progress) throws IOException {
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            return drift(bundle, in, jsonLines(input.toString()), input.getFileName().toString(), thresholds, progress);
        }
    }

    public static DriftReport drift(Bundle bundle, Reader in, boolean jsonLines, String name, DriftThresholds thresholds, Progress progress)
            throws IOException {
        DriftCheck check = new DriftCheck(bundle, thresholds);
        stream(bundle.scorer(), in, jsonLines, progress, new BatchScoring.Listener() {
            @Override
            public void scored(List<String> header, List<String[]> rows, Scorer.Scored scored) {
                check.add(scored.inputs(), scored.outputs());
            }

            @Override
            public void notRead(long rows) {
                check.notRead(rows);
            }
        });
        return check.report(name);
    }

    public static Evaluation.Report evaluate(Bundle bundle, Path input, String by, Progress progress) throws IOException {
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            return evaluate(bundle, in, jsonLines(input.toString()), input.getFileName().toString(), by, progress);
        }
    }

    public static Evaluation.Report evaluate(Bundle bundle, Reader in, boolean jsonLines, String name, String by, Progress progress)
            throws IOException {
        Evaluation evaluation = new Evaluation(bundle, by);
        stream(bundle.scorer(), in, jsonLines, progress, new BatchScoring.Listener() {
            @Override
            public void scored(List<String> header, List<String[]> rows, Scorer.Scored scored) {
                evaluation.add(header, rows, scored.outputs());
            }

            @Override
            public void notRead(long rows) {
                evaluation.notRead(rows);
            }
        });
        return evaluation.report(name);
    }

    /** Drift and, when the data has the target column, evaluation: the outcome of one pass over new data. */
    public record Check(DriftReport drift, Evaluation.Report evaluation) {
    }

    /** One pass over the file for both checks; the evaluation is null when the file has no target column. */
    public static Check check(Bundle bundle, Path input, DriftThresholds thresholds, String by, Progress progress) throws IOException {
        DriftCheck drift = new DriftCheck(bundle, thresholds);
        Evaluation evaluation = new Evaluation(bundle, by);
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            stream(bundle.scorer(), in, jsonLines(input.toString()), progress, new BatchScoring.Listener() {
                @Override
                public void scored(List<String> header, List<String[]> rows, Scorer.Scored scored) {
                    drift.add(scored.inputs(), scored.outputs());
                    evaluation.add(header, rows, scored.outputs());
                }

                @Override
                public void notRead(long rows) {
                    drift.notRead(rows);
                    evaluation.notRead(rows);
                }
            });
        }
        String name = input.getFileName().toString();
        return new Check(drift.report(name), evaluation.hasTarget() && evaluation.evaluated() > 0 ? evaluation.report(name) : null);
    }

    private static void stream(Scorer scorer, Reader in, boolean jsonLines, Progress progress, BatchScoring.Listener listener)
            throws IOException {
        BufferedReader reader = new BufferedReader(in, 1 << 16);
        if (jsonLines) {
            BatchScoring.jsonLines(scorer, reader, null, new Violations(), progress, listener);
        } else {
            BatchScoring.csv(scorer, reader, null, new Violations(), progress, listener);
        }
    }
}
