package dev.baton.monitor;

import dev.baton.bundle.BatchScoring;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.Scorer;
import dev.baton.bundle.Violations;
import dev.baton.util.Progress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The engineer's checks on new data, streamed through the bundle's contract, recipe and model a chunk at a time:
 * {@link #drift} against the reference profile, {@link #evaluate} against newly known outcomes, {@link #check} both.
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
        try (InputStream in = Files.newInputStream(input)) {
            return drift(bundle, in, jsonLines(input.toString()), input.getFileName().toString(), thresholds, progress);
        }
    }

    /** Drift of a stream of CSV or JSON lines (UTF-8); {@code name} names it in the report. */
    public static DriftReport drift(Bundle bundle, InputStream in, boolean jsonLines, String name, DriftThresholds thresholds,
                                    Progress progress) throws IOException {
        DriftCheck check = new DriftCheck(bundle, thresholds);
        stream(bundle.scorer(), in, jsonLines, progress, listener(Set.of(), (raw, scored) -> check.add(scored.inputs(), scored.outputs()),
                check::notRead));
        return check.report(name);
    }

    public static Evaluation.Report evaluate(Bundle bundle, Path input, String by, Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(input)) {
            return evaluate(bundle, in, jsonLines(input.toString()), input.getFileName().toString(), by, progress);
        }
    }

    /** Evaluation of a stream of labelled CSV or JSON lines (UTF-8); {@code name} names it in the report. */
    public static Evaluation.Report evaluate(Bundle bundle, InputStream in, boolean jsonLines, String name, String by, Progress progress)
            throws IOException {
        Evaluation evaluation = new Evaluation(bundle, by);
        stream(bundle.scorer(), in, jsonLines, progress, listener(evaluation.rawColumns(),
                (raw, scored) -> evaluation.add(raw, scored.outputs()), evaluation::notRead));
        return evaluation.report(name);
    }

    /** Drift and, when the data has the target column, evaluation: the outcome of one pass over new data. */
    public record Check(DriftReport drift, Evaluation.Report evaluation) {
    }

    /** One pass over the file for both checks; the evaluation is null when the file has no target column. */
    public static Check check(Bundle bundle, Path input, DriftThresholds thresholds, String by, Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(input)) {
            return check(bundle, in, jsonLines(input.toString()), input.getFileName().toString(), thresholds, by, progress);
        }
    }

    /** {@link #check(Bundle, Path, DriftThresholds, String, Progress)} of a stream of CSV or JSON lines named {@code name}. */
    public static Check check(Bundle bundle, InputStream in, boolean jsonLines, String name, DriftThresholds thresholds, String by,
                              Progress progress) throws IOException {
        DriftCheck drift = new DriftCheck(bundle, thresholds);
        Evaluation evaluation = new Evaluation(bundle, by);
        stream(bundle.scorer(), in, jsonLines, progress, listener(evaluation.rawColumns(), (raw, scored) -> {
            drift.add(scored.inputs(), scored.outputs());
            evaluation.add(raw, scored.outputs());
        }, rows -> {
            drift.notRead(rows);
            evaluation.notRead(rows);
        }));
        return new Check(drift.report(name), evaluation.hasTarget() && evaluation.evaluated() > 0 ? evaluation.report(name) : null);
    }

    private static BatchScoring.Listener listener(Set<String> raw, java.util.function.BiConsumer<Function<String, String[]>, Scorer.Scored> scored,
                                                  java.util.function.LongConsumer notRead) {
        return new BatchScoring.Listener() {
            @Override
            public Set<String> rawColumns() {
                return raw;
            }

            @Override
            public void scored(Function<String, String[]> columns, Scorer.Scored s) {
                scored.accept(columns, s);
            }

            @Override
            public void notRead(long rows) {
                notRead.accept(rows);
            }
        };
    }

    private static void stream(Scorer scorer, InputStream in, boolean jsonLines, Progress progress, BatchScoring.Listener listener)
            throws IOException {
        if (jsonLines) {
            BatchScoring.jsonLines(scorer, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), null,
                    new Violations(), progress, listener);
        } else {
            BatchScoring.csv(scorer, in, null, new Violations(), progress, listener);
        }
    }
}
