package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The holdout is split first, cross-validation sees only the rest, and every leaderboard has a baseline. */
class EvaluationDesignTest {

    /** 20 rows, classes a (rows 0-9) and b (rows 10-19), one numeric feature. */
    private static Dataset twentyRows() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i < 10 ? "a" : "b").append('\n');
        }
        return Tables.csv(csv.toString());
    }

    @Test
    void noHeldOutRowIsInAnyFold() {
        Dataset data = twentyRows();
        Frame frame = Frame.of(data, "y", Task.CLASSIFICATION, List.of("x"));
        TrainingSetup setup = new TrainingSetup("y", Task.CLASSIFICATION, List.of("x"), 0.2, 4, 11,
                List.of(AlgorithmChoice.of("cart")), null);
        EvaluationSplit split = EvaluationSplit.of(frame, setup);
        // By hand: 20% of each class of 10 is 2 rows, so 4 held out (2 a, 2 b); the other 16 rows are dealt into 4 folds
        // class by class, 8 a-rows then 8 b-rows round the folds: 4 rows per fold, 2 of each class.
        assertThat(split.holdout()).hasSize(4);
        assertThat(Arrays.stream(split.holdout()).filter(r -> r < 10).count()).isEqualTo(2);
        assertThat(split.train()).hasSize(16);
        assertThat(split.folds()).hasNumberOfRows(4);
        Set<Integer> held = toSet(split.holdout());
        Set<Integer> seen = new HashSet<>();
        for (int[] fold : split.folds()) {
            assertThat(fold).hasSize(4);
            assertThat(Arrays.stream(fold).filter(r -> r < 10).count()).isEqualTo(2);
            for (int r : fold) {
                assertThat(held).doesNotContain(r);
                assertThat(seen.add(r)).isTrue();
            }
        }
        for (int k = 0; k < 4; k++) {
            for (int r : split.foldTrain(k)) {
                assertThat(held).as("fold %d trains on a held-out row", k).doesNotContain(r);
            }
            assertThat(split.foldTrain(k)).hasSize(12);
        }
        Set<Integer> all = new HashSet<>(seen);
        all.addAll(held);
        assertThat(all).hasSize(20);
    }

    @Test
    void cvRowsAndHoldoutRowsAreDisjointAndCoverEveryRowWithATarget() {
        Dataset penguins = QualityTest.read("penguins.csv");
        Experiment.Leaderboard board = QualityTest.train(penguins, "species", List.of("logistic-regression", "cart"));
        for (ModelRun.TrainedModel m : board.models()) {
            Set<Integer> train = toSet(m.trainRows());
            Set<Integer> test = toSet(m.testRows());
            assertThat(train).doesNotContainAnyElementsOf(test);
            assertThat(train.size() + test.size()).isEqualTo(board.rows());
            assertThat(m.result().trainRows() + m.result().testRows()).isEqualTo(344);
        }
        assertThat(board.baseline().trainRows()).isEqualTo(board.models().get(0).result().trainRows());
    }

    @Test
    void theBaselineGuessesTheMostCommonClassWithItsShareAsProbability() {
        // 100 rows: 70 x and 30 y, a feature of noise. A 20% stratified holdout keeps 14 x and 6 y; the 80 training rows
        // are 70% x. The baseline always says x: held-out accuracy 14/20 = 0.7; probabilities 0.7 and 0.3, so its log
        // loss is -(0.7 ln 0.7 + 0.3 ln 0.3) = 0.6109 and its ROC AUC 0.5.
        StringBuilder csv = new StringBuilder("noise,label\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f", random.nextDouble())).append(',').append(i < 70 ? "x" : "y").append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        Experiment.Leaderboard board = QualityTest.train(data, "label", List.of("logistic-regression"));
        ModelResult base = board.baseline();
        assertThat(base.algorithm()).isEqualTo(Baseline.ID);
        assertThat(base.testRows()).isEqualTo(20);
        assertThat(base.holdout().get("accuracy")).isCloseTo(0.7, within(1e-12));
        assertThat(base.holdout().get("logLoss")).isCloseTo(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), within(1e-9));
        assertThat(base.holdout().get("auc")).isCloseTo(0.5, within(1e-12));
        assertThat(base.cv().get("accuracy").mean()).isCloseTo(0.7, within(0.02));
        assertThat(base.confusion()).isEqualTo(new long[][]{{14, 0}, {6, 0}});
    }

    @Test
    void theRegressionBaselineIsTheTrainingMean() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i % 7).append(',').append(i * 3).append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        Experiment.Leaderboard board = QualityTest.train(data, "y", List.of("cart"));
        ModelRun.TrainedModel cart = board.get("cart");
        double mean = Arrays.stream(cart.trainRows()).mapToDouble(r -> r * 3.0).average().orElseThrow();
        double sse = 0;
        double sae = 0;
        for (int r : cart.testRows()) {
            sse += (r * 3.0 - mean) * (r * 3.0 - mean);
            sae += Math.abs(r * 3.0 - mean);
        }
        int n = cart.testRows().length;
        assertThat(board.baseline().holdout().get("rmse")).isCloseTo(Math.sqrt(sse / n), within(1e-9));
        assertThat(board.baseline().holdout().get("mae")).isCloseTo(sae / n, within(1e-9));
    }

    @Test
    void modelsThatDoNotBeatTheBaselineAreFlagged() {
        // The label has nothing to do with the feature: no model can beat always saying x, by much.
        ModelResult base = result("baseline", 0.70);
        assertThat(Baseline.beaten(result("a", 0.71), base, "accuracy")).isTrue();
        assertThat(Baseline.beaten(result("b", 0.70), base, "accuracy")).isFalse();
        assertThat(Baseline.beaten(result("c", 0.60), base, "accuracy")).isFalse();
    }

    private static ModelResult result(String id, double cvAccuracy) {
        return new ModelResult(id, id, Task.CLASSIFICATION, java.util.Map.of(), false, java.util.Map.of("accuracy", 0.5),
                java.util.Map.of("accuracy", new Metrics.Spread(cvAccuracy, 0.01)), null, List.of("x", "y"), null, null, List.of(),
                null, 80, 20, 0);
    }

    @Test
    void rankingUsesTheCrossValidationMeanNotTheHoldout() {
        ModelResult better = new ModelResult("better-cv", "b", Task.CLASSIFICATION, java.util.Map.of(), false,
                java.util.Map.of("accuracy", 0.60), java.util.Map.of("accuracy", new Metrics.Spread(0.9, 0.01)), null, null, null, null,
                List.of(), null, 80, 20, 0);
        ModelResult betterHoldout = new ModelResult("better-holdout", "h", Task.CLASSIFICATION, java.util.Map.of(), false,
                java.util.Map.of("accuracy", 0.99), java.util.Map.of("accuracy", new Metrics.Spread(0.8, 0.01)), null, null, null, null,
                List.of(), null, 80, 20, 0);
        assertThat(Ranking.rank(List.of(betterHoldout, better), "accuracy")).extracting(ModelResult::algorithm)
                .containsExactly("better-cv", "better-holdout");
    }

    @Test
    void linearRegressionOnATargetInTheHundredThousandsMatchesExactLeastSquares() {
        // y = 180,000 + 30,000 x1 - 20,000 x2 + 5,000 x3 + 8,000 [c = B] - 4,000 [c = C] + noise (sd 5,000)
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("x1,x2,x3,c,price\n");
        for (int i = 0; i < 3000; i++) {
            double x1 = random.nextDouble() * 4;
            double x2 = random.nextDouble() * 10 - 5;
            double x3 = random.nextDouble();
            String c = List.of("A", "B", "C").get(random.nextInt(3));
            double noise = 5000 * gaussian(random);
            double y = 180_000 + 30_000 * x1 - 20_000 * x2 + 5_000 * x3 + (c.equals("B") ? 8_000 : c.equals("C") ? -4_000 : 0) + noise;
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%s,%.2f%n", x1, x2, x3, c, y));
        }
        Dataset data = Tables.csv(csv.toString());
        Experiment.Leaderboard board = QualityTest.train(data, "price", List.of("linear-regression"));
        ModelRun.TrainedModel linear = board.get("linear-regression");
        double baton = linear.result().holdout().get("r2");

        // Exact least squares on the same prepared features (standardized numbers, one-hot c: full rank without an intercept).
        Frame frame = Frame.of(data, "price", Task.REGRESSION, board.setup().features());
        double[][] train = frame.encode(linear.preparation(), linear.trainRows());
        double[] trainY = Arrays.stream(linear.trainRows()).mapToDouble(r -> frame.values[r]).toArray();
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(trainY, train);
        double[] beta = ols.estimateRegressionParameters();
        double[][] test = frame.encode(linear.preparation(), linear.testRows());
        double sse = 0;
        double sst = 0;
        double mean = Arrays.stream(linear.testRows()).mapToDouble(r -> frame.values[r]).average().orElseThrow();
        for (int i = 0; i < test.length; i++) {
            double f = 0;
            for (int j = 0; j < beta.length; j++) {
                f += beta[j] * test[i][j];
            }
            double y = frame.values[linear.testRows()[i]];
            sse += (y - f) * (y - f);
            sst += (y - mean) * (y - mean);
        }
        double exact = 1 - sse / sst;
        assertThat(exact).isGreaterThan(0.9);
        // Solved exactly (no longer by SGD on a standardized target): the same fit to six digits.
        assertThat(baton).isCloseTo(exact, within(1e-6));
        assertThat(linear.preparation().target()).isNull();
        assertThat(Baseline.beaten(linear.result(), board.baseline(), "r2")).isTrue();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Set<Integer> toSet(int[] rows) {
        Set<Integer> out = new HashSet<>();
        for (int r : rows) {
            out.add(r);
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static List<Integer> list(int[] rows) {
        List<Integer> out = new ArrayList<>();
        for (int r : rows) {
            out.add(r);
        }
        return out;
    }
}
