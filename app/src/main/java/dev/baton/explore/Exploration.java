package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;

import java.util.List;

/** A dataset's full exploration: profile, correlations and alerts, computed together. */
public record Exploration(DatasetProfile profile, Correlations.Matrix correlations, List<Alert> alerts) {

    public static Exploration of(Dataset data, AlertSettings settings, Progress progress) {
        ColumnNumbers numbers = new ColumnNumbers(data);
        DatasetProfile profile = Profiler.profile(data, 0, progress.slice(0, 0.5), numbers);
        Correlations.Matrix correlations = Correlations.compute(data, java.util.EnumSet.allOf(Correlations.Measure.class),
                progress.slice(0.5, 0.95), numbers);
        return finish(data, profile, correlations, settings, progress);
    }

    /**
     * The profile and the alerts, with only the association the alerts read (by column types, no Spearman):
     * what the profile command prints and the report lists.
     */
    public static Exploration forAlerts(Dataset data, AlertSettings settings, Progress progress) {
        return forAlerts(data, settings, progress, profile -> { });
    }

    /**
     * As above, handing the profile to {@code profiled} as soon as it is ready, before the correlations: a caller
     * may start on it meanwhile (the correlations leave a core idle for part of their time).
     */
    public static Exploration forAlerts(Dataset data, AlertSettings settings, Progress progress,
                                        java.util.function.Consumer<DatasetProfile> profiled) {
        ColumnNumbers numbers = new ColumnNumbers(data);
        DatasetProfile profile = Profiler.profile(data, 0, progress.slice(0, 0.5), numbers);
        profiled.accept(profile);
        Correlations.Matrix correlations = Correlations.compute(data, java.util.EnumSet.of(Correlations.Measure.MIXED),
                progress.slice(0.5, 0.95), numbers);
        return finish(data, profile, correlations, settings, progress);
    }

    private static Exploration finish(Dataset data, DatasetProfile profile, Correlations.Matrix correlations,
                                      AlertSettings settings, Progress progress) {
        List<Alert> alerts = Alerts.find(data, profile, correlations, settings);
        progress.update(1, 1, "Done");
        return new Exploration(profile, correlations, alerts);
    }
}
