package dev.baton.explore;

import java.util.List;

/**
 * Counts of values in equal-width bins: bin i covers [edges[i], edges[i+1]), the last bin includes its right edge.
 */
public record Histogram(List<Double> edges, List<Long> counts) {

    /** Bins a sorted array of values. */
    public static Histogram of(double[] sorted, int bins) {
        if (sorted.length == 0) {
            return new Histogram(List.of(), List.of());
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (min == max) {
            return new Histogram(List.of(min, max), List.of((long) sorted.length));
        }
        int k = Math.max(1, bins);
        double width = (max - min) / k;
        Double[] edges = new Double[k + 1];
        for (int i = 0; i <= k; i++) {
            edges[i] = i == k ? max : min + width * i;
        }
        long[] counts = new long[k];
        for (double v : sorted) {
            counts[Math.min(k - 1, (int) ((v - min) / width))]++;
        }
        return new Histogram(List.of(edges), java.util.Arrays.stream(counts).boxed().toList());
    }

    /** Sturges' rule, capped: enough bins to show the shape, few enough to read. */
    public static int defaultBins(long n) {
        return (int) Math.max(5, Math.min(50, Math.ceil(Math.log(Math.max(1, n)) / Math.log(2)) + 1));
    }
}
