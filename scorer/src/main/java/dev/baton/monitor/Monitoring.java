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
