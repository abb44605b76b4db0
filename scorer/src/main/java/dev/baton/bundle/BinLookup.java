package dev.baton.bundle;

import java.util.Arrays;

/**
 * {@link Distributions#bin} over one fixed array of strictly increasing values, for a value at a time: the same
 * answer, without a full binary search per value. Drift counts every value of every numeric column into its
 * reference's 201 cumulative points, and the search was a third of the work.
 *
 * <p>The values' range is cut into equal buckets and each bucket knows which values fall in it. A bucket is computed
 * by the same arithmetic for the array's values and for a looked-up value, and that arithmetic never reverses the
 * order of two numbers; so every value of a lower bucket is below the looked-up one and every value of a higher
 * bucket above it, and the answer lies among the few values of the looked-up value's own bucket, where the ordinary
 * search (with its order of -0.0 before 0.0) finishes.
 */
public final class BinLookup {

    private static final int BUCKETS = 1024;
    /** Up to this many candidates are scanned in order: cheaper than a search's unpredictable branches. */
    private static final int SCAN = 8;

    private final double[] values;
    /** {@code start[k]}: how many values lie in buckets below {@code k}; {@code start[BUCKETS]} is all of them. Null: no buckets. */
    private final int[] start;
    private final double low;
    private final double scale;

    /** {@code values} strictly increasing, no NaN; kept, not copied. */
    public BinLookup(double[] values) {
        this.values = values;
        int n = values.length;
        double lo = n > 0 ? values[0] : 0;
        double hi = n > 0 ? values[n - 1] : 0;
        double s = BUCKETS / (hi - lo);
        if (n <= SCAN || !Double.isFinite(lo) || !Double.isFinite(hi) || !(s > 0) || !Double.isFinite(s)) {
            // Few values (scanned), infinite ends, or a range too narrow to divide.
            this.start = null;
            this.low = 0;
            this.scale = 0;
            return;
        }
        this.low = lo;
        this.scale = s;
        this.start = new int[BUCKETS + 1];
        int i = 0;
        for (int k = 0; k <= BUCKETS; k++) {
            while (i < n && bucket(values[i]) < k) {
                i++;
            }
            start[k] = i;
        }
    }

    private int bucket(double v) {
        double at = (v - low) * scale;
        // The cast of a NaN (never given) or of a negative number is below 0, of a huge one MAX_VALUE: both clamped.
        return at <= 0 ? 0 : Math.min((int) at, BUCKETS - 1);
    }

    /** {@link Distributions#bin}(values, v) for a v that is not NaN. */
    public int bin(double v) {
        int from = 0;
        int to = values.length;
        if (start != null) {
            int k = bucket(v);
            from = start[k];
            to = start[k + 1];
        }
        if (to - from <= SCAN) {
            // The search's answer in a strictly increasing array: how many values are below v in Double.compare's order.
            int i = from;
            while (i < to && Double.compare(values[i], v) < 0) {
                i++;
            }
            return i;
        }
        int at = Arrays.binarySearch(values, from, to, v);
        return at >= 0 ? at : -at - 1;
    }
}
