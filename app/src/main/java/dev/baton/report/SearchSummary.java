package dev.baton.report;

import dev.baton.train.Metrics;
import dev.baton.train.ModelCharts;
import dev.baton.train.ModelResult;
import dev.baton.train.TrainingSetup;
import dev.baton.train.TrainingState;
import dev.baton.util.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The modelling section's account of a hyperparameter search: how it worked, what each algorithm tried and chose, and why. */
final class SearchSummary {

    private SearchSummary() {
    }

    /** The hyperparameter search, when there was one: how it worked, what each algorithm tried and chose, and why. */
    static void add(List<Block> blocks, TrainingState t, ModelResult chosen) {
        if (t.searches().isEmpty()) {
            return;
        }
        TrainingSetup s = t.setup();
        String metric = s.metric();
        blocks.add(new Block.Text(String.format(Locale.ROOT, "Each algorithm's settings were searched: up to %d configurations per "
                + "algorithm, the author's own settings first, then points spread evenly over each setting's range (a Sobol sequence "
                + "shifted by seed %d, so the same seed tries the same configurations). Every configuration was compared by the same "
                + "%d-fold cross-validation on the training rows; the held-out rows played no part in the search. Where the corrected "
                + "resampled t-test could not tell a simpler configuration from the best one (p \u2265 0.05), the simpler one was kept.",
                s.search(), s.seed(), s.folds())));
        List<List<String>> rows = new ArrayList<>();
        for (dev.baton.train.HyperparameterSearch.Result r : t.searches()) {
            double[] range = r.trials().stream().mapToDouble(x -> x.score(metric)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            dev.baton.train.HyperparameterSearch.Trial picked = r.chosenTrial();
            rows.add(List.of(r.label(), Integer.toString(r.trials().size()) + (r.stopped() ? " (stopped early)" : ""),
                    range.length == 0 ? "" : ReportBuilder.metric(range[0]) + " to " + ReportBuilder.metric(range[range.length - 1]),
                    r.searched().isEmpty() ? "nothing to vary" : String.join(", ", r.searched().stream()
                            .map(n -> n + " " + Format.number(picked.parameters().get(n))).toList()),
                    ReportBuilder.metric(picked.score(metric)), r.reason()));
        }
        blocks.add(new Block.Table("Hyperparameter search (cross-validation " + Metrics.label(metric) + ")",
                List.of("algorithm", "configurations", "range of CV " + Metrics.label(metric), "chosen settings", "its CV " + Metrics.label(metric), "why"),
                rows, List.of(false, true, true, false, true, false)));
        dev.baton.train.HyperparameterSearch.Result own = t.searches().stream().filter(r -> r.algorithm().equals(chosen.algorithm())).findFirst().orElse(null);
        if (own != null && !own.searched().isEmpty() && own.trials().size() > 2) {
            blocks.add(new Block.Chart(ModelCharts.search(own, own.searched().get(0)), "Each point is one configuration of " + own.label()
                    + ", the chosen algorithm, scored by cross-validation; " + (Metrics.higherIsBetter(metric) ? "higher" : "lower") + " is better."));
        }
    }
}
