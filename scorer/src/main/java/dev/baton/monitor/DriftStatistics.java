package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.ReferenceProfile.Numeric;

/**
 * The statistics drift checks use, on binned counts (the reference's bins and the new data's counts in them).
 * Written out in docs/decisions/0011; the tests check each against hand-computed values.
 */
public final class DriftStatistics {

    /** Empty bins count as this share in PSI, so a bin empty on one side gives a large but finite term (as Evidently). */
    public static final double PSI_FLOOR = 1e-4;

    private DriftStatistics() {
    }

    /** Population stability index: the sum over bins of (cur - ref) * ln(cur / ref), on shares with empty bins floored. */
    public static double psi(long[] reference, long[] current) {
        double nr = sum(reference);
        double nc = sum(current);
        if (nr == 0 || nc == 0) {
            return 0;
        }
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = Math.max(reference[i] / nr, PSI_FLOOR);
            double c = Math.max(current[i] / nc, PSI_FLOOR);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /**
     * Jensen-Shannon distance (the square root of the divergence, natural logarithm, as scipy's
     * {@code jensenshannon}): 0 for equal shares, at most sqrt(ln 2) = 0.83 for shares with no bin in common.
     */
    public static double jensenShannon(long[] reference, long[] current) {
        double nr = sum(reference);
        double nc = sum(current);
        if (nr == 0 || nc == 0) {
            return 0;
        }
        double divergence = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / nr;
            double q = current[i] / nc;
            double m = (p + q) / 2;
            if (p > 0) {
                divergence += p * Math.log(p / m) / 2;
            }
            if (q > 0) {
                divergence += q * Math.log(q / m) / 2;
            }
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    /**
     * The Wasserstein (earth mover's) distance between the reference and the new values, divided by the reference's
     * population standard deviation (as Evidently normalizes it, with numpy's {@code std}): the integral of |F_ref - F_cur|, summed over the reference's
     * cumulative points (exact when the new values lie on them, as for columns of few distinct values), plus the
     * distances of new values beyond the reference's smallest and largest.
     *
     * @param belowMin the sum of (reference min - v) over new values v below the reference's smallest value
     * @param aboveMax the sum of (v - reference max) over new values above its largest
     */
    public static double wasserstein(Numeric reference, Numeric current, double belowMin, double aboveMax) {
        if (reference.count() == 0 || current.count() == 0) {
            return 0;
        }
        double[] x = reference.points();
        double w = 0;
        for (int j = 0; j + 1 < x.length; j++) {
            w += Math.abs(reference.atOrBelow()[j] - current.atOrBelow()[j]) * (x[j + 1] - x[j]);
        }
        w += (belowMin + aboveMax) / current.count();
        long n = reference.count();
        double std = n > 1 ? reference.std() * Math.sqrt((n - 1.0) / n) : 0; // the profile keeps the sample (n - 1) one
        return w / (std > 0 ? std : 1);
    }

    /**
     * The PSI that sampling alone exceeds only one time in a thousand when nothing changed (a run tests a dozen
     * columns several ways; at one in a hundred, every other run would mark something): for small differences
     * PSI is about the chi-squared statistic of homogeneity times (1/n_ref + 1/n_cur), and that statistic follows
     * a chi-squared distribution with (bins - 1) degrees of freedom.
     */
    public static double psiNoise(int bins, double referenceRows, double currentRows) {
        if (referenceRows == 0 || currentRows == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return chiSquared999(bins - 1) * (1 / referenceRows + 1 / currentRows);
    }

    /** The same bound for the Jensen-Shannon distance: the divergence is about PSI / 8 for small differences. */
    public static double jensenShannonNoise(int bins, double referenceRows, double currentRows) {
        return Math.sqrt(psiNoise(bins, referenceRows, currentRows) / 8);
    }

    /**
     * Below this many rows on a side, the chi-squared approximation is replaced by simulation: at 150 rows on 21 bins
     * (7 a bin) it let one sample in twenty through as drift; from 500 (24 a bin) it holds.
     */
    static final long SIMULATE_BELOW = 500;
    static final int SIMULATIONS = 4_000;

    /**
     * The PSI and Jensen-Shannon distance that sampling alone exceeds one time in a thousand, for two samples of these
     * sizes from one distribution (the two samples' shares pooled). With few rows, bins hold a handful of values and
     * PSI's tail is heavier than the chi-squared approximation says, so samples are drawn (a seeded simulation of
     * {@value #SIMULATIONS} pairs); with many, the approximation is used. Returns {psi, jensen-shannon}.
     */
    public static double[] noise(long[] reference, long[] current) {
        double nr = sum(reference);
        double nc = sum(current);
        int bins = usedBins(reference, current);
        if (nr == 0 || nc == 0) {
            return new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        if (nr >= SIMULATE_BELOW && nc >= SIMULATE_BELOW) {
            return new double[]{psiNoise(bins, nr, nc), jensenShannonNoise(bins, nr, nc)};
        }
        double[] cumulative = new double[reference.length];
        double running = 0;
        for (int i = 0; i < reference.length; i++) {
            running += (reference[i] + current[i]) / (nr + nc);
            cumulative[i] = running;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(20_261_207L);
        double[] psi = new double[SIMULATIONS];
        double[] js = new double[SIMULATIONS];
        long[] a = new long[reference.length];
        long[] b = new long[reference.length];
        for (int s = 0; s < SIMULATIONS; s++) {
            draw(a, (long) nr, cumulative, random, nr >= SIMULATE_BELOW);
            draw(b, (long) nc, cumulative, random, nc >= SIMULATE_BELOW);
            psi[s] = psi(a, b);
            js[s] = jensenShannon(a, b);
        }
        java.util.Arrays.sort(psi);
        java.util.Arrays.sort(js);
        int at = (int) Math.ceil(0.999 * SIMULATIONS) - 1;
        return new double[]{psi[at], js[at]};
    }

    /** A multinomial sample of n values on the cumulative shares; a large side is taken at its expected counts instead. */
    private static void draw(long[] into, long n, double[] cumulative, java.util.SplittableRandom random, boolean expected) {
        java.util.Arrays.fill(into, 0);
        if (expected) {
            double before = 0;
            for (int i = 0; i < into.length; i++) {
                into[i] = Math.round((cumulative[i] - before) * n * 1000); // shares to many decimals: the side's sampling is negligible
                before = cumulative[i];
            }
            return;
        }
        int[] guide = guide(cumulative);
        for (long k = 0; k < n; k++) {
            double u = random.nextDouble();
            int bin = guide[(int) (u * guide.length)]; // the first bin that can hold u; then a step or two
            while (bin < cumulative.length - 1 && cumulative[bin] <= u) {
                bin++;
            }
            into[bin]++;
        }
    }

    /** For each of 1,024 equal slices of [0, 1), the first bin whose cumulative share passes the slice's start. */
    private static int[] guide(double[] cumulative) {
        int[] guide = new int[1024];
        int bin = 0;
        for (int g = 0; g < guide.length; g++) {
            double start = (double) g / guide.length;
            while (bin < cumulative.length - 1 && cumulative[bin] <= start) {
                bin++;
            }
            guide[g] = bin;
        }
        return guide;
    }


    /**
     * The 99.9th percentile of a chi-squared distribution with k degrees of freedom (Wilson-Hilferty: 3% high at
     * k = 1, within 1.5% from k = 4; high is the quiet side).
     */
    static double chiSquared999(int k) {
        if (k <= 0) {
            return 0;
        }
        double z = 3.090232306167813; // the normal distribution's 99.9th percentile
        double a = 2.0 / (9 * k);
        return k * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /**
     * Whether two shares of missing values differ by more than sampling explains: a two-proportion z-test at the 0.1%
     * level (|z| > 3.29).
     */
    static boolean sharesDiffer(long missingRef, long rowsRef, long missingCur, long rowsCur) {
        if (rowsRef == 0 || rowsCur == 0) {
            return false;
        }
        double p1 = (double) missingRef / rowsRef;
        double p2 = (double) missingCur / rowsCur;
        double pooled = (double) (missingRef + missingCur) / (rowsRef + rowsCur);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / rowsRef + 1.0 / rowsCur));
        return se == 0 ? p1 != p2 : Math.abs(p1 - p2) / se > 3.290526731491926;
    }

    /** Bins with a count on either side: the degrees of freedom of the chi-squared comparison, plus one. */
    static int usedBins(long[] reference, long[] current) {
        int b = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] > 0 || current[i] > 0) {
                b++;
            }
        }
        return b;
    }

    static double sum(long[] counts) {
        double s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
