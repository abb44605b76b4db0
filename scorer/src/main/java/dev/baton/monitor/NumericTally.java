package dev.baton.monitor;

import dev.baton.bundle.BinLookup;
import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Distributions;
import dev.baton.bundle.ReferenceProfile.Numeric;

/**
 * New values of a numeric column counted on the reference's bins and cumulative points, with their moments: a fixed
 * amount of memory whatever the number of rows.
 */
final class NumericTally {

    private final Numeric reference;
    private final long[] bins;
    /** Values in (points[j-1], points[j]]; the last slot holds values above the last point. */
    private final long[] between;
    private long count;
    private long missing;
    /** Moments about the reference mean, which keeps the sums small and the variance exact enough. */
    private double shiftedSum;
    private double shiftedSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Sums of the distances of values beyond the reference's smallest and largest value: the tails of the Wasserstein distance. */
    private double belowMin;
    private double aboveMax;

    /**
     * For each slot of {@link #between}, the bin of the values in it, when every bin edge is one of the cumulative
     * points (as the quantiles of the reference are): one search per value instead of two. Null otherwise.
     */
    private final int[] binOfSlot;
    private final BinLookup slots;
    private final BinLookup edges;

    NumericTally(Numeric reference) {
        this.reference = reference;
        this.bins = new long[reference.counts().length];
        this.between = new long[reference.points().length + 1];
        this.binOfSlot = slotsToBins(reference.edges(), reference.points());
        this.slots = new BinLookup(reference.points());
        this.edges = new BinLookup(reference.edges());
    }

    private static int[] slotsToBins(double[] edges, double[] points) {
        for (double e : edges) {
            if (java.util.Arrays.binarySearch(points, e) < 0) {
                return null;
            }
        }
        // A value in slot p lies in (points[p-1], points[p]]; with every edge a point, its bin is that of points[p].
        int[] out = new int[points.length + 1];
        for (int p = 0; p < points.length; p++) {
            out[p] = Distributions.bin(edges, points[p]);
        }
        out[points.length] = edges.length;
        return out;
    }

    void add(double v) {
        if (Double.isNaN(v)) {
            missing++;
            return;
        }
        count++;
        int slot = slots.bin(v);
        between[slot]++;
        bins[binOfSlot != null ? binOfSlot[slot] : edges.bin(v)]++;
        double d = v - reference.mean();
        shiftedSum += d;
        shiftedSquares += d * d;
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (reference.count() > 0) {
            if (v < reference.min()) {
                belowMin += reference.min() - v;
            } else if (v > reference.max()) {
                aboveMax += v - reference.max();
            }
        }
    }

    void addMissing(long n) {
        missing += n;
    }

    long count() {
        return count;
    }

    long missing() {
        return missing;
    }

    double belowMin() {
        return belowMin;
    }

    double aboveMax() {
        return aboveMax;
    }

    /** The new values in the reference's form: the same edges and points, this data's counts and cumulative shares. */
    Numeric current() {
        double[] atOrBelow = new double[reference.points().length];
        long running = 0;
        for (int j = 0; j < atOrBelow.length; j++) {
            running += between[j];
            atOrBelow[j] = count == 0 ? 0 : (double) running / count;
        }
        double mean = count == 0 ? 0 : reference.mean() + shiftedSum / count;
        double variance = count > 1 ? (shiftedSquares - shiftedSum * shiftedSum / count) / (count - 1) : 0;
        return new Numeric(count, mean, Math.sqrt(Math.max(0, variance)), count == 0 ? 0 : min, count == 0 ? 0 : max,
                reference.edges(), bins.clone(), reference.points(), atOrBelow);
    }
}
