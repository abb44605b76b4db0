package dev.baton.train;

import dev.baton.explore.chart.ChartData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The pictures of a model's quality on its held-out rows, as chart data for the window, the report and the PDF. */
public final class ModelCharts {

    private static final int MAX_POINTS = 2000;

    private ModelCharts() {
    }

    public static ChartData.HeatmapData confusion(ModelResult r) {
        int k = r.classes().size();
        double[][] z = new double[k][k];
        double max = 1;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                z[a][p] = r.confusion()[a][p];
                max = Math.max(max, z[a][p]);
            }
        }
        List<String> predicted = r.classes().stream().map(c -> "predicted " + c).toList();
        return new ChartData.HeatmapData("Confusion matrix of " + r.label() + " (held-out rows; rows are the true class)",
                predicted, r.classes(), z, 0, max, "sequential", k <= 15);
    }

    /**
     * A search's cross-validation score against one searched parameter, every configuration a point, the chosen and
     * the best ones marked. Log-scaled ranges are drawn in log10; unlimited depth one step past the top of its range.
     */
    public static ChartData.LineData search(HyperparameterSearch.Result r, String parameter) {
        Parameter p = HyperparameterSearch.parameter(r.algorithm(), r.task(), parameter);
        Parameter.SearchRange range = p == null ? null : p.search();
        boolean log = range != null && range.log();
        double unlimited = range == null ? 0 : range.high() + Math.max(1, (range.high() - range.low()) / 8);
        List<double[]> others = new ArrayList<>();
        List<ChartData.Series> series = new ArrayList<>();
        boolean anyUnlimited = false;
        double[] chosen = null;
        double[] best = null;
        for (HyperparameterSearch.Trial t : r.trials()) {
            Double v = t.parameters().get(parameter);
            double y = t.score(r.metric());
            if (v == null || Double.isNaN(y)) {
                continue;
            }
            boolean isUnlimited = range != null && range.zeroIsUnlimited() && v == 0;
            anyUnlimited |= isUnlimited;
            double x = isUnlimited ? unlimited : v;
            x = log ? Math.log10(Math.max(x, 1e-300)) : x;
            if (t.number() == r.chosen()) {
                chosen = new double[]{x, y};
            } else if (t.number() == r.best()) {
                best = new double[]{x, y};
            } else {
                others.add(new double[]{x, y});
            }
        }
        series.add(new ChartData.Series("configurations", others.stream().mapToDouble(a -> a[0]).toArray(),
                others.stream().mapToDouble(a -> a[1]).toArray(), true, false));
        if (best != null) {
            series.add(new ChartData.Series("best CV mean", new double[]{best[0]}, new double[]{best[1]}, true, false));
        }
        if (chosen != null) {
            series.add(new ChartData.Series("chosen", new double[]{chosen[0]}, new double[]{chosen[1]}, true, false));
        }
        String label = (p == null ? parameter : p.label()) + (log ? " (log10)" : "")
                + (anyUnlimited ? "; unlimited drawn at " + (long) unlimited : "");
        // Padded ranges, so that the best and worst configurations are not drawn on the frame.
        double[] xr = paddedRange(series.stream().flatMapToDouble(x -> Arrays.stream(x.x())).toArray());
        double[] yr = paddedRange(series.stream().flatMapToDouble(x -> Arrays.stream(x.y())).toArray());
        return new ChartData.LineData("CV " + Metrics.label(r.metric()) + " by " + parameter,
                label, "CV " + Metrics.label(r.metric()), series, xr[0], xr[1], yr[0], yr[1]);
    }

    /** Min and max widened by 6% of the span (or by 1% of the value when all are equal). */
    private static double[] paddedRange(double[] values) {
        double lo = Arrays.stream(values).min().orElse(0);
        double hi = Arrays.stream(values).max().orElse(1);
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(hi) * 0.01, 1e-3);
        return new double[]{lo - pad, hi + pad};
    }

    public static ChartData.ValueBars importance(ModelResult r) {
        List<Importance> top = r.importance().stream().limit(20).toList();
        String unit = r.importanceMethod() == Importance.Method.NATIVE ? "share of the model's own importance"
                : "drop in " + Metrics.label(defaultMetric(r)) + " when shuffled";
        return new ChartData.ValueBars("What " + r.label() + " relies on", unit, top.stream().map(Importance::column).toList(),
                top.stream().map(Importance::value).toList());
    }

    private static String defaultMetric(ModelResult r) {
        return r.task() == Task.CLASSIFICATION ? "accuracy" : "r2";
    }

    /** One-vs-rest ROC curves, one per class (only the positive class for two classes). */
    public static ChartData.LineData roc(ModelResult r, Predictions p) {
        List<ChartData.Series> series = new ArrayList<>();
        for (int c : classesToDraw(r)) {
            double[][] curve = curve(p, c, false);
            series.add(new ChartData.Series(r.classes().get(c) + String.format(" (AUC %.3f)", Metrics.aucOf(p, c)), curve[0], curve[1], false, false));
        }
        series.add(new ChartData.Series("chance", new double[]{0, 1}, new double[]{0, 1}, false, true));
        return new ChartData.LineData("ROC curves of " + r.label(), "false positive rate", "true positive rate", series, 0.0, 1.0, 0.0, 1.0);
    }

    public static ChartData.LineData precisionRecall(ModelResult r, Predictions p) {
        List<ChartData.Series> series = new ArrayList<>();
        for (int c : classesToDraw(r)) {
            double[][] curve = curve(p, c, true);
            series.add(new ChartData.Series(r.classes().get(c), curve[0], curve[1], false, false));
        }
        return new ChartData.LineData("Precision and recall of " + r.label(), "recall", "precision", series, 0.0, 1.0, 0.0, 1.05);
    }

    /** A model's held-out predictions, for charts that overlay several models. */
    public record Scored(String label, Predictions predictions) {
    }

    /**
     * One-vs-rest ROC curves of one class for every model given (those with probabilities), on the same held-out
     * rows, as Orange draws them: the models compared on one picture, with each one's AUC for that class.
     */
    public static ChartData.LineData roc(List<Scored> models, List<String> classes, int c) {
        List<ChartData.Series> series = new ArrayList<>();
        for (Scored m : models) {
            if (m.predictions().hasProbabilities()) {
                double[][] curve = curve(m.predictions(), c, false);
                series.add(new ChartData.Series(m.label() + String.format(" (AUC %.3f)", Metrics.aucOf(m.predictions(), c)),
                        curve[0], curve[1], false, false));
            }
        }
        series.add(new ChartData.Series("chance", new double[]{0, 1}, new double[]{0, 1}, false, true));
        return new ChartData.LineData("ROC curves for " + classes.get(c) + " against the rest (held-out rows)", "false positive rate",
                "true positive rate", series, 0.0, 1.0, 0.0, 1.0);
    }

    /** Precision against recall for one class, every model given (with probabilities) on one picture. */
    public static ChartData.LineData precisionRecall(List<Scored> models, List<String> classes, int c) {
        List<ChartData.Series> series = new ArrayList<>();
        double base = 0;
        for (Scored m : models) {
            if (m.predictions().hasProbabilities()) {
                double[][] curve = curve(m.predictions(), c, true);
                series.add(new ChartData.Series(m.label(), curve[0], curve[1], false, false));
                base = Arrays.stream(m.predictions().actualClass()).filter(x -> x == c).count() / (double) m.predictions().size();
            }
        }
        // A classifier that guesses at random has the class's share as its precision at every recall.
        series.add(new ChartData.Series("chance", new double[]{0, 1}, new double[]{base, base}, false, true));
        return new ChartData.LineData("Precision and recall for " + classes.get(c) + " (held-out rows)", "recall", "precision", series,
                0.0, 1.0, 0.0, 1.05);
    }

    /** Predicted probability (in 10 bins) against how often the class really occurred. */
    public static ChartData.LineData calibration(ModelResult r, Predictions p) {
        List<ChartData.Series> series = new ArrayList<>();
        for (int c : classesToDraw(r)) {
            double[] sum = new double[10];
            double[] hits = new double[10];
            int[] count = new int[10];
            for (int i = 0; i < p.size(); i++) {
                double prob = p.probabilities()[i][c];
                int bin = Math.min(9, (int) (prob * 10));
                sum[bin] += prob;
                hits[bin] += p.actualClass()[i] == c ? 1 : 0;
                count[bin]++;
            }
            List<double[]> points = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                if (count[b] > 0) {
                    points.add(new double[]{sum[b] / count[b], hits[b] / count[b]});
                }
            }
            series.add(new ChartData.Series(r.classes().get(c), points.stream().mapToDouble(x -> x[0]).toArray(),
                    points.stream().mapToDouble(x -> x[1]).toArray(), false, false));
        }
        series.add(new ChartData.Series("perfectly calibrated", new double[]{0, 1}, new double[]{0, 1}, false, true));
        return new ChartData.LineData("Calibration of " + r.label(), "predicted probability", "observed frequency", series, 0.0, 1.0, 0.0, 1.0);
    }

    public static ChartData.LineData predictedVsActual(ModelResult r, Predictions p, String target) {
        int[] sample = sample(p.size());
        double[] x = new double[sample.length];
        double[] y = new double[sample.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sample.length; i++) {
            x[i] = p.actualValue()[sample[i]];
            y[i] = p.predictedValue()[sample[i]];
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        List<ChartData.Series> series = List.of(new ChartData.Series("held-out rows", x, y, true, false),
                new ChartData.Series("perfect", new double[]{lo, hi}, new double[]{lo, hi}, false, true));
        return new ChartData.LineData("Predicted against actual " + target + " (" + r.label() + ")", "actual " + target, "predicted " + target,
                series, null, null, null, null);
    }

    public static ChartData.LineData residuals(ModelResult r, Predictions p, String target) {
        int[] sample = sample(p.size());
        double[] x = new double[sample.length];
        double[] y = new double[sample.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sample.length; i++) {
            x[i] = p.predictedValue()[sample[i]];
            y[i] = p.actualValue()[sample[i]] - x[i];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        List<ChartData.Series> series = List.of(new ChartData.Series("held-out rows", x, y, true, false),
                new ChartData.Series("zero", new double[]{lo, hi}, new double[]{0, 0}, false, true));
        return new ChartData.LineData("Residuals of " + r.label() + " (actual minus predicted)", "predicted " + target, "residual",
                series, null, null, null, null);
    }

    private static int[] classesToDraw(ModelResult r) {
        return r.classes().size() == 2 ? new int[]{1} : java.util.stream.IntStream.range(0, Math.min(r.classes().size(), 10)).toArray();
    }

    /** A seeded sample of row positions, at most {@link #MAX_POINTS}, in order. */
    private static int[] sample(int n) {
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        if (n <= MAX_POINTS) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < MAX_POINTS; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, MAX_POINTS);
        Arrays.sort(out);
        return out;
    }

    /** ROC (false positive rate, true positive rate) or precision-recall (recall, precision) points, at most ~200. */
    static double[][] curve(Predictions p, int c, boolean precisionRecall) {
        int n = p.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p.probabilities()[b][c], p.probabilities()[a][c]));
        long positives = Arrays.stream(p.actualClass()).filter(x -> x == c).count();
        long negatives = n - positives;
        List<double[]> points = new ArrayList<>();
        points.add(precisionRecall ? new double[]{0, 1} : new double[]{0, 0});
        long tp = 0;
        long fp = 0;
        int step = Math.max(1, n / 200);
        for (int i = 0; i < n; i++) {
            if (p.actualClass()[order[i]] == c) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = i == n - 1 || p.probabilities()[order[i]][c] != p.probabilities()[order[i + 1]][c];
            if (lastOfTie && (i % step == 0 || i == n - 1)) {
                double recall = positives == 0 ? 0 : (double) tp / positives;
                if (precisionRecall) {
                    points.add(new double[]{recall, (double) tp / (tp + fp)});
                } else {
                    points.add(new double[]{negatives == 0 ? 0 : (double) fp / negatives, recall});
                }
            }
        }
        return new double[][]{points.stream().mapToDouble(x -> x[0]).toArray(), points.stream().mapToDouble(x -> x[1]).toArray()};
    }
}
