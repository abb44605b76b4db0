package dev.baton.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The search tries the same configurations for the same seed, never looks at the held-out rows, and prefers the simpler of equals. */
class HyperparameterSearchTest {

    private static final Algorithms.Algorithm FOREST = Algorithms.get(Task.CLASSIFICATION, "random-forest");

    @Test
    void configurationsStartWithTheGivenSettingsStayInTheirRangesAndDependOnlyOnTheSeed() {
        List<Map<String, Double>> a = HyperparameterSearch.configurations(FOREST, Map.of("trees", 50.0), 30, 7);
        List<Map<String, Double>> b = HyperparameterSearch.configurations(FOREST, Map.of("trees", 50.0), 30, 7);
        List<Map<String, Double>> other = HyperparameterSearch.configurations(FOREST, Map.of("trees", 50.0), 30, 8);
        assertThat(a).hasSize(30).isEqualTo(b).isNotEqualTo(other);
        assertThat(a.get(0)).isEqualTo(Map.of("trees", 50.0, "maxDepth", 0.0, "featureFraction", 0.0));
        assertThat(new HashSet<>(a)).hasSize(30);
        for (Map<String, Double> c : a.subList(1, a.size())) {
            assertThat(c.get("trees")).as("not searched: the user's value").isEqualTo(50.0);
            assertThat(c.get("maxDepth")).isBetween(4.0, 32.0);
            assertThat(c.get("maxDepth") % 1).isZero();
            assertThat(c.get("featureFraction")).isBetween(0.05, 1.0);
            // Reals to 3 significant digits, so that tables and settings files show what was trained.
            assertThat(Double.parseDouble(String.format(Locale.ROOT, "%.3g", c.get("featureFraction")))).isEqualTo(c.get("featureFraction"));
        }
        // A Sobol sequence spreads the depths: every quarter of 4..32 is drawn about a quarter of the time.
        int[] quarters = new int[4];
        for (Map<String, Double> c : a.subList(1, a.size())) {
            quarters[(int) Math.min(3, (c.get("maxDepth") - 4) / 7.25)]++;
        }
        for (int q : quarters) {
            assertThat(q).isBetween(5, 10);
        }
    }

    @Test
    void aSmallSpaceGivesFewerConfigurationsAndNothingToVaryGivesOne() {
        Algorithms.Algorithm knn = Algorithms.get(Task.CLASSIFICATION, "knn");
        // k from 1 to 100 on a log scale: plenty of distinct values for 12 configurations, all whole numbers.
        assertThat(HyperparameterSearch.configurations(knn, Map.of(), 12, 1)).hasSize(12)
                .allSatisfy(c -> assertThat(c.get("k") % 1).isZero());
        Algorithms.Algorithm ols = Algorithms.get(Task.REGRESSION, "linear-regression");
        assertThat(HyperparameterSearch.configurations(ols, Map.of(), 20, 1)).hasSize(1);
    }

    @Test
    void complexityIsThePositionFromTheSimplerEndOfEachRange() {
        // maxDepth 18 is half way along 4..32; featureFraction 0.05 is the low (simpler) end; unlimited depth counts as 1.
        assertThat(HyperparameterSearch.complexity(FOREST, Map.of("maxDepth", 18.0, "featureFraction", 0.05))).isEqualTo(0.5);
        assertThat(HyperparameterSearch.complexity(FOREST, Map.of("maxDepth", 0.0, "featureFraction", 1.0))).isEqualTo(2.0);
        // featureFraction on a log scale: sqrt(0.05 * 1) is the middle.
        assertThat(HyperparameterSearch.complexity(FOREST, Map.of("maxDepth", 4.0, "featureFraction", Math.sqrt(0.05))))
                .isCloseTo(0.5, within(1e-9));
        // k: more neighbours is simpler (smoother), so k = 100 is the simplest and k = 1 the most complex.
        Algorithms.Algorithm knn = Algorithms.get(Task.CLASSIFICATION, "knn");
        assertThat(HyperparameterSearch.complexity(knn, Map.of("k", 100.0))).isZero();
        assertThat(HyperparameterSearch.complexity(knn, Map.of("k", 1.0))).isEqualTo(1.0);
    }

    private static HyperparameterSearch.Trial trial(int number, double complexity, double... accuracy) {
        List<Map<String, Double>> folds = new ArrayList<>();
        for (double a : accuracy) {
            folds.add(Map.of("accuracy", a));
        }
        return new HyperparameterSearch.Trial(number, Map.of(), Metrics.spread(folds), folds, complexity, 1, null);
    }

