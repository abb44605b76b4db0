package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;

import java.util.SplittableRandom;

/**
 * A linear support vector machine with the squared hinge loss and an L2 penalty, one class against the rest, by
 * LIBLINEAR's dual coordinate descent with shrinking (Hsieh et al. 2008; LIBLINEAR's {@code L2R_L2LOSS_SVC_DUAL},
 * which scikit-learn's {@code LinearSVC} runs) on the rows' non-zero values (one-hot columns are mostly zero), with a
 * bias feature of 1 that is penalised as LIBLINEAR's is. The classes' problems are independent and solved on all cores. Scores, not probabilities.
 */
public final class LinearSvmTrainer extends LinearClassifierTrainer {

    @Config(description = "Cost of a margin violation (C).")
    private double cost = 1.0;
    @Config(description = "Most passes over the rows per class.")
    private int maxIterations = 1000;
    @Config(description = "Stop when the projected gradients' spread is at most this (LIBLINEAR's eps).")
    private double tolerance = 0.1;
    @Config(description = "Seed of the order in which rows are visited.")
    private long seed = 12345L;

    private LinearSvmTrainer() {
    }

    public LinearSvmTrainer(double cost, int maxIterations, double tolerance, long seed) {
        if (!(cost > 0) || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("The cost and the tolerance must be positive, maxIterations at least 1");
        }
        this.cost = cost;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    @Override
    boolean probabilities() {
        return false;
    }

    /** Weights [class][feature], the bias last; two classes get two rows, the second the first negated. */
    @Override
    double[][] fit(double[][] columns, int[] labels, int classes) {
        SparseRows rows = SparseRows.of(columns);
        double[][] weights = new double[classes][];
        int problems = classes == 2 ? 1 : classes;
        dev.baton.util.Parallel.forEach(problems, k -> weights[k] = binary(rows, labels, k, new SplittableRandom(seed + k)));
        if (classes == 2) {
            // One problem separates class 0 from class 1; class 1's score is its negation.
            double[] negated = new double[weights[0].length];
            for (int j = 0; j < negated.length; j++) {
                negated[j] = -weights[0][j];
            }
            weights[1] = negated;
        }
        return weights;
    }

    /** Class {@code positive} against the rest: LIBLINEAR's solve_l2r_l1l2_svc for the L2 loss. */
    private double[] binary(SparseRows rows, int[] labels, int positive, SplittableRandom random) {
        int n = labels.length;
        int width = rows.width();
        double diag = 0.5 / cost;
        double[] w = new double[width];
        double[] alpha = new double[n];
        double[] qd = new double[n];
        int[] y = new int[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels[i] == positive ? 1 : -1;
            double sum = diag;
            for (int at = rows.start()[i]; at < rows.start()[i + 1]; at++) {
                sum += rows.values()[at] * rows.values()[at];
            }
            qd[i] = sum;
            index[i] = i;
        }
        int active = n;
        double maxOld = Double.POSITIVE_INFINITY;
        double minOld = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new dev.baton.util.CancelledException();
            }
            double maxNew = Double.NEGATIVE_INFINITY;
            double minNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < active; i++) {
                int j = i + random.nextInt(active - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s];
                int from = rows.start()[i];
                int to = rows.start()[i + 1];
                double dot = 0;
                for (int at = from; at < to; at++) {
                    dot += w[rows.features()[at]] * rows.values()[at];
                }
                double g = y[i] * dot - 1 + alpha[i] * diag;
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > maxOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                maxNew = Math.max(maxNew, pg);
                minNew = Math.min(minNew, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(alpha[i] - g / qd[i], 0);
                    double d = (alpha[i] - old) * y[i];
                    for (int at = from; at < to; at++) {
                        w[rows.features()[at]] += d * rows.values()[at];
                    }
                }
            }
            if (maxNew - minNew <= tolerance) {
                if (active == n) {
                    break;
                }
                active = n;
                maxOld = Double.POSITIVE_INFINITY;
                minOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            maxOld = maxNew <= 0 ? Double.POSITIVE_INFINITY : maxNew;
            minOld = minNew >= 0 ? Double.NEGATIVE_INFINITY : minNew;
        }
        return w;
    }

    @Override
    public String toString() {
        return "LinearSvmTrainer(cost=" + cost + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + ")";
    }

    /** The rows' non-zero values (row i's are [start[i], start[i + 1])), each row ending with the bias feature. */
    record SparseRows(int[] start, int[] features, double[] values, int width) {

        static SparseRows of(double[][] columns) {
            int p = columns.length;
            int n = p == 0 ? 0 : columns[0].length;
            int[] count = new int[n];
            for (double[] column : columns) {
                for (int i = 0; i < n; i++) {
                    count[i] += column[i] != 0 ? 1 : 0;
                }
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + count[i] + 1;
            }
            int[] features = new int[start[n]];
            double[] values = new double[start[n]];
            int[] next = java.util.Arrays.copyOf(start, n);
            for (int f = 0; f < p; f++) {
                double[] column = columns[f];
                for (int i = 0; i < n; i++) {
                    if (column[i] != 0) {
                        features[next[i]] = f;
                        values[next[i]++] = column[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                features[next[i]] = p;
                values[next[i]] = 1;
            }
            return new SparseRows(start, features, values, p + 1);
        }
    }
}
