package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;


/**
 * Multinomial logistic regression with an L2 penalty, solved to convergence by L-BFGS, as scikit-learn's
 * {@code LogisticRegression} does by default: minimises the mean log loss plus {@code |W|² / (2 C n)} (the
 * intercepts unpenalised). The gradient is summed over blocks of rows on all cores, in a fixed order, so the
 * result does not depend on the number of cores. Tribuo's SGD had not converged where this has (docs/decisions/0008).
 */
public final class LogisticTrainer extends LinearClassifierTrainer {

    @Config(description = "Inverse of the L2 penalty's strength, as scikit-learn's C.")
    private double c = 1.0;
    @Config(description = "Most L-BFGS iterations.")
    private int maxIterations = 1000;
    @Config(description = "Stop when no gradient component of the mean objective is larger.")
    private double tolerance = 1e-4;

    private LogisticTrainer() {
    }

    public LogisticTrainer(double c, int maxIterations, double tolerance) {
        if (!(c > 0) || maxIterations < 1 || !(tolerance > 0)) {
            throw new IllegalArgumentException("C and the tolerance must be positive, maxIterations at least 1");
        }
        this.c = c;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    @Override
    boolean probabilities() {
        return true;
    }

    /** Weights [class][feature], the intercept last. */
    @Override
    double[][] fit(double[][] columns, int[] labels, int classes) {
        int p = columns.length;
        int n = labels.length;
        int width = p + 1;
        double penalty = 1.0 / (c * n);
        int block = 4096;
        int blocks = (n + block - 1) / block;
        Lbfgs.Objective objective = (w, gradient) -> {
            double[] losses = new double[blocks];
            double[][] gradients = new double[blocks][];
            dev.baton.util.Parallel.forEach(blocks, b -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new dev.baton.util.CancelledException();
                }
                int from = b * block;
                int to = Math.min(n, from + block);
                gradients[b] = new double[w.length];
                losses[b] = blockLoss(columns, labels, classes, w, from, to, gradients[b]);
            });
            java.util.Arrays.fill(gradient, 0);
            double loss = 0;
            for (int b = 0; b < blocks; b++) {
                loss += losses[b];
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] += gradients[b][j];
                }
            }
            double squares = 0;
            for (int k = 0; k < classes; k++) {
                for (int f = 0; f < p; f++) {
                    int j = k * width + f;
                    squares += w[j] * w[j];
                    gradient[j] = gradient[j] / n + penalty * w[j];
                }
                gradient[k * width + p] /= n;
            }
            return loss / n + 0.5 * penalty * squares;
        };
        Lbfgs.Result result = Lbfgs.minimize(objective, new double[classes * width], maxIterations, tolerance);
        double[][] weights = new double[classes][width];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(result.x(), k * width, weights[k], 0, width);
        }
        return weights;
    }

    /** The summed log loss of rows [from, to), adding its gradient (not yet divided by n) to {@code gradient}. */
    private static double blockLoss(double[][] columns, int[] labels, int classes, double[] w, int from, int to, double[] gradient) {
        int p = columns.length;
        int width = p + 1;
        int m = to - from;
        double[][] z = new double[classes][m];
        for (int k = 0; k < classes; k++) {
            java.util.Arrays.fill(z[k], w[k * width + p]);
            for (int f = 0; f < p; f++) {
                double weight = w[k * width + f];
                if (weight != 0) {
                    double[] column = columns[f];
                    double[] zk = z[k];
                    for (int i = 0; i < m; i++) {
                        zk[i] += weight * column[from + i];
                    }
                }
            }
        }
        double loss = 0;
        for (int i = 0; i < m; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, z[k][i]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(z[k][i] - max);
                z[k][i] = e;
                sum += e;
            }
            int y = labels[from + i];
            for (int k = 0; k < classes; k++) {
                double probability = z[k][i] / sum;
                if (k == y) {
                    loss -= Math.log(Math.max(probability, 1e-300));
                }
                z[k][i] = probability - (k == y ? 1 : 0); // the residual, reused for the gradient
            }
        }
        for (int k = 0; k < classes; k++) {
            double[] r = z[k];
            for (int f = 0; f < p; f++) {
                double[] column = columns[f];
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += r[i] * column[from + i];
                }
                gradient[k * width + f] += sum;
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += r[i];
            }
            gradient[k * width + p] += sum;
        }
        return loss;
    }

    @Override
    public String toString() {
        return "LogisticTrainer(C=" + c + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + ")";
    }
}
