package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleServer;
import dev.baton.bundle.Scorer;
import dev.baton.train.Task;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The drift of the last N records a service scored, against the bundle's reference profile: {@code bundle serve
 * --drift-window N} answers {@code GET /drift} with it. Holds at most N records (plus one request's worth).
 */
public final class RecentDrift implements BundleServer.Window {

    public static final int MAX_WINDOW = 1_000_000;

    private final String name;
    private final ReferenceProfile reference;
    private final Task task;
    private final java.util.List<String> classes;
    private final DriftThresholds thresholds;
    private final int size;
    private final Deque<Scorer.Scored> recent = new ArrayDeque<>();
    private long held;
    private long seen;

    public RecentDrift(Bundle bundle, int size, DriftThresholds thresholds) {
        if (size < 1 || size > MAX_WINDOW) {
            throw new IllegalArgumentException("the drift window holds 1 to " + MAX_WINDOW + " records, not " + size);
        }
        this.name = bundle.file().getFileName().toString();
        this.reference = DriftCheck.reference(bundle);
        this.task = bundle.contract().task();
        this.classes = bundle.contract().classes();
        this.thresholds = thresholds;
        this.size = size;
    }

    @Override
    public synchronized void scored(Scorer.Scored scored) {
        recent.addLast(scored);
        held += scored.inputs().rows();
        seen += scored.inputs().rows();
        while (held - recent.peekFirst().inputs().rows() >= size) {
            held -= recent.removeFirst().inputs().rows();
        }
    }

    @Override
    public synchronized DriftReport summary() {
        DriftCheck check = new DriftCheck(name, reference, task, classes, thresholds);
        long skip = Math.max(0, held - size);
        for (Scorer.Scored s : recent) {
            int from = (int) Math.min(skip, s.inputs().rows());
            skip -= from;
            check.add(s.inputs(), s.outputs(), from);
        }
        return check.report(String.format(java.util.Locale.ROOT, "the last %,d records scored (of %,d since the server started)",
                Math.min(size, seen), seen));
    }
}