    @Test
    void aSimplerConfigurationTheTTestCannotTellFromTheBestIsChosen() {
        HyperparameterSearch.Trial best = trial(1, 2.0, 0.92, 0.90, 0.95, 0.91, 0.90);
        // Differences from the best: 0.02, -0.01, 0.03, 0.00, -0.02. Mean 0.004, corrected t = 0.2876 with 4 degrees of
        // freedom, p = 0.788 (scipy.stats.t.sf(0.28755, 4) * 2).
        HyperparameterSearch.Trial close = trial(2, 0.5, 0.90, 0.91, 0.92, 0.91, 0.92);
        // Always 0.03 to 0.05 worse: t = 5.96, p = 0.004, really worse, though simplest of all.
        HyperparameterSearch.Trial worse = trial(3, 0.1, 0.89, 0.86, 0.90, 0.88, 0.85);
        HyperparameterSearch.Choice c = HyperparameterSearch.choose(List.of(best, close, worse), "accuracy");
        assertThat(c.best()).isSameAs(best);
        assertThat(c.chosen()).isSameAs(close);
        assertThat(c.pValue()).isCloseTo(0.78797, within(1e-4));

        HyperparameterSearch.Result result = new HyperparameterSearch.Result("random-forest", "Random forest", Task.CLASSIFICATION, "accuracy", 3,
                List.of("maxDepth"), List.of(best, close, worse), 1, 2, c.pValue(), false);
        assertThat(result.reason()).isEqualTo("#2 is simpler than #1, the best of the 3 configurations tried (accuracy 0.9120 against 0.9160), "
                + "and the corrected t-test cannot tell them apart (p = 0.79)");
        // Without the close one, the best stands: the only simpler one is really worse.
        assertThat(HyperparameterSearch.choose(List.of(best, worse), "accuracy").chosen()).isSameAs(best);
        // Failed configurations are passed over.
        HyperparameterSearch.Trial failed = new HyperparameterSearch.Trial(4, Map.of(), null, null, 0, 1, "out of memory");
        assertThat(HyperparameterSearch.choose(List.of(failed, worse), "accuracy").chosen()).isSameAs(worse);
        assertThat(HyperparameterSearch.choose(List.of(failed), "accuracy")).isNull();
    }

    @Test
    void lowerIsBetterForErrors() {
        List<Map<String, Double>> low = List.of(Map.of("rmse", 1.0), Map.of("rmse", 1.1), Map.of("rmse", 0.9));
        List<Map<String, Double>> high = List.of(Map.of("rmse", 3.0), Map.of("rmse", 3.1), Map.of("rmse", 2.9));
        var a = new HyperparameterSearch.Trial(1, Map.of(), Metrics.spread(low), low, 1, 1, null);
        var b = new HyperparameterSearch.Trial(2, Map.of(), Metrics.spread(high), high, 0, 1, null);
        assertThat(HyperparameterSearch.choose(List.of(b, a), "rmse").chosen()).isSameAs(a);
    }

