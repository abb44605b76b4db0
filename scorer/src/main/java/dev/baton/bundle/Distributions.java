package dev.baton.bundle;

import dev.baton.bundle.ReferenceProfile.Categories;
import dev.baton.bundle.ReferenceProfile.Numeric;
import dev.baton.bundle.ReferenceProfile.ValueCount;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reference distributions made from every value of a column: quantile bins, cumulative points, top categories. */
public final class Distributions {

    /** Quantile bins of a numeric input column (fewer when values repeat). */
    public static final int BINS = 20;
    /** Quantile bins of predicted values (the held-out rows are few). */
    public static final int OUTPUT_BINS = 10;
    /** Points of the cumulative distribution kept for the Wasserstein distance. */
    static final int POINTS = 201;
    /** Fixed edges of a class probability's bins: ten bins of 0.1. */
    public static final double[] PROBABILITY_EDGES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Distributions() {
    }

    /** Values in {@code bins} quantile bins; {@code values} holds no NaN and is not changed. */
    public static Numeric quantileBins(double[] values, int bins) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] edges = new double[Math.max(0, bins - 1)];
        int e = 0;
        for (int k = 1; k < bins && n > 0; k++) {
            double q = sorted[(int) Math.ceil((double) k * n / bins) - 1]; // the k/bins quantile (inverted CDF)
            if (e == 0 || q > edges[e - 1]) {
                edges[e++] = q;
            }
        }
        return of(sorted, Arrays.copyOf(edges, e));
    }

    /** Values on given bin edges (probabilities on tenths); {@code values} holds no NaN and is not changed. */
    public static Numeric fixedBins(double[] values, double[] edges) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return of(sorted, edges.clone());
    }

    private static Numeric of(double[] sorted, double[] edges) {
        int n = sorted.length;
        long[] counts = new long[edges.length + 1];
        double sum = 0;
        for (double v : sorted) {
            counts[bin(edges, v)]++;
            sum += v;
        }
        if (n == 0) {
            return new Numeric(0, 0, 0, 0, 0, edges, counts, new double[0], new double[0]);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : sorted) {
            ss += (v - mean) * (v - mean);
        }
        double[] points = points(sorted);
        double[] atOrBelow = new double[points.length];
        for (int j = 0; j < points.length; j++) {
            atOrBelow[j] = (double) upperBound(sorted, points[j]) / n;
        }
        return new Numeric(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, sorted[0], sorted[n - 1], edges, counts, points, atOrBelow);
    }

    /** Every distinct value when there are at most {@link #POINTS}; else the 0%, 0.5%, ..., 100% quantiles. */
    private static double[] points(double[] sorted) {
        int n = sorted.length;
        double[] distinct = new double[POINTS];
        int d = 0;
        for (double v : sorted) {
            if (d > 0 && v == distinct[d - 1]) {
                continue;
            }
            if (d == POINTS) {
                d = -1;
                break;
            }
            distinct[d++] = v;
        }
        if (d >= 0) {
            return Arrays.copyOf(distinct, d);
        }
        double[] q = new double[POINTS];
        int m = 0;
        for (int j = 0; j < POINTS; j++) {
            double v = j == 0 ? sorted[0] : sorted[(int) Math.ceil((double) j * n / (POINTS - 1)) - 1];
            if (m == 0 || v > q[m - 1]) {
                q[m++] = v;
            }
        }
        return Arrays.copyOf(q, m);
    }

    /** The bin of a value: bins are closed on the right, (edges[i-1], edges[i]]. */
    public static int bin(double[] edges, double v) {
        int at = Arrays.binarySearch(edges, v);
        return at >= 0 ? at : -at - 1;
    }

    /** How many values are at or below v. */
    static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The most frequent categories (ties by value, so the result is deterministic), the rest summed. */
    public static Categories categories(Map<String, Long> counts) {
        List<ValueCount> all = new ArrayList<>();
        counts.forEach((v, c) -> all.add(new ValueCount(v, c)));
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        List<ValueCount> top = all.subList(0, Math.min(Categories.TOP, all.size()));
        long other = 0;
        for (ValueCount vc : all.subList(top.size(), all.size())) {
            other += vc.count();
        }
        return new Categories(top, other);
    }
}
