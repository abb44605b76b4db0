package dev.baton.train.learn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Feature values cut into at most 256 ordered bins, as histogram-based tree learners do (LightGBM, scikit-learn's
 * HistGradientBoosting): a split then only has to look at bin boundaries, and a node's rows are counted per bin in
 * one pass instead of being sorted. A column with few distinct values gets one bin per value, so binary and small
 * integer features lose nothing; other columns are cut at quantiles.
 * <p>
 * Bin {@code b} holds the values {@code v <= cut[b]} above the previous cut; the cuts lie halfway between two values
 * seen in training, and a split "bin &lt;= b" is the raw comparison {@code v <= cut[b]}, which is what the tree
 * keeps. NaN goes to bin 0 and, at prediction, left: {@code !(v > cut)}.
 */
final class Bins {

    static final int MAX_BINS = 256;
    /** Cuts are found on at most this many rows (scikit-learn's HistGradientBoosting uses 200,000 as well). */
    private static final int SAMPLE = 200_000;

    /** [feature][row] the bin, as an unsigned byte. */
    final byte[][] codes;
    /** [feature] the cuts between consecutive bins; bins = cuts + 1. */
    final double[][] cuts;

    private Bins(byte[][] codes, double[][] cuts) {
        this.codes = codes;
        this.cuts = cuts;
    }

    int features() {
        return codes.length;
    }

    int bins(int feature) {
        return cuts[feature].length + 1;
    }

    /** Bins every column ([feature][row]); columns are binned independently, so on all cores. */
    static Bins of(double[][] columns, long seed) {
        int p = columns.length;
        byte[][] codes = new byte[p][];
        double[][] cuts = new double[p][];
        dev.baton.util.Parallel.forEach(p, f -> {
            cuts[f] = cuts(columns[f], new SplittableRandom(seed + f));
            codes[f] = code(columns[f], cuts[f]);
        });
        return new Bins(codes, cuts);
    }

    static double[] cuts(double[] column, SplittableRandom random) {
        double[] few = fewDistinct(column);
        if (few != null) {
            double[] cuts = new double[Math.max(0, few.length - 1)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = between(few[i], few[i + 1]);
            }
            return cuts;
        }
        double[] sorted = sample(column, random);
        Arrays.sort(sorted);
        int m = sorted.length;
        while (m > 0 && Double.isNaN(sorted[m - 1])) {
            m--;
        }
        double[] values = new double[m];
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[distinct++] = sorted[i];
            }
        }
        if (distinct <= MAX_BINS) {
            double[] cuts = new double[Math.max(0, distinct - 1)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = between(values[i], values[i + 1]);
            }
            return cuts;
        }
        // Quantiles of the rows (not of the distinct values), so that bins hold about as many rows each.
        double[] cuts = new double[MAX_BINS - 1];
        int count = 0;
        for (int k = 1; k < MAX_BINS; k++) {
            double v = sorted[Math.max(0, (int) ((long) k * m / MAX_BINS) - 1)];
            int next = Arrays.binarySearch(values, 0, distinct, v) + 1;
            if (next <= 0 || next >= distinct) {
                continue;
            }
            double cut = between(v, values[next]);
            if (count == 0 || cut > cuts[count - 1]) {
                cuts[count++] = cut;
            }
        }
        return Arrays.copyOf(cuts, count);
    }

    /**
     * The column's distinct values other than NaN, sorted, when there are at most {@link #MAX_BINS} of them (one-hot
     * and small integer columns, found in one pass without sorting the column); otherwise null.
     */
    static double[] fewDistinct(double[] column) {
        int capacity = 1024; // a power of two, well above MAX_BINS, so the open-addressed table stays sparse
        long[] table = new long[capacity];
        boolean[] used = new boolean[capacity];
        int distinct = 0;
        for (double v : column) {
            if (Double.isNaN(v)) {
                continue;
            }
            long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v); // -0.0 and 0.0 are one value
            int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) & (capacity - 1);
            while (used[slot] && table[slot] != bits) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (!used[slot]) {
                if (++distinct > MAX_BINS) {
                    return null;
                }
                used[slot] = true;
                table[slot] = bits;
            }
        }
        double[] values = new double[distinct];
        int at = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (used[slot]) {
                values[at++] = Double.longBitsToDouble(table[slot]);
            }
        }
        java.util.Arrays.sort(values);
        return values;
    }

    /** A value in [a, b): halfway, unless rounding would make it b. */
    private static double between(double a, double b) {
        double mid = a + (b - a) / 2;
        return mid < b && mid >= a ? mid : a;
    }

    private static double[] sample(double[] column, SplittableRandom random) {
        if (column.length <= SAMPLE) {
            return column.clone();
        }
        double[] out = new double[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            out[i] = column[random.nextInt(column.length)];
        }
        return out;
    }

    static byte[] code(double[] column, double[] cuts) {
        byte[] out = new byte[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = (byte) bin(column[i], cuts);
        }
        return out;
    }

    /** The first bin whose cut is at least v (the last bin when none is); NaN is bin 0. */
    static int bin(double v, double[] cuts) {
        if (Double.isNaN(v)) {
            return 0;
        }
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= cuts[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
