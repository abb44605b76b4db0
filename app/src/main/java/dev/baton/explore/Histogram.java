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
        Binning binning = binning(sorted[0], sorted[sorted.length - 1], bins);
        for (double v : sorted) {
            binning.add(v, 1);
        }
        return binning.histogram(sorted.length);
    }

    /** Equal-width bins over [min, max], filled value by value (a value may stand for several rows). */
    static Binning binning(double min, double max, int bins) {
        return new Binning(min, max, min == max ? 1 : Math.max(1, bins));
    }

    static final class Binning {
        private final double min;
        private final double max;
        private final double width;
        private final long[] counts;

        private Binning(double min, double max, int bins) {
            this.min = min;
            this.max = max;
            this.width = (max - min) / bins;
            this.counts = new long[bins];
        }

        void add(double value, long count) {
            if (width > 0) {
                counts[Math.min(counts.length - 1, (int) ((value - min) / width))] += count;
            }
        }

        Histogram histogram(long total) {
            if (min == max) {
                return new Histogram(List.of(min, max), List.of(total));
            }
            int k = counts.length;
            Double[] edges = new Double[k + 1];
            for (int i = 0; i <= k; i++) {
                edges[i] = i == k ? max : min + width * i;
            }
            return new Histogram(List.of(edges), java.util.Arrays.stream(counts).boxed().toList());
        }
    }

    /** Sturges' rule, capped: enough bins to show the shape, few enough to read. */
    public static int defaultBins(long n) {
        return (int) Math.max(5, Math.min(50, Math.ceil(Math.log(Math.max(1, n)) / Math.log(2)) + 1));
    }
}
