package dev.baton.explore;

/**
 * Least-significant-digit radix sort of non-negative ints below a known bound, with digits of at most 11 bits
 * (2,048 buckets stay in the cache while values are scattered) and as few passes as the bound needs.
 */
final class UnitRadixSort {

    private static final int MAX_DIGIT_BITS = 11;

    private UnitRadixSort() {
    }

    /** Sorts {@code values}, each in [0, bound); returns the sorted array, which may be a new one. */
    static int[] sort(int[] values, int bound) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, bound - 1));
        int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digitBits = (bits + passes - 1) / passes;
        int[] from = values;
        int[] to = new int[values.length];
        for (int shift = 0; shift < bits; shift += digitBits) {
            int[] starts = digitStarts(from, shift, (1 << digitBits) - 1);
            scatter(from, to, starts, shift, (1 << digitBits) - 1);
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** Where each digit's values start in the output: counts, then running sums. */
    private static int[] digitStarts(int[] values, int shift, int mask) {
        int[] starts = new int[mask + 2];
        for (int x : values) {
            starts[((x >>> shift) & mask) + 1]++;
        }
        for (int d = 1; d < starts.length; d++) {
            starts[d] += starts[d - 1];
        }
        return starts;
    }

    private static void scatter(int[] from, int[] to, int[] starts, int shift, int mask) {
        for (int x : from) {
            to[starts[(x >>> shift) & mask]++] = x;
        }
    }
}
