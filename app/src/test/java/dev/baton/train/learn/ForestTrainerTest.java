package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForestTrainerTest {

    @Test
    void binsCutHalfwayBetweenDistinctValuesAndSendNaNToTheFirstBin() {
        double[] cuts = Bins.cuts(new double[]{3, 1, 2, 2, Double.NaN}, new SplittableRandom(1));
        assertThat(cuts).containsExactly(1.5, 2.5);
        assertThat(Bins.bin(1, cuts)).isZero();
        assertThat(Bins.bin(2, cuts)).isEqualTo(1);
        assertThat(Bins.bin(2.5, cuts)).isEqualTo(1);
        assertThat(Bins.bin(2.6, cuts)).isEqualTo(2);
        assertThat(Bins.bin(99, cuts)).isEqualTo(2);
        assertThat(Bins.bin(Double.NaN, cuts)).isZero();
    }

    @Test
    void manyDistinctValuesGetAtMost256BinsOfAboutEqualRows() {
        double[] column = new double[10_000];
        for (int i = 0; i < column.length; i++) {
            column[i] = i;
        }
        double[] cuts = Bins.cuts(column, new SplittableRandom(1));
        assertThat(cuts.length).isEqualTo(Bins.MAX_BINS - 1);
        byte[] codes = Bins.code(column, cuts);
        int[] counts = new int[Bins.MAX_BINS];
        for (byte b : codes) {
            counts[b & 0xFF]++;
        }
        // 10,000 rows in 256 bins: 39 or 40 each.
        assertThat(Arrays.stream(counts).min().getAsInt()).isGreaterThanOrEqualTo(39);
        assertThat(Arrays.stream(counts).max().getAsInt()).isLessThanOrEqualTo(40);
    }

    @Test
    void aTreeSplitsWhereTheClassesChangeAndTheLeavesHoldTheirShares() {
        // x = 0..9; class "a" below 4, "b" from 4 on, except that row 9 is "a": the best first split is x <= 3.5
        // (Gini), then x <= 8.5 separates the last row.
        double[][] columns = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}};
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1, 1, 0};
        Forest forest = new ForestTrainer<Label>(1, 0, 1, 1.0, false, false, 7).grow(columns, labels, null, 2, 0);
        Tree tree = forest.trees[0];
        assertThat(tree.feature()[0]).isZero();
        assertThat(tree.threshold()[0]).isEqualTo(3.5);
        double[] out = new double[2];
        forest.predict(new double[]{2, 5}, out);
        assertThat(out).containsExactly(1, 0);
        forest.predict(new double[]{6, 5}, out);
        assertThat(out).containsExactly(0, 1);
        forest.predict(new double[]{9, 5}, out);
        assertThat(out).containsExactly(1, 0);
        // NaN goes left, as it was binned: to the x <= 3.5 side.
        forest.predict(new double[]{Double.NaN, 5}, out);
        assertThat(out).containsExactly(1, 0);
        // Only x ever split: all the importance is x's; the constant column has none.
        assertThat(forest.importance).containsExactly(1, 0);
        // With at least 3 rows per leaf the lone "a" at 9 stays in a mixed leaf: 5 b's and 1 a after x <= 3.5.
        Forest coarse = new ForestTrainer<Label>(1, 0, 3, 1.0, false, false, 7).grow(columns, labels, null, 2, 0);
        coarse.predict(new double[]{9, 5}, out);
        assertThat(out[0]).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void extraTreesSplitAtRandomYetSeparateCleanClassesAndMeanValues() {
        double[][] columns = new double[2][100];
        int[] labels = new int[100];
        double[] targets = new double[100];
        for (int i = 0; i < 100; i++) {
            columns[0][i] = i;
            columns[1][i] = (i * 37) % 100;
            labels[i] = i >= 50 ? 1 : 0;
            targets[i] = i >= 50 ? 7 : -3;
        }
        Forest classes = new ForestTrainer<Label>(10, 0, 1, 1.0, false, true, 3).grow(columns, labels, null, 2, 0);
        Forest values = new ForestTrainer<org.tribuo.regression.Regressor>(10, 0, 1, 1.0, false, true, 3).grow(columns, null, targets, 1, 0);
        double[] out = new double[2];
        for (int i = 0; i < 100; i++) {
            classes.predict(new double[]{columns[0][i], columns[1][i]}, out);
            assertThat(out[labels[i]]).as("row %d", i).isEqualTo(1.0);
            values.predict(new double[]{columns[0][i], columns[1][i]}, out);
            assertThat(out[0]).as("row %d", i).isCloseTo(targets[i], within(1e-9));
        }
        // Random split points: two seeds give two different first splits.
        Forest other = new ForestTrainer<Label>(10, 0, 1, 1.0, false, true, 4).grow(columns, labels, null, 2, 0);
        assertThat(other.trees[0].threshold()[0]).isNotEqualTo(classes.trees[0].threshold()[0]);
    }

    @Test
    void aRegressionTreeLeafHoldsTheMeanOfItsRows() {
        double[][] columns = {{1, 2, 3, 4, 5, 6}};
        double[] targets = {2, 2, 2, 10, 11, 12};
        Forest forest = new ForestTrainer<org.tribuo.regression.Regressor>(1, 1, 1, 1.0, false, false, 3)
                .grow(columns, null, targets, 1, 0);
        double[] out = new double[1];
        forest.predict(new double[]{1.5}, out);
        assertThat(out[0]).isEqualTo(2.0);
        forest.predict(new double[]{100}, out);
        assertThat(out[0]).isCloseTo(11.0, within(1e-6));
        assertThat(forest.trees[0].threshold()[0]).isEqualTo(3.5);
    }

    /**
     * A fully grown tree (leaves of one row, every feature examined) fits every training row exactly when no two rows
     * share all their bins. Many one-hot columns make features constant deep in the tree; a node that reordered its
     * known constants without putting them back once left its sibling skipping features that were not constant there,
     * and the sibling stopped early with rows of different targets in one leaf.
     */
    @Test
    void fullyGrownTreesSeparateEveryDistinctRowDespiteManyOneHotColumns() {
        int n = 3000;
        int levels = 40;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[][] columns = new double[levels + 2][n];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            int level = random.nextInt(levels);
            columns[level][i] = 1;
            // Two numbers of at most 200 values each, so every value has its own bin; rows distinct by construction.
            columns[levels][i] = i % 200;
            columns[levels + 1][i] = i / 200 + 100 * (level % 2);
            targets[i] = level * 3 + (i % 200) * 0.1 + random.nextDouble();
        }
        for (boolean extra : new boolean[]{false, true}) {
            for (long seed = 1; seed <= 5; seed++) {
                Forest forest = new ForestTrainer<org.tribuo.regression.Regressor>(1, 0, 1, 1.0, false, extra, seed)
                        .grow(columns, null, targets, 1, 0);
                double[] row = new double[levels + 2];
                double[] out = new double[1];
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < row.length; f++) {
                        row[f] = columns[f][i];
                    }
                    forest.predict(row, out);
                    assertThat(out[0]).as("row %d, %s, seed %d", i, extra ? "extra tree" : "tree", seed).isCloseTo(targets[i], within(1e-4));
                }
            }
        }
    }

    /**
     * The ONNX graph of a tree, run by ONNX Runtime: the split at 3.5 between the means 2 and 11 (by hand), with a
     * missing value going the way of "not above the threshold", as in Java; and a forest's class shares averaged.
     */
    @Test
    void onnxRuntimeScoresTheExportedTreesAsJavaDoes() throws Exception {
        double[][] columns = {{1, 2, 3, 4, 5, 6}};
        Forest tree = new ForestTrainer<org.tribuo.regression.Regressor>(1, 1, 1, 1.0, false, false, 3)
                .grow(columns, null, new double[]{2, 2, 2, 10, 11, 12}, 1, 0);
        float[][] values = run(ForestOnnx.model(tree, false, "test", 1, "tree", false).toByteArray(), new float[][]{{1.5f}, {100f}, {Float.NaN}},
                ForestOnnx.PREDICTION);
        assertThat(values[0][0]).isEqualTo(2f);
        assertThat(values[1][0]).isCloseTo(11f, within(1e-5f));
        assertThat(values[2][0]).isEqualTo(2f);

        double[][] two = {{0, 0, 0, 1, 1, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 1, 0}};
        int[] labels = {0, 0, 0, 1, 1, 1, 0, 1};
        Forest forest = new ForestTrainer<Label>(7, 0, 1, 0, true, false, 5).grow(two, labels, null, 2, 0);
        float[][] rows = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        float[][] shares = run(ForestOnnx.model(forest, true, "test", 1, "forest", false).toByteArray(), rows, ForestOnnx.PROBABILITIES);
        for (int i = 0; i < rows.length; i++) {
            double[] java = new double[2];
            forest.predict(new double[]{rows[i][0], rows[i][1]}, java);
            assertThat(shares[i][0]).as("row %d", i).isCloseTo((float) java[0], within(1e-6f));
            assertThat(shares[i][1]).as("row %d", i).isCloseTo((float) java[1], within(1e-6f));
        }
    }

    /**
     * Two groups 2e-10 apart split between them; a value between the threshold and the group above goes up in Java.
     * With float thresholds all of it rounds to 1.0f and goes down (onnxruntime issue 4130); with double thresholds
     * and a double input, as the whole-pipeline graph has them, it goes up as in Java.
     */
    @Test
    void doubleThresholdsSplitAsJavaDoes() throws Exception {
        double lo = 1.0000000001;
        double hi = 1.0000000003;
        Forest tree = new ForestTrainer<org.tribuo.regression.Regressor>(1, 1, 1, 1.0, false, false, 3)
                .grow(new double[][]{{lo, lo, lo, hi, hi, hi}}, null, new double[]{2, 2, 2, 10, 10, 10}, 1, 0);
        double between = 1.00000000025;
        double[] inJava = new double[1];
        tree.predict(new double[]{between}, inJava);
        assertThat(inJava[0]).isEqualTo(10);
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(ForestOnnx.model(tree, false, "test", 1, "tree", true).toByteArray(),
                new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OnnxTensor input = ai.onnxruntime.OnnxTensor.createTensor(env, new double[][]{{between}, {lo}, {Double.NaN}});
             ai.onnxruntime.OrtSession.Result result = session.run(java.util.Map.of(ForestOnnx.INPUT, input))) {
            float[][] values = (float[][]) result.get(ForestOnnx.PREDICTION).get().getValue();
            assertThat(values[0][0]).isEqualTo(10f);
            assertThat(values[1][0]).isEqualTo(2f);
            assertThat(values[2][0]).isEqualTo(2f); // missing goes where Java sends it
        }
        assertThat(run(ForestOnnx.model(tree, false, "test", 1, "tree", false).toByteArray(), new float[][]{{(float) between}},
                ForestOnnx.PREDICTION)[0][0]).isEqualTo(2f); // the float graph's trap, for the record
    }

    private static float[][] run(byte[] graph, float[][] rows, String output) throws Exception {
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        try (ai.onnxruntime.OrtSession session = env.createSession(graph, new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OnnxTensor input = ai.onnxruntime.OnnxTensor.createTensor(env, rows);
             ai.onnxruntime.OrtSession.Result result = session.run(java.util.Map.of(ForestOnnx.INPUT, input))) {
            return (float[][]) result.get(output).orElseThrow().getValue();
        }
    }

    @Test
    void theSameSeedGrowsTheSameForestAndADifferentSeedAnother() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] columns = new double[6][2_000];
        int[] labels = new int[2_000];
        for (int i = 0; i < 2_000; i++) {
            for (double[] c : columns) {
                c[i] = random.nextGaussian();
            }
            labels[i] = columns[0][i] + columns[1][i] + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
        }
        Forest a = new ForestTrainer<Label>(20, 0, 1, 0, true, false, 11).grow(columns, labels, null, 2, 0);
        Forest b = new ForestTrainer<Label>(20, 0, 1, 0, true, false, 11).grow(columns, labels, null, 2, 0);
        Forest c = new ForestTrainer<Label>(20, 0, 1, 0, true, false, 12).grow(columns, labels, null, 2, 0);
        for (int t = 0; t < 20; t++) {
            assertThat(a.trees[t].threshold()).isEqualTo(b.trees[t].threshold());
            assertThat(a.trees[t].values()).isEqualTo(b.trees[t].values());
        }
        assertThat(a.trees[0].threshold()).isNotEqualTo(c.trees[0].threshold());
        // The two informative columns carry most of the importance.
        assertThat(a.importance[0] + a.importance[1]).isGreaterThan(0.5);
    }

    @Test
    void theModelKeepsItsTreesThroughTribuosFileFormatAndRefusesADamagedOne() throws Exception {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            data.add(new ArrayExample<>(new Label(x > y ? "above" : "below"), new String[]{"x", "y"}, new double[]{x, y}));
        }
        ForestModel<Label> model = new ForestTrainer<Label>(10, 0, 1, 0, true, false, 1).train(data);
        ModelProto proto = model.serialize();
        @SuppressWarnings("unchecked")
        Model<Label> back = (Model<Label>) Model.deserialize(ModelProto.parseFrom(proto.toByteArray()));
        for (var example : data) {
            Prediction<Label> p = model.predict(example);
            Prediction<Label> q = back.predict(example);
            assertThat(q.getOutput().getLabel()).isEqualTo(p.getOutput().getLabel());
            assertThat(q.getOutputScores().get("above").getScore()).isEqualTo(p.getOutputScores().get("above").getScore());
        }
        double[][] dense = model.predict(new String[]{"y", "x"}, new double[][]{{0.9, 0.1}, {0.1, 0.9}});
        int above = model.outputNames().indexOf("above");
        assertThat(dense[0][above]).isLessThan(0.5);
        assertThat(dense[1][above]).isGreaterThan(0.5);

        // The first tree's root made to point at itself: refused, not a loop.
        byte[] bytes = proto.getSerializedData().unpack(BytesValue.class).getValue().toByteArray();
        byte[] damaged = bytes.clone();
        int root = rootOfFirstTree(damaged);
        java.nio.ByteBuffer.wrap(damaged).putInt(root + 4 + 8, 0);
        ModelProto bad = proto.toBuilder().setSerializedData(Any.pack(BytesValue.of(ByteString.copyFrom(damaged)))).build();
        assertThatThrownBy(() -> Model.deserialize(bad)).hasStackTraceContaining("points outside the tree");
        // Cut short: refused with a message, not an endless read.
        ModelProto cut = proto.toBuilder().setSerializedData(Any.pack(BytesValue.of(ByteString.copyFrom(bytes, 0, bytes.length / 2)))).build();
        assertThatThrownBy(() -> Model.deserialize(cut)).hasStackTraceContaining("The forest model is cut short or damaged");
    }

    /** The offset of the first tree's first node (feature, threshold, left, right) in the stored bytes. */
    private static int rootOfFirstTree(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        in.getInt(); // magic
        int meta = in.getInt();
        in.position(in.position() + meta);
        in.getInt(); // outputs
        int features = in.getInt();
        in.position(in.position() + 8 * features);
        in.getInt(); // trees
        in.getInt(); // nodes of the first tree
        return in.position();
    }

    @Test
    void featuresPerSplitIsTheSquareRootByDefaultRoundedDownAndAtLeastOne() {
        assertThat(ForestTrainer.featuresPerSplit(0, 100)).isEqualTo(10);
        assertThat(ForestTrainer.featuresPerSplit(0, 1)).isEqualTo(1);
        assertThat(ForestTrainer.featuresPerSplit(0.01, 20)).isEqualTo(1);
        assertThat(ForestTrainer.featuresPerSplit(1.0, 20)).isEqualTo(20);
        assertThat(ForestTrainer.featuresPerSplit(1.0 / 3, 118)).isEqualTo(39);
        assertThat(ForestTrainer.featuresPerSplit(0, 118)).isEqualTo(10); // not 11: rounded down, as scikit-learn
        assertThat(ForestTrainer.featuresPerSplit(1.0 / 3, 9)).isEqualTo(3);
    }
}
