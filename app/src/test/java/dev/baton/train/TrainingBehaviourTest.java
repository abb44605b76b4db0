package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import dev.baton.util.CancelledException;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingBehaviourTest {

    @TempDir
    Path dir;

    private static TrainingSetup setup(Dataset data, String target, long seed, String... algorithms) {
        return new TrainingSetup(target, Features.inferTask(data, target), Features.included(Features.suggest(data, target)), 0.2, 5, seed,
                Arrays.stream(algorithms).map(AlgorithmChoice::of).toList(), null);
    }

    @Test
    void theSameSeedGivesIdenticalResults() {
        Dataset penguins = QualityTest.read("penguins.csv");
        var a = Experiment.run(penguins, setup(penguins, "species", 7, "logistic-regression", "random-forest"), Experiment.Listener.NONE, Progress.NONE);
        var b = Experiment.run(penguins, setup(penguins, "species", 7, "logistic-regression", "random-forest"), Experiment.Listener.NONE, Progress.NONE);
        for (String id : List.of("logistic-regression", "random-forest")) {
            assertThat(b.get(id).result().folds()).isEqualTo(a.get(id).result().folds());
            assertThat(b.get(id).result().holdout()).isEqualTo(a.get(id).result().holdout());
            assertThat(b.get(id).holdout().probabilities()).isDeepEqualTo(a.get(id).holdout().probabilities());
        }
        var c = Experiment.run(penguins, setup(penguins, "species", 8, "random-forest"), Experiment.Listener.NONE, Progress.NONE);
        assertThat(c.get("random-forest").testRows()).isNotEqualTo(a.get("random-forest").testRows());
    }

    @Test
    void theImputationIsFittedOnTrainingRowsOnly() {
        // The held-out rows carry huge values of x; a median over all rows would be pulled up by them.
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 10 == 0 ? "NA" : Integer.toString(i % 7)).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        TrainingSetup s = new TrainingSetup("y", Task.CLASSIFICATION, List.of("x"), 0.2, 0, 1, List.of(AlgorithmChoice.of("logistic-regression")), null);
        Frame frame = Frame.of(data, "y", Task.CLASSIFICATION, List.of("x"));
        int[][] split = Splits.holdout(frame, 0.2, 1);
        double[] x = frame.numbers.get("x");
        for (int r : split[1]) {
            x[r] = Double.isNaN(x[r]) ? Double.NaN : 1e6 + r;
        }
        ModelRun.TrainedModel model = ModelRun.run(frame, AlgorithmChoice.of("logistic-regression"), s, "test", Progress.NONE);
        NumericEncoder fitted = (NumericEncoder) model.preparation().encoders().get(0);
        double trainMedian = median(x, model.trainRows());
        double allMedian = median(x, java.util.stream.IntStream.range(0, frame.rows).toArray());
        assertThat(fitted.median()).isEqualTo(trainMedian);
        assertThat(allMedian).isNotEqualTo(trainMedian);
        assertThat(fitted.mean()).isLessThan(10);
        // Per fold too: each fold's preparation sees only that fold's training rows.
        int[][] folds = Splits.folds(frame, split[0], 5, 1);
        for (int[] test : folds) {
            int[] train = Splits.without(split[0], test);
            NumericEncoder foldEncoder = (NumericEncoder) frame.fitPreparation(train, true).encoders().get(0);
            assertThat(foldEncoder.median()).isEqualTo(median(x, train));
        }
    }

    private static double median(double[] x, int[] rows) {
        double[] v = Arrays.stream(rows).mapToDouble(r -> x[r]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double position = (v.length - 1) * 0.5;
        int lo = (int) Math.floor(position);
        return v[lo] + (v[Math.min(v.length - 1, lo + 1)] - v[lo]) * (position - lo);
    }

    @Test
    void cancellingStopsTheWork() {
        Dataset cars = QualityTest.read("auto-mpg.csv");
        AtomicInteger updates = new AtomicInteger();
        Progress cancelSoon = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() > 0;
            }
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> Experiment.run(cars, setup(cars, "Miles_per_Gallon", 1, "random-forest", "xgboost", "knn"),
                Experiment.Listener.NONE, cancelSoon)).isInstanceOf(CancelledException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }

    /** 30,000 rows of four numbers and a class. */
    private static Dataset thirtyThousandRows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        StringBuilder csv = new StringBuilder("a,b,c,d,y\n");
        for (int i = 0; i < 30_000; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s%n", a, b, random.nextGaussian(),
                    random.nextGaussian(), a + b + random.nextGaussian() > 0 ? "yes" : "no"));
        }
        return Tables.csv(csv.toString());
    }

    @Test
    void cancellingStopsAForestBetweenItsTreesNotAtTheEndOfTheFold() {
        // 30,000 rows and 2,000 trees: many seconds of work in one fold; cancelled after one second.
        cancelAfterASecondAndWatchTheTreesStop(0);
    }

    @Test
    void cancellingASearchStopsTheConfigurationsBeingTriedToo() {
        // The same with a search: configurations run on their own pool, whose trees must stop as well.
        cancelAfterASecondAndWatchTheTreesStop(6);
    }

    private void cancelAfterASecondAndWatchTheTreesStop(int search) {
        Dataset data = thirtyThousandRows();
        TrainingSetup setup = new TrainingSetup("y", Task.CLASSIFICATION, List.of("a", "b", "c", "d"), 0.2, 5, 1,
                List.of(new AlgorithmChoice("random-forest", Map.of("trees", 2000.0), null)), null, search);
        long start = System.nanoTime();
        Progress cancelAfterASecond = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return System.nanoTime() - start > 1_000_000_000L;
            }
        };
        assertThatThrownBy(() -> Experiment.run(data, setup, Experiment.Listener.NONE, cancelAfterASecond))
                .isInstanceOf(CancelledException.class);
        // The call returns at once; the trees being grown must stop too, not run on to the end of the fold.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (growing() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(growing()).as("a thread still grows trees 2 s after the cancel").isFalse();
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until the work stopped").isLessThan(4);
    }

    private static boolean growing() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith("dev.baton.train.learn.TreeGrower"));
    }

    @Test
    void trainedModelsRoundTripThroughProtobuf() throws Exception {
        Dataset penguins = QualityTest.read("penguins.csv");
        var board = Experiment.run(penguins, setup(penguins, "species", 3, "logistic-regression", "random-forest", "xgboost",
                "knn", "libsvm-rbf", "cart"), Experiment.Listener.NONE, Progress.NONE);
        for (ModelRun.TrainedModel m : board.models()) {
            Path file = dir.resolve(m.result().algorithm() + ".tribuo");
            m.model().serializeToFile(file);
            Model<?> back = Model.deserializeFromFile(file);
            double[][] rows = Frame.of(penguins, "species", Task.CLASSIFICATION, board.setup().features()).encode(m.preparation(), m.testRows());
            @SuppressWarnings("unchecked")
            Predictions original = TribuoBridge.classify((Model<org.tribuo.classification.Label>) m.model(), m.preparation().names(), rows,
                    m.testRows(), new int[rows.length], m.result().classes());
            @SuppressWarnings("unchecked")
            Predictions again = TribuoBridge.classify((Model<org.tribuo.classification.Label>) back, m.preparation().names(), rows,
                    m.testRows(), new int[rows.length], m.result().classes());
            assertThat(again.predictedClass()).as(m.result().algorithm()).isEqualTo(original.predictedClass());
            if (original.hasProbabilities()) {
                assertThat(again.probabilities()).isDeepEqualTo(original.probabilities());
            }
        }
    }

    @Test
    void limeExplainsAHeldOutRowOfAProbabilisticModel() {
        Dataset penguins = QualityTest.read("penguins.csv");
        var board = Experiment.run(penguins, setup(penguins, "species", 3, "logistic-regression", "cart", "liblinear"),
                Experiment.Listener.NONE, Progress.NONE);
        ModelRun.TrainedModel lr = board.get("logistic-regression");
        Frame frame = Frame.of(penguins, "species", Task.CLASSIFICATION, board.setup().features());
        Explanation e = Lime.explain(lr, frame, 0, 1);
        String actual = frame.classes.get(lr.holdout().actualClass()[0]);
        assertThat(e.predicted()).isEqualTo(actual);
        assertThat(e.probability()).isGreaterThan(0.5);
        assertThat(e.weights()).isNotEmpty();
        assertThat(e.weights().size()).isLessThanOrEqualTo(8);
        assertThatThrownBy(() -> Lime.explain(board.get("liblinear"), frame, 0, 1)).hasMessageContaining("gives no probabilities");
        // A decision tree's probabilities are its leaf's class shares, so LIME explains it too.
        assertThat(Lime.explain(board.get("cart"), frame, 0, 1).weights()).isNotEmpty();
        var roc = ModelCharts.roc(lr.result(), lr.holdout());
        var first = roc.series().get(0);
        assertThat(first.x()[0]).isZero();
        assertThat(first.x()[first.x().length - 1]).isEqualTo(1.0);
        assertThat(first.y()[first.y().length - 1]).isEqualTo(1.0);
    }

    @Test
    void metricsByHand() {
        // 4 rows, classes a/b: truth a a b b, predicted a b b b; probabilities of b: 0.1 0.6 0.7 0.8.
        Predictions p = new Predictions(new int[]{0, 1, 2, 3}, new int[]{0, 0, 1, 1}, new int[]{0, 1, 1, 1},
                new double[][]{{0.9, 0.1}, {0.4, 0.6}, {0.3, 0.7}, {0.2, 0.8}}, null, null);
        var s = Metrics.scores(p, 2);
        assertThat(s.get("accuracy")).isEqualTo(0.75);
        // recall a = 0.5, recall b = 1: balanced 0.75; F1 a = 2/3, F1 b = 0.8: macro 0.7333...
        assertThat(s.get("balancedAccuracy")).isEqualTo(0.75);
        assertThat(s.get("macroF1")).isCloseTo((2.0 / 3 + 0.8) / 2, org.assertj.core.api.Assertions.within(1e-12));
        // Every b scores above every a: AUC 1.
        assertThat(s.get("auc")).isEqualTo(1.0);
        assertThat(s.get("logLoss")).isCloseTo(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.7) + Math.log(0.8)) / 4,
                org.assertj.core.api.Assertions.within(1e-12));
        Predictions r = new Predictions(new int[]{0, 1, 2}, null, null, null, new double[]{1, 2, 3}, new double[]{1, 2, 5});
        var rs = Metrics.scores(r, 0);
        assertThat(rs.get("rmse")).isCloseTo(Math.sqrt(4.0 / 3), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rs.get("mae")).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rs.get("r2")).isCloseTo(1 - 4.0 / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rs.get("mape")).isCloseTo(100 * (2.0 / 3) / 3, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theCorrectedTTest() {
        // Differences 0.01, 0.02, 0.03, 0.04, 0.05: mean 0.03, variance 0.00025; corrected se = sqrt((1/5 + 1/4) * 0.00025).
        List<java.util.Map<String, Double>> a = new java.util.ArrayList<>();
        List<java.util.Map<String, Double>> b = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            a.add(java.util.Map.of("accuracy", 0.9 + i * 0.01));
            b.add(java.util.Map.of("accuracy", 0.9));
        }
        ModelResult ra = new ModelResult("a", "A", Task.CLASSIFICATION, java.util.Map.of(), false, java.util.Map.of(), null, a,
                null, null, null, List.of(), Importance.Method.NATIVE, 0, 0, 0);
        ModelResult rb = new ModelResult("b", "B", Task.CLASSIFICATION, java.util.Map.of(), false, java.util.Map.of(), null, b,
                null, null, null, List.of(), Importance.Method.NATIVE, 0, 0, 0);
        Comparison c = Comparison.of(ra, rb, "accuracy");
        double t = 0.03 / Math.sqrt((0.2 + 0.25) * 0.00025);
        assertThat(c.t()).isCloseTo(t, org.assertj.core.api.Assertions.within(1e-9));
        // Two-sided p for t = 2.8284 with 4 degrees of freedom (from R: 2 * pt(-2.828427, 4) = 0.04742).
        assertThat(c.pValue()).isCloseTo(0.04742, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void aRandomForestTrainsOnASingleFeatureAndWithEveryFeaturePerSplit() {
        // y follows x: one feature column. Tribuo's random forest refuses a feature fraction of exactly 1, which is
        // what "the square root of 1 feature" and an explicit 1 both asked for.
        StringBuilder csv = new StringBuilder("x,label,amount\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i % 10).append(',').append(i % 10 < 5 ? "low" : "high").append(',').append(2.0 * (i % 10) + 1).append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        for (String target : List.of("label", "amount")) {
            Task task = Features.inferTask(data, target);
            for (Map<String, Double> parameters : List.of(Map.<String, Double>of(), Map.of("featureFraction", 1.0))) {
                TrainingSetup s = new TrainingSetup(target, task, List.of("x"), 0.2, 0, 1,
                        List.of(new AlgorithmChoice("random-forest", parameters, null)), null);
                var board = Experiment.run(data, s, Experiment.Listener.NONE, Progress.NONE);
                assertThat(board.failures()).as(target + " " + parameters).isEmpty();
                // x decides y exactly, so the forest is right on every held-out row.
                ModelResult result = board.get("random-forest").result();
                assertThat(result.holdout().get(task == Task.CLASSIFICATION ? "accuracy" : "r2")).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    @Test
    void featuresTooWideToEncodeAreRefusedBeforeTrainingWithTheColumnNamed() {
        // 12,000 distinct codes as a category: 12,001 one-hot columns, over the 10,000 Baton trains on.
        StringBuilder csv = new StringBuilder("code,x,y\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("c").append(i).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        Frame frame = Frame.of(data, "y", Task.CLASSIFICATION, List.of("code", "x"));
        assertThatThrownBy(() -> frame.checkEncodedSize(Runtime.getRuntime().maxMemory()))
                .isInstanceOf(dev.baton.util.UserException.class)
                .hasMessageContaining("12,003 columns for 12,000 rows").hasMessageContaining("code (12,000 values)");
        // Only x: 2 columns (the value and its missing indicator), but not even those fit in 100 kB.
        Frame narrow = Frame.of(data, "y", Task.CLASSIFICATION, List.of("x"));
        narrow.checkEncodedSize(Runtime.getRuntime().maxMemory());
        assertThatThrownBy(() -> narrow.checkEncodedSize(100_000)).isInstanceOf(dev.baton.util.UserException.class);
    }
}
