package dev.baton.report;

import dev.baton.train.ModelRun;
import dev.baton.train.Predictions;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bottom line's figures against the formulas and against the predictions themselves. */
class BottomLineTest {

    @Test
    void wilsonIntervalsMatchTheFormulasPublishedValues() {
        // Wilson (1927) score interval at 95%: 55 of 100 gives 0.4524 to 0.6439 (as in Newcombe 1998, table I, method 3).
        double[] ci = BottomLine.wilson(55, 100, BottomLine.Z95);
        assertThat(ci[0]).isCloseTo(0.45245, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.64385, within(1e-4));
        // Computed by hand: p = 68/69, z = 1.96: centre 0.95991, half-width 0.03754.
        ci = BottomLine.wilson(68, 69, BottomLine.Z95);
        assertThat(ci[0]).isCloseTo(0.92237, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.99744, within(1e-4));
        // All right or all wrong: the interval touches the bound and stays inside [0, 1].
        assertThat(BottomLine.wilson(0, 10, BottomLine.Z95)).containsExactly(new double[]{0, 0.27753}, within(1e-4));
        assertThat(BottomLine.wilson(10, 10, BottomLine.Z95)[1]).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theBootstrapIntervalIsSeededAndBracketsTheError() {
        double[] actual = new double[200];
        double[] predicted = new double[200];
        double sum = 0;
        for (int i = 0; i < 200; i++) {
            actual[i] = i;
            predicted[i] = i + ((i % 7) - 3); // errors 0 to 3
            sum += Math.abs(actual[i] - predicted[i]);
        }
        double mae = sum / 200;
        double[] a = BottomLine.bootstrapMeanAbsoluteError(actual, predicted, 2000, 42);
        double[] b = BottomLine.bootstrapMeanAbsoluteError(actual, predicted, 2000, 42);
        assertThat(a).containsExactly(b);
        assertThat(a[0]).isLessThan(mae).isGreaterThan(mae - 0.5);
        assertThat(a[1]).isGreaterThan(mae).isLessThan(mae + 0.5);
        // Every error the same: nothing to be unsure about.
        assertThat(BottomLine.bootstrapMeanAbsoluteError(new double[]{1, 2, 3}, new double[]{3, 4, 5}, 500, 1)).containsExactly(2.0, 2.0);
    }

    @Test
    void thePenguinReportSaysHowOftenTheChosenModelIsRightOnTheHeldOutRows() {
        ReportInput input = PenguinsReport.input();
        ReportModel model = ReportBuilder.build(input, Progress.NONE);
        String lead = model.sections().get(0).blocks().stream().filter(b -> b instanceof Block.Lead).map(b -> ((Block.Lead) b).text())
                .findFirst().orElseThrow();
        // Counted here from the held-out predictions themselves, not from the metrics the report reads.
        ModelRun.TrainedModel chosen = input.leaderboard().get("logistic-regression");
        Predictions p = chosen.holdout();
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            right += p.actualClass()[i] == p.predictedClass()[i] ? 1 : 0;
        }
        double[] ci = BottomLine.wilson(right, p.size(), 1.96);
        assertThat(lead).startsWith("Logistic regression predicts species correctly for " + right + " of " + p.size() + " rows it never saw: "
                + Math.round(100.0 * right / p.size()) + "% (95% confidence interval " + Math.round(100 * ci[0]) + "\u2013" + Math.round(100 * ci[1]) + "%).");
        // The baseline always guesses Adelie, the most common species in the training rows: right on the held-out Adelies.
        int adelie = chosen.result().classes().indexOf("Adelie");
        long adelies = java.util.Arrays.stream(p.actualClass()).filter(c -> c == adelie).count();
        assertThat(lead).endsWith(" Always guessing the most common species, Adelie, would be right "
                + Math.round(100.0 * adelies / p.size()) + "% of the time.");
    }

    private static dev.baton.train.ModelResult regressionResult(String algorithm, String label, double mae, int testRows) {
        return new dev.baton.train.ModelResult(algorithm, label, dev.baton.train.Task.REGRESSION, java.util.Map.of(), false,
                java.util.Map.of("mae", mae), null, null, null, null, null, java.util.List.of(), null, 100, testRows, 0);
    }

    @Test
    void aRegressionSaysHowFarOffTheModelIsInTheTargetsUnitsAgainstTheAverage() {
        double[] actual = {20, 22, 25, 30, 18};
        double[] predicted = {21, 20, 25, 33, 18}; // errors 1, 2, 0, 3, 0: mean 1.2
        Predictions holdout = new Predictions(new int[]{0, 1, 2, 3, 4}, null, null, null, actual, predicted);
        double[] ci = BottomLine.bootstrapMeanAbsoluteError(actual, predicted, BottomLine.BOOTSTRAP_RESAMPLES, BottomLine.BOOTSTRAP_SEED);
        String line = BottomLine.of(regressionResult("random-forest", "Random forest", 1.2, 5),
                regressionResult("baseline", "Baseline", 3.84, 5), holdout, "mpg", dev.baton.train.Task.REGRESSION);
        assertThat(line).isEqualTo("Random forest predicts mpg with a typical error of 1.2 (in mpg's units: the mean absolute error on 5 rows "
                + "it never saw; 95% confidence interval " + BottomLine.significant(ci[0]) + " to " + BottomLine.significant(ci[1])
                + "). Always predicting the training rows' average would be off by 3.84.");
        assertThat(ci[0]).isGreaterThanOrEqualTo(0.0);
        assertThat(ci[1]).isLessThanOrEqualTo(3.0);
        String worse = BottomLine.of(regressionResult("knn", "k-NN", 5.0, 5), regressionResult("baseline", "Baseline", 3.84, 5), null,
                "mpg", dev.baton.train.Task.REGRESSION);
        assertThat(worse).endsWith("(in mpg's units: the mean absolute error on 5 rows it never saw). Always predicting the training "
                + "rows' average would be off by 3.84: the model does no better than that guess.");
    }
}
