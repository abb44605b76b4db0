package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One algorithm's results, as saved in the project and shown on the leaderboard: metrics on the held-out rows,
 * each metric's mean and spread over the cross-validation folds (and per fold), the confusion matrix and
 * per-class scores on the held-out rows, and which raw columns mattered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelResult(String algorithm, String label, Task task, Map<String, Double> parameters, boolean standardized,
                          Map<String, Double> holdout, Map<String, Metrics.Spread> cv, List<Map<String, Double>> folds,
                          List<String> classes, long[][] confusion, List<Metrics.ClassScores> perClass,
                          List<Importance> importance, Importance.Method importanceMethod,
                          int trainRows, int testRows, long trainMillis) {

    /** The value the leaderboard sorts by: the cross-validation mean when there is one, else the held-out value. */
    public double score(String metric) {
        if (cv != null && cv.containsKey(metric)) {
            return cv.get(metric).mean();
        }
        Double v = holdout.get(metric);
        return v == null ? Double.NaN : v;
    }
}
