package dev.baton.report;

import dev.baton.train.ModelResult;
import dev.baton.train.Predictions;
import dev.baton.train.Task;
import dev.baton.util.Format;
import dev.baton.util.Markup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sentence a stakeholder reads first: how often the model is right (or how far off it is) on rows it never
 * saw, how sure that figure is (a 95% confidence interval), and what a constant guess would give instead.
 */
final class BottomLine {

    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;
    static final int BOOTSTRAP_RESAMPLES = 2000;
    static final long BOOTSTRAP_SEED = 42;

    private BottomLine() {
    }

    /**
     * @param holdout the chosen model's predictions on the held-out rows, or null when the model is not loaded (then
     *                a regression's error is given without its interval)
     */
    static String of(ModelResult chosen, ModelResult baseline, Predictions holdout, String target, Task task) {
        return task == Task.CLASSIFICATION ? classification(chosen, baseline, target) : regression(chosen, baseline, holdout, target);
    }

    private static String classification(ModelResult chosen, ModelResult baseline, String target) {
        long[][] confusion = chosen.confusion();
        if (confusion == null) {
            return null;
        }
        long right = 0;
        long n = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
            n += Arrays.stream(confusion[i]).sum();
        }
        if (n == 0) {
            return null;
        }
        double[] ci = wilson(right, n, Z95);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%s predicts %s correctly for %s of %s rows it never saw: %d%% (95%% confidence interval %d\u2013%d%%).",
                chosen.label(), Markup.isolate(target), Format.count(right), Format.count(n), Math.round(100.0 * right / n),
                Math.round(100 * ci[0]), Math.round(100 * ci[1])));
        Double base = baseline == null ? null : baseline.holdout().get("accuracy");
        String majority = baseline == null ? null : majorityClass(baseline);
        if (base != null && !base.isNaN()) {
            s.append(String.format(Locale.ROOT, " Always guessing the most common %s%s would be right %d%% of the time%s",
                    Markup.isolate(target), majority == null ? "" : ", " + Markup.isolate(majority) + ",", Math.round(100 * base),
                    (double) right / n > base ? "." : ": the model does no better than that guess."));
        }
        return s.toString();
    }

    /** The class the baseline always predicts: the one column of its confusion matrix with predictions. */
    private static String majorityClass(ModelResult baseline) {
        long[][] m = baseline.confusion();
        if (m == null || baseline.classes() == null) {
            return null;
        }
        for (int c = 0; c < baseline.classes().size(); c++) {
            long column = 0;
            for (long[] row : m) {
                column += row[c];
            }
            if (column > 0) {
                return baseline.classes().get(c);
            }
        }
        return null;
    }

    private static String regression(ModelResult chosen, ModelResult baseline, Predictions holdout, String target) {
        Double mae = chosen.holdout().get("mae");
        if (mae == null || mae.isNaN()) {
            return null;
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s predicts %s with a typical error of %s (in %s's units: the mean "
                + "absolute error on %s rows it never saw", chosen.label(), Markup.isolate(target), significant(mae),
                Markup.isolate(target), Format.count(chosen.testRows())));
        if (holdout != null && holdout.actualValue() != null && holdout.size() > 1) {
            double[] ci = bootstrapMeanAbsoluteError(holdout.actualValue(), holdout.predictedValue(), BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
            s.append(String.format(Locale.ROOT, "; 95%% confidence interval %s to %s", significant(ci[0]), significant(ci[1])));
        }
        s.append(").");
        Double base = baseline == null ? null : baseline.holdout().get("mae");
        if (base != null && !base.isNaN()) {
            s.append(String.format(Locale.ROOT, " Always predicting the training rows' average would be off by %s%s", significant(base),
                    mae < base ? "." : ": the model does no better than that guess."));
        }
        return s.toString();
    }

    /** Wilson's score interval for a proportion of {@code k} in {@code n}: {lower, upper}. */
    static double[] wilson(long k, long n, double z) {
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Percentile bootstrap of the mean absolute error, seeded so the report is the same every time: {lower, upper}. */
    static double[] bootstrapMeanAbsoluteError(double[] actual, double[] predicted, int resamples, long seed) {
        int n = actual.length;
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = Math.abs(actual[i] - predicted[i]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += errors[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new double[]{means[(int) Math.floor(0.025 * (resamples - 1))], means[(int) Math.ceil(0.975 * (resamples - 1))]};
    }

    /** Three significant digits, grouped: 2.31, 1,230, 0.0457. */
    static String significant(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Format.number(v);
        }
        return Format.number(new BigDecimal(v).round(new MathContext(3)).doubleValue());
    }
}
