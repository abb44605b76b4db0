package dev.baton.train;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;
import java.util.Map;

/**
 * Whether two models really differ: Nadeau and Bengio's corrected resampled t-test over their cross-validation
 * folds. The correction (1/k + n_test/n_train) widens the variance because the folds share training rows, which
 * makes the plain paired t-test far too confident.
 */
public record Comparison(String first, String second, String metric, double meanDifference, double t, double pValue, int folds) {

    public boolean significant(double alpha) {
        return pValue < alpha;
    }

    /** Compares two results over the same folds (same seed and fold count); null when there are fewer than 2 folds. */
    public static Comparison of(ModelResult a, ModelResult b, String metric) {
        return of(a.algorithm(), a.folds(), b.algorithm(), b.folds(), metric);
    }

    /** Compares two sets of per-fold scores over the same folds; null when there are fewer than 2 folds. */
    public static Comparison of(String first, List<Map<String, Double>> fa, String second, List<Map<String, Double>> fb, String metric) {
        if (fa == null || fb == null || fa.size() != fb.size() || fa.size() < 2) {
            return null;
        }
        int k = fa.size();
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            Double x = fa.get(i).get(metric);
            Double y = fb.get(i).get(metric);
            if (x == null || y == null) {
                return null;
            }
            d[i] = x - y;
        }
        double mean = 0;
        for (double v : d) {
            mean += v;
        }
        mean /= k;
        double var = 0;
        for (double v : d) {
            var += (v - mean) * (v - mean);
        }
        var /= (k - 1);
        double ratio = 1.0 / (k - 1);
        double se = Math.sqrt((1.0 / k + ratio) * var);
        double t;
        double p;
        if (se == 0) {
            t = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
            p = mean == 0 ? 1 : 0;
        } else {
            t = mean / se;
            p = 2 * (1 - new TDistribution(null, k - 1).cumulativeProbability(Math.abs(t)));
        }
        return new Comparison(first, second, metric, mean, t, p, k);
    }
}
