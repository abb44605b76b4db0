package dev.baton.bundle;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The bucketed lookup answers exactly as the plain binary search does, for every kind of array and value. */
class BinLookupTest {

    @Test
    void handPickedValues() {
        double[] points = new double[201];
        for (int i = 0; i < points.length; i++) {
            points[i] = i * 0.5; // 0, 0.5, ..., 100
        }
        BinLookup lookup = new BinLookup(points);
        // bins closed on the right: a value equal to a point is at that point's index, one between two at the upper one
        assertThat(lookup.bin(0)).isZero();
        assertThat(lookup.bin(-3)).isZero();
        assertThat(lookup.bin(0.25)).isEqualTo(1);
        assertThat(lookup.bin(0.5)).isEqualTo(1);
        assertThat(lookup.bin(50)).isEqualTo(100);
        assertThat(lookup.bin(99.9)).isEqualTo(200);
        assertThat(lookup.bin(100)).isEqualTo(200);
        assertThat(lookup.bin(100.1)).isEqualTo(201);
        assertThat(lookup.bin(Double.POSITIVE_INFINITY)).isEqualTo(201);
        assertThat(lookup.bin(Double.NEGATIVE_INFINITY)).isZero();
    }

    @Test
    void sameAsTheBinarySearchOnManyArraysAndValues() {
        SplittableRandom random = new SplittableRandom(7);
        DoubleSupplier[] kinds = {
            () -> random.nextDouble(),
            () -> Math.exp(random.nextGaussian() * 3),          // skewed: most points in a few buckets
            () -> 1e15 + random.nextInt(1000) / 8.0,            // a narrow range at a large magnitude
            () -> random.nextInt(5) - 2.0,                       // few distinct values, zero among them
            () -> random.nextGaussian() * 1e-300,               // subnormal neighbourhood of zero
            () -> random.nextBoolean() ? -1e308 : 1e308 * random.nextDouble(), // a range that overflows
        };
        for (DoubleSupplier kind : kinds) {
            for (int size : new int[]{0, 1, 2, 8, 9, 15, 16, 17, 201, 2000}) {
                double[] points = distinctSorted(kind, size);
                BinLookup lookup = new BinLookup(points);
                for (int i = 0; i < 20_000; i++) {
                    double v = i % 4 == 0 && points.length > 0 ? points[random.nextInt(points.length)] : kind.getAsDouble();
                    assertThat(lookup.bin(v)).as("%s in %s", v, points.length).isEqualTo(Distributions.bin(points, v));
                }
                for (double v : new double[]{0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    assertThat(lookup.bin(v)).as("%s", v).isEqualTo(Distributions.bin(points, v));
                }
            }
        }
    }

    @Test
    void negativeZeroKeepsTheSearchsOrder() {
        // Arrays.binarySearch puts -0.0 before 0.0; the reference counts were made with it, so the lookup must too.
        double[] points = new double[40];
        for (int i = 0; i < points.length; i++) {
            points[i] = i - 20;
        }
        points[20] = -0.0;
        BinLookup lookup = new BinLookup(points);
        assertThat(lookup.bin(0.0)).isEqualTo(Distributions.bin(points, 0.0)).isEqualTo(21);
        assertThat(lookup.bin(-0.0)).isEqualTo(20);
    }

    @Test
    void infiniteEndsFallBackToTheSearch() {
        double[] points = new double[30];
        for (int i = 0; i < points.length; i++) {
            points[i] = i;
        }
        points[29] = Double.POSITIVE_INFINITY;
        points[0] = Double.NEGATIVE_INFINITY;
        BinLookup lookup = new BinLookup(points);
        for (double v = -2; v < 32; v += 0.25) {
            assertThat(lookup.bin(v)).isEqualTo(Distributions.bin(points, v));
        }
        assertThat(lookup.bin(Double.POSITIVE_INFINITY)).isEqualTo(29);
    }

    private static double[] distinctSorted(DoubleSupplier kind, int size) {
        double[] values = new double[size * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = kind.getAsDouble();
        }
        double[] sorted = Arrays.stream(values).map(v -> v == 0 ? 0.0 : v).sorted().distinct().toArray();
        return Arrays.copyOf(sorted, Math.min(size, sorted.length));
    }
}
