package dev.baton.explore;

import dev.baton.data.ColumnType;
import it.unimi.dsi.fastutil.doubles.DoubleArrays;

/**
 * A numeric column's filled values as its distinct values in ascending order, each with how many rows hold it:
 * every statistic of the profile (order statistics, moments, most frequent values, the histogram) follows from
 * them. Values that are whole numbers of a unit (1, 0.1, ... 0.0001) over a narrow range (ages, counts, scores,
 * temperatures) are counted, with no sort and no pass over the rows after the count; others are sorted first.
 */
record DistinctValues(double[] values, int[] counts, int total) {

    private static final double[] WHOLE = {1};
    private static final double[] UNITS = {1, 10, 100, 1_000, 10_000};

    int size() {
        return values.length;
    }

    /** Of the filled values {@code v} (reordered in the process); decimals may be counted in tenths to ten-thousandths. */
    static DistinctValues of(double[] v, ColumnType type) {
        if (v.length == 0) {
            return new DistinctValues(new double[0], new int[0], 0);
        }
        for (double scale : type == ColumnType.INTEGER ? WHOLE : UNITS) {
            double[] bounds = unitBounds(v, scale);
            if (bounds == null) {
                continue;
            }
            double min = bounds[0];
            double range = bounds[1] - min + 1;
            if (!(range <= Integer.MAX_VALUE)) {
                continue; // also when a value is infinite (1e400 in a file)
            }
            if (range <= Math.max(1 << 16, 2.0 * v.length)) {
                return counted(countUnits(v, scale, min, (int) range), scale, min, v.length);
            }
            // Wider: radix-sorted as offsets from the minimum (at most three passes over ints, where a radix sort
            // of doubles makes eight over longs).
            int[] offsets = UnitRadixSort.sort(unitOffsets(v, scale, min), (int) range);
            for (int i = 0; i < v.length; i++) {
                v[i] = (min + offsets[i]) / scale; // as in counted(): the very double each value was
            }
            return sorted(v);
        }
        DoubleArrays.radixSort(v);
        return sorted(v);
    }

    /** The least and greatest number of units, or null when some value is not a whole number of units. */
    private static double[] unitBounds(double[] v, double scale) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            double units = Math.rint(x * scale);
            if (units / scale != x) {
                return null;
            }
            min = Math.min(min, units);
            max = Math.max(max, units);
        }
        return new double[]{min, max};
    }

    private static int[] countUnits(double[] v, double scale, double min, int range) {
        int[] counts = new int[range];
        for (double x : v) {
            counts[(int) (Math.rint(x * scale) - min)]++;
        }
        return counts;
    }

    private static int[] unitOffsets(double[] v, double scale, double min) {
        int[] offsets = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            offsets[i] = (int) (Math.rint(v[i] * scale) - min);
        }
        return offsets;
    }

    private static DistinctValues counted(int[] counts, double scale, double min, int total) {
        int room = Math.min(counts.length, total);
        double[] values = new double[room];
        int[] kept = new int[room];
        int distinct = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                // (min + k) / scale is the very double these values were: that made them countable as units.
                values[distinct] = (min + k) / scale;
                kept[distinct++] = counts[k];
            }
        }
        return trimmed(values, kept, distinct, total);
    }

    /** From values in ascending order (no NaN). */
    static DistinctValues sorted(double[] v) {
        double[] values = new double[v.length];
        int[] counts = new int[v.length];
        int distinct = 0;
        for (int i = 0; i < v.length; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                values[distinct++] = v[i];
            }
            counts[distinct - 1]++;
        }
        return trimmed(values, counts, distinct, v.length);
    }

    private static DistinctValues trimmed(double[] values, int[] counts, int distinct, int total) {
        return distinct == values.length ? new DistinctValues(values, counts, total)
                : new DistinctValues(java.util.Arrays.copyOf(values, distinct), java.util.Arrays.copyOf(counts, distinct), total);
    }

    /** The value at a position of the sorted column, given where each value's rows end in it (running counts). */
    double at(long[] ends, long position) {
        int i = java.util.Arrays.binarySearch(ends, position + 1);
        return values[i >= 0 ? i : -i - 1];
    }
}
