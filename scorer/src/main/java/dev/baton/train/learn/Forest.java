package dev.baton.train.learn;

/**
 * Trees whose outputs are averaged: class shares for classification (soft voting, as scikit-learn's forests do),
 * the value for regression. A single decision tree is a forest of one.
 */
final class Forest {

    final Tree[] trees;
    final int outputs;
    final int features;
    /** Mean decrease in impurity per feature, summing to 1 (all zero when no tree split). */
    final double[] importance;

    Forest(Tree[] trees, int outputs, int features, double[] importance) {
        this.trees = trees;
        this.outputs = outputs;
        this.features = features;
        this.importance = importance;
    }

    /** Writes the averaged outputs for row {@code x} (features in training order) into {@code out}. */
    void predict(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, outputs, 0);
        for (Tree t : trees) {
            int at = t.leaf(x);
            float[] v = t.values();
            for (int k = 0; k < outputs; k++) {
                out[k] += v[at + k];
            }
        }
        for (int k = 0; k < outputs; k++) {
            out[k] /= trees.length;
        }
    }

    /** Outputs for many rows, on all cores for large batches. */
    double[][] predict(double[][] rows) {
        double[][] out = new double[rows.length][outputs];
        int chunk = 2048;
        int parts = (rows.length + chunk - 1) / chunk;
        dev.baton.util.Parallel.forEach(parts, p -> {
            for (int i = p * chunk, end = Math.min(rows.length, (p + 1) * chunk); i < end; i++) {
                predict(rows[i], out[i]);
            }
        });
        return out;
    }
}