    /** 2,000 rows: y is "yes" when x1 + x2 + noise > 0; a third column is noise. */
    private static String rows(boolean garbleHeldOut, int[] heldOut) {
        Set<Integer> held = new HashSet<>();
        if (heldOut != null) {
            for (int r : heldOut) {
                held.add(r);
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("x1,x2,noise,y\n");
        for (int i = 0; i < 2000; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double noise = random.nextGaussian();
            String y = x1 + x2 + 0.7 * random.nextGaussian() > 0 ? "yes" : "no";
            if (garbleHeldOut && held.contains(i)) {
                x1 = -1000 * x1;
                x2 = 77;
            }
            csv.append(x1).append(',').append(x2).append(',').append(noise).append(',').append(y).append('\n');
        }
        return csv.toString();
    }

    private static TrainingSetup setup(int search) {
        return new TrainingSetup("y", Task.CLASSIFICATION, List.of("x1", "x2", "noise"), 0.2, 4, 9,
                List.of(AlgorithmChoice.of("random-forest"), AlgorithmChoice.of("logistic-regression"), AlgorithmChoice.of("knn")),
                "accuracy", search);
    }

    /** The searches as JSON without their times, the one thing allowed to differ between runs. */
    private static JsonNode withoutTimes(List<HyperparameterSearch.Result> searches) {
        JsonNode tree = Json.mapper().valueToTree(searches);
        tree.forEach(s -> s.get("trials").forEach(t -> ((ObjectNode) t).remove("millis")));
        return tree;
    }

    @Test
    void theSameSeedGivesTheSameSearchAndTheHeldOutRowsNeverTakePart() {
        Dataset data = Tables.csv(rows(false, null));
        Experiment.Leaderboard first = Experiment.run(data, setup(6), Experiment.Listener.NONE, Progress.NONE);
        Experiment.Leaderboard second = Experiment.run(data, setup(6), Experiment.Listener.NONE, Progress.NONE);
        assertThat(first.failures()).isEmpty();
        assertThat(first.searches()).extracting(HyperparameterSearch.Result::algorithm)
                .containsExactly("random-forest", "logistic-regression", "knn");
        assertThat(first.searches()).allSatisfy(s -> assertThat(s.trials()).hasSize(6));
        assertThat(withoutTimes(second.searches())).isEqualTo(withoutTimes(first.searches()));
        for (ModelRun.TrainedModel m : first.models()) {
            HyperparameterSearch.Result s = first.search(m.result().algorithm());
            // The model kept is the chosen configuration, with that configuration's cross-validation scores.
            assertThat(m.result().parameters()).isEqualTo(s.chosenTrial().parameters());
            assertThat(m.result().folds()).isEqualTo(s.chosenTrial().folds());
            assertThat(second.get(m.result().algorithm()).result().holdout()).isEqualTo(m.result().holdout());
        }

        // The user's own settings are configuration 1, scored exactly as training without a search scores them.
        Experiment.Leaderboard plain = Experiment.run(data, setup(0), Experiment.Listener.NONE, Progress.NONE);
        for (ModelRun.TrainedModel m : plain.models()) {
            assertThat(first.search(m.result().algorithm()).trial(1).folds()).isEqualTo(m.result().folds());
        }

        // Garbling the held-out rows' features changes nothing the search saw, only the final held-out scores.
        Frame frame = Frame.of(data, "y", Task.CLASSIFICATION, List.of("x1", "x2", "noise"));
        int[] heldOut = EvaluationSplit.of(frame, setup(6)).holdout();
        Experiment.Leaderboard garbled = Experiment.run(Tables.csv(rows(true, heldOut)), setup(6), Experiment.Listener.NONE, Progress.NONE);
        assertThat(withoutTimes(garbled.searches())).isEqualTo(withoutTimes(first.searches()));
        assertThat(garbled.get("logistic-regression").result().holdout().get("accuracy"))
                .isLessThan(first.get("logistic-regression").result().holdout().get("accuracy") - 0.1);
    }

    @Test
    void aSearchNeedsCrossValidationAndASensibleBudget() {
        TrainingSetup noFolds = new TrainingSetup("y", Task.CLASSIFICATION, List.of("x1"), 0.2, 0, 1, List.of(AlgorithmChoice.of("knn")), null, 5);
        assertThatThrownBy(noFolds::check).isInstanceOf(UserException.class).hasMessageContaining("set 2 or more folds");
        assertThatThrownBy(setup(1)::check).isInstanceOf(UserException.class).hasMessageContaining("2 to 500 configurations");
        assertThatThrownBy(setup(501)::check).isInstanceOf(UserException.class).hasMessageContaining("not 501");
    }

    @Test
    void stoppingKeepsTheConfigurationsThatFinished() {
        Dataset data = Tables.csv(rows(false, null));
        TrainingSetup s = new TrainingSetup("y", Task.CLASSIFICATION, List.of("x1", "x2", "noise"), 0.2, 4, 9,
                List.of(AlgorithmChoice.of("knn")), "accuracy", 40);
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        Experiment.Listener listener = new Experiment.Listener() {
            @Override
            public void progress(String algorithm, double fraction, String message) {
            }

            @Override
            public void trialFinished(String algorithm, HyperparameterSearch.Trial trial, int budget) {
                finished.incrementAndGet();
            }

            @Override
            public void finished(String algorithm, ModelRun.TrainedModel model) {
            }

            @Override
            public void failed(String algorithm, Throwable error) {
            }
        };
        Experiment.Leaderboard board = Experiment.run(data, s, listener, Progress.NONE, () -> finished.get() >= 3);
        HyperparameterSearch.Result search = board.search("knn");
        assertThat(search.stopped()).isTrue();
        assertThat(search.trials().size()).isBetween(3, 39);
        assertThat(board.get("knn").result().parameters()).isEqualTo(search.chosenTrial().parameters());
        assertThat(search.reason()).contains("stopped early; 40 planned");
    }
}
