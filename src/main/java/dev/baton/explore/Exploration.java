package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;

import java.util.List;

/** A dataset's full exploration: profile, correlations and alerts, computed together. */
public record Exploration(DatasetProfile profile, Correlations.Matrix correlations, List<Alert> alerts) {

    public static Exploration of(Dataset data, AlertSettings settings, Progress progress) {
        DatasetProfile profile = Profiler.profile(data, progress.slice(0, 0.5));
        Correlations.Matrix correlations = Correlations.compute(data, progress.slice(0.5, 0.95));
        List<Alert> alerts = Alerts.find(data, profile, correlations, settings);
        progress.update(1, 1, "Done");
        return new Exploration(profile, correlations, alerts);
    }
}
