package dev.baton.monitor;

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

    NumericTally(Numeric reference) {
        this.reference = reference;
        this.bins = new long[reference.counts().length];
        this.between = new long[reference.points().length + 1];
    }

    void add(double v) {
        if (Double.isNaN(v)) {
            missing++;
            return;
        }
        count++;
        bins[Distributions.bin(reference.edges(), v)]++;
        between[Distributions.bin(reference.points(), v)]++;
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
