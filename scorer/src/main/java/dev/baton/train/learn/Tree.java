package dev.baton.train.learn;

/**
 * One fitted tree as flat arrays, node 0 the root. An inner node sends a row left when its feature's value is not
 * above the threshold (so NaN goes left, as it was binned); a leaf has feature -1 and {@code left} indexes its
 * {@code outputs} values (class shares, or the mean target) in {@code values}.
 */
record Tree(int[] feature, double[] threshold, int[] left, int[] right, float[] values, int outputs) {

    int nodes() {
        return feature.length;
    }

    /** The offset in {@link #values} of the leaf that row {@code x} falls into. */
    int leaf(double[] x) {
        int node = 0;
        int f;
        while ((f = feature[node]) >= 0) {
            node = x[f] > threshold[node] ? right[node] : left[node];
        }
        return left[node] * outputs;
    }
}
