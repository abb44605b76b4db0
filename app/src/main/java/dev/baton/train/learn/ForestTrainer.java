package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random forests, extra trees and single decision trees, for classification (Gini) and regression (squared error),
 * grown on binned features ({@link Bins}) on all cores. A Tribuo trainer, so the rest of Baton (datasets,
 * provenance, the model file inside a bundle) treats it like any other; Tribuo's own tree trainers sort every
 * node's rows per feature and took minutes where this takes seconds (docs/decisions/0008).
 * <p>
 * Each tree's seed is drawn from the trainer's seed in order before any tree is grown, so the forest is the same
 * whatever the number of cores.
 */
public final class ForestTrainer<T extends Output<T>> extends OwnTrainer<T> {

    @Config(description = "Number of trees.")
    private int trees = 100;
    @Config(description = "Maximum depth; 0 for unlimited.")
    private int maxDepth = 0;
    @Config(description = "Fewest rows (bootstrap copies counted) in a leaf.")
    private int minLeaf = 1;
    @Config(description = "Fraction of the features each split considers; 0 for the square root of their number.")
    private double featureFraction = 0;
    @Config(description = "Grow each tree on a bootstrap sample of the rows.")
    private boolean bootstrap = true;
    @Config(description = "Draw one split point per feature at random (extra trees) instead of searching for the best.")
    private boolean randomSplits = false;
    @Config(description = "Seed of the random numbers.")
    private long seed = 12345L;

    /** For OLCUT's configuration system. */
    private ForestTrainer() {
    }

    public ForestTrainer(int trees, int maxDepth, int minLeaf, double featureFraction, boolean bootstrap, boolean randomSplits, long seed) {
        if (trees < 1 || minLeaf < 1 || maxDepth < 0 || featureFraction < 0 || featureFraction > 1) {
            throw new IllegalArgumentException("trees and minLeaf must be at least 1, maxDepth at least 0, featureFraction in [0, 1]");
        }
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
        this.featureFraction = featureFraction;
        this.bootstrap = bootstrap;
        this.randomSplits = randomSplits;
        this.seed = seed;
    }

    /**
     * The features a split draws among {@code features}: the fraction given, or the square root; rounded down, at
     * least one (as scikit-learn's {@code max_features}).
     */
    static int featuresPerSplit(double fraction, int features) {
        double wanted = fraction > 0 ? fraction * features : Math.sqrt(features);
        return (int) Math.max(1, Math.min(features, Math.floor(wanted + 1e-9)));
    }

    @Override
    public ForestModel<T> train(Dataset<T> data) {
        return train(data, Map.of());
    }

    @Override
    public ForestModel<T> train(Dataset<T> data, Map<String, Provenance> runProvenance) {
        TrainingData<T> arrays = TrainingData.of(data);
        Invocation call = startTraining();
        TrainerProvenance provenance = call.provenance();
        int invocation = call.number();
        Forest forest = grow(arrays.columns(), arrays.labels(), arrays.targets(), arrays.classes(), invocation);
        ModelProvenance modelProvenance = new ModelProvenance(ForestModel.class.getName(), trainedAt(),
                data.getProvenance(), provenance, runProvenance);
        return new ForestModel<>(trees == 1 ? "decision-tree" : "forest", modelProvenance, arrays.features(), arrays.outputs(), forest);
    }

    /** Grows the forest on columns ([feature][row]) with class indices or targets. */
    Forest grow(double[][] columns, int[] labels, double[] targets, int outputs, int invocation) {
        SplittableRandom random = new SplittableRandom(seed + 7919L * invocation);
        Bins bins = Bins.of(columns, random.nextLong());
        int p = columns.length;
        TreeGrower.Settings settings = new TreeGrower.Settings(maxDepth == 0 ? Integer.MAX_VALUE : maxDepth, minLeaf,
                featuresPerSplit(featureFraction, p), bootstrap, randomSplits);
        TreeGrower grower = new TreeGrower(bins, labels, targets, outputs, settings);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = random.nextLong();
        }
        Tree[] grown = new Tree[trees];
        double[][] importances = new double[trees][p];
        // A cancelled training interrupts the thread that called; the helpers see the flag and stop too.
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        dev.baton.util.Parallel.forEach(trees, t -> {
            if (stop.get() || Thread.currentThread().isInterrupted()) {
                stop.set(true);
                throw new dev.baton.util.CancelledException();
            }
            grown[t] = grower.grow(seeds[t], importances[t]);
        });
        // As scikit-learn: each tree's decreases normalised, averaged over the trees, normalised again.
        double[] importance = new double[p];
        for (double[] tree : importances) {
            double sum = java.util.Arrays.stream(tree).sum();
            for (int f = 0; f < p && sum > 0; f++) {
                importance[f] += tree[f] / sum;
            }
        }
        double total = java.util.Arrays.stream(importance).sum();
        for (int f = 0; f < p && total > 0; f++) {
            importance[f] /= total;
        }
        return new Forest(grown, outputs, p, importance);
    }

    @Override
    public String toString() {
        return "ForestTrainer(trees=" + trees + ", maxDepth=" + maxDepth + ", minLeaf=" + minLeaf + ", featureFraction="
                + featureFraction + ", bootstrap=" + bootstrap + ", randomSplits=" + randomSplits + ", seed=" + seed + ")";
    }
}
