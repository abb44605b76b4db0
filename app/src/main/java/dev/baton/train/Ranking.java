package dev.baton.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one ranking of models that the window, the command line, the report and the bundle all show: by the
 * cross-validation mean of the metric, or by the held-out value when there is no cross-validation. The held-out
 * rows never rank or choose a model while cross-validation figures exist; they give each model's final estimate.
 */
public final class Ranking {

    private Ranking() {
    }

    /** Best first by {@link ModelResult#score}; models without the metric last, then by algorithm id. */
    public static Comparator<ModelResult> order(String metric) {
        boolean higher = metric == null || Metrics.higherIsBetter(metric);
        return Comparator.comparingDouble((ModelResult r) -> {
            double v = metric == null ? Double.NaN : r.score(metric);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : (higher ? -v : v);
        }).thenComparing(ModelResult::algorithm);
    }

    public static List<ModelResult> rank(List<ModelResult> results, String metric) {
        List<ModelResult> out = new ArrayList<>(results);
        out.sort(order(metric));
        return List.copyOf(out);
    }

    /** Whether rankings of this setup use cross-validation means (else the held-out values). */
    public static boolean byCrossValidation(TrainingSetup setup) {
        return setup.folds() >= 2;
    }

    /**
     * What the ranking figure is, in words: "cross-validation mean ± sd of accuracy over 5 folds of 275 rows" or
     * "accuracy on the 69 held-out rows (no cross-validation)".
     */
    public static String basis(TrainingSetup setup, int cvRows, int holdoutRows) {
        String metric = Metrics.label(setup.metric());
        return byCrossValidation(setup)
                ? String.format(Locale.ROOT, "cross-validation mean \u00b1 sd of %s over %d folds of %,d rows", metric, setup.folds(), cvRows)
                : String.format(Locale.ROOT, "%s on the %,d held-out rows (no cross-validation)", metric, holdoutRows);
    }

    /** What the held-out figures are, in words: "held out: 69 rows never used in training or cross-validation". */
    public static String holdoutBasis(int holdoutRows) {
        return String.format(Locale.ROOT, "held out: %,d rows never used in training or cross-validation, scored once as the final estimate",
                holdoutRows);
    }
}
