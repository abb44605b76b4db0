package dev.baton.train;


import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every metric of a task with a 95% interval: accuracy exactly (Wilson's interval for a proportion), the others by
 * a percentile bootstrap with a fixed seed, so the same rows always give the same interval.
 */
public final class MetricIntervals {

    public static final long SEED = 20_261_207L;
    public static final double Z95 = 1.959963984540054;

    private MetricIntervals() {
    }

    /** Bootstrap replicates: 1,000 up to 4,000 rows, fewer beyond (200 at the most rows bootstrapped) so that the work stays near 4 million row visits. */
    static int replicates(int rows) {
        return rows <= 4_000 ? 1000 : Math.max(200, 4_000_000 / rows);
    }

    /** Past this many rows the bootstrap runs on a seeded sample of this size, and its spread is scaled to all rows. */
    static final int MAX_BOOTSTRAP_ROWS = 20_000;

    public static Map<String, MetricEstimate> estimate(Predictions p, int classes) {
        int n = p.size();
        if (n <= MAX_BOOTSTRAP_ROWS) {
            return bootstrap(p, classes);
        }
        // A metric's spread shrinks as 1/sqrt(rows): bootstrap a sample (a million rows 200 times would take minutes,
        // ranking rows for ROC AUC each time) and scale its interval about the value on all rows.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int[] pick = new int[MAX_BOOTSTRAP_ROWS];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = random.nextInt(n);
        }
        Predictions sample = resample(p, pick);
        Map<String, Double> sampleValues = Metrics.scores(sample, classes);
        Map<String, MetricEstimate> small = bootstrap(sample, classes);
        Map<String, MetricEstimate> out = new LinkedHashMap<>();
        double f = Math.sqrt((double) MAX_BOOTSTRAP_ROWS / n);
        for (Map.Entry<String, Double> e : Metrics.scores(p, classes).entrySet()) {
            double v = e.getValue();
            MetricEstimate s = small.get(e.getKey());
            if (Double.isNaN(v) || s == null) {
                continue;
            }
            if (e.getKey().equals("accuracy")) {
                out.put("accuracy", wilson(v, n));
                continue;
            }
            double centre = sampleValues.get(e.getKey());
            out.put(e.getKey(), new MetricEstimate(v, v - (centre - s.low()) * f, v + (s.high() - centre) * f, s.se() * f, n,
                    s.method() + ", on a " + String.format(java.util.Locale.ROOT, "%,d", MAX_BOOTSTRAP_ROWS) + "-row sample, scaled by sqrt("
                            + MAX_BOOTSTRAP_ROWS + "/" + n + ")"));
        }
        return out;
    }

    private static Map<String, MetricEstimate> bootstrap(Predictions p, int classes) {
        Map<String, Double> point = Metrics.scores(p, classes);
        Map<String, MetricEstimate> out = new LinkedHashMap<>();
        int n = p.size();
        if (n == 0) {
            return out;
        }
        int b = replicates(n);
        Map<String, double[]> samples = new LinkedHashMap<>();
        point.keySet().forEach(k -> samples.put(k, new double[b]));
        SplittableRandom random = new SplittableRandom(SEED);
        int[] pick = new int[n];
        for (int i = 0; i < b; i++) {
            for (int r = 0; r < n; r++) {
                pick[r] = random.nextInt(n);
            }
            Map<String, Double> s = Metrics.scores(resample(p, pick), classes);
            for (Map.Entry<String, double[]> e : samples.entrySet()) {
                e.getValue()[i] = s.getOrDefault(e.getKey(), Double.NaN);
            }
        }
        for (Map.Entry<String, Double> e : point.entrySet()) {
            double v = e.getValue();
            if (Double.isNaN(v)) {
                continue;
            }
            if (e.getKey().equals("accuracy")) {
                out.put("accuracy", wilson(v, n));
            } else {
                out.put(e.getKey(), percentile(v, samples.get(e.getKey()), n, b));
            }
        }
        return out;
    }

    /**
     * Wilson's score interval for a proportion; its standard error the interval's half-width over 1.96 (the binomial
     * one, sqrt(p(1-p)/n), is 0 when every held-out row was right, as if 69 rows proved perfection).
     */
    public static MetricEstimate wilson(double p, long n) {
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new MetricEstimate(p, Math.max(0, centre - half), Math.min(1, centre + half), half / Z95, n, "Wilson");
    }

    private static MetricEstimate percentile(double value, double[] replicates, int n, int b) {
        double[] ok = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (ok.length < 10) {
            return new MetricEstimate(value, value, value, 0, n, "too few rows for an interval");
        }
        double mean = Arrays.stream(ok).average().orElse(0);
        double ss = 0;
        for (double x : ok) {
            ss += (x - mean) * (x - mean);
        }
        return new MetricEstimate(value, quantile(ok, 0.025), quantile(ok, 0.975), Math.sqrt(ss / (ok.length - 1)), n,
                "bootstrap, " + b + " resamples, seed " + SEED);
    }

    /** Linear interpolation between order statistics (numpy's default percentile). */
    public static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    public static Predictions resample(Predictions p, int[] pick) {
        int n = pick.length;
        int[] rows = new int[n];
        int[] actualClass = p.actualClass() == null ? null : new int[n];
        int[] predictedClass = p.predictedClass() == null ? null : new int[n];
        double[][] probabilities = p.probabilities() == null ? null : new double[n][];
        double[] actualValue = p.actualValue() == null ? null : new double[n];
        double[] predictedValue = p.predictedValue() == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            int r = pick[i];
            rows[i] = i;
            if (actualClass != null) {
                actualClass[i] = p.actualClass()[r];
            }
            if (predictedClass != null) {
                predictedClass[i] = p.predictedClass()[r];
            }
            if (probabilities != null) {
                probabilities[i] = p.probabilities()[r];
            }
            if (actualValue != null) {
                actualValue[i] = p.actualValue()[r];
                predictedValue[i] = p.predictedValue()[r];
            }
        }
        return new Predictions(rows, actualClass, predictedClass, probabilities, actualValue, predictedValue);
    }

    /** Rows of a subset, in their order. */
    public static Predictions subset(Predictions p, List<Integer> rows) {
        return resample(p, rows.stream().mapToInt(Integer::intValue).toArray());
    }
}
