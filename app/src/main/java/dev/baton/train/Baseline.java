package dev.baton.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yardstick every leaderboard shows: always the most common class (with the training rows' class shares as
 * its probabilities) for classification, always the training mean for regression. Evaluated on the same folds
 * and held-out rows as the models, with the same metrics; a model that does not beat it has learned nothing useful.
 */
public final class Baseline {

    public static final String ID = "baseline";

    private Baseline() {
    }

    static ModelResult evaluate(Frame frame, TrainingSetup setup, EvaluationSplit split) {
        int classes = frame.classes == null ? 0 : frame.classes.size();
        List<Map<String, Double>> folds = new ArrayList<>();
        for (int k = 0; k < split.folds().length; k++) {
            folds.add(Metrics.scores(predict(frame, split.foldTrain(k), split.folds()[k]), classes));
        }
        Predictions holdout = predict(frame, split.train(), split.holdout());
        String label = frame.task == Task.CLASSIFICATION ? "Baseline (most common class)" : "Baseline (training mean)";
        return new ModelResult(ID, label, setup.task(), Map.of(), false, Metrics.scores(holdout, classes),
                folds.isEmpty() ? null : Metrics.spread(folds), folds.isEmpty() ? null : folds, frame.classes,
                classes == 0 ? null : Metrics.confusion(holdout, classes),
                classes == 0 ? null : Metrics.perClass(holdout, frame.classes), List.of(), null,
                split.train().length, split.holdout().length, 0);
    }

    /** The baseline fitted on {@code train} and applied to {@code test}. */
    static Predictions predict(Frame frame, int[] train, int[] test) {
        if (frame.task == Task.CLASSIFICATION) {
            int c = frame.classes.size();
            double[] shares = new double[c];
            for (int r : train) {
                shares[frame.labels[r]]++;
            }
            int majority = 0;
            for (int k = 0; k < c; k++) {
                shares[k] /= train.length;
                if (shares[k] > shares[majority]) {
                    majority = k;
                }
            }
            int[] actual = new int[test.length];
            int[] predicted = new int[test.length];
            double[][] probabilities = new double[test.length][];
            for (int i = 0; i < test.length; i++) {
                actual[i] = frame.labels[test[i]];
                predicted[i] = majority;
                probabilities[i] = shares;
            }
            return new Predictions(test, actual, predicted, probabilities, null, null);
        }
        double mean = 0;
        for (int r : train) {
            mean += frame.values[r];
        }
        mean /= train.length;
        double[] actual = new double[test.length];
        double[] predicted = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            actual[i] = frame.values[test[i]];
            predicted[i] = mean;
        }
        return new Predictions(test, null, null, null, actual, predicted);
    }

    /**
     * Whether a model beats the baseline on the ranking metric (by the same figure the ranking uses). False when
     * either lacks the metric, so the flag never hides behind a missing figure.
     */
    public static boolean beaten(ModelResult model, ModelResult baseline, String metric) {
        if (baseline == null) {
            return true;
        }
        double m = model.score(metric);
        double b = baseline.score(metric);
        if (Double.isNaN(m) || Double.isNaN(b)) {
            return Double.isNaN(b);
        }
        return Metrics.higherIsBetter(metric) ? m > b : m < b;
    }
}
