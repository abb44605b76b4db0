package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A linear support vector machine with the squared hinge loss and an L2 penalty, one class against the rest, by
 * LIBLINEAR's dual coordinate descent with shrinking (Hsieh et al. 2008; LIBLINEAR's {@code L2R_L2LOSS_SVC_DUAL},
 * which scikit-learn's {@code LinearSVC} runs) on dense rows, with a bias feature of 1 that is penalised as
 * LIBLINEAR's is. The classes' problems are independent and solved on all cores. Scores, not probabilities.
 */
public final class LinearSvmTrainer implements Trainer<Label> {

    @Config(description = "Cost of a margin violation (C).")
    private double cost = 1.0;
    @Config(description = "Most passes over the rows per class.")
    private int maxIterations = 1000;
    @Config(description = "Stop when the projected gradients' spread is at most this (LIBLINEAR's eps).")
    private double tolerance = 0.1;
    @Config(description = "Seed of the order in which rows are visited.")
    private long seed = 12345L;

    private int invocations;

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
    public LinearSGDModel train(Dataset<Label> data) {
        return train(data, Map.of());
    }

    @Override
    public LinearSGDModel train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
        TrainingData<Label> arrays = TrainingData.of(data);
        TrainerProvenance provenance;
        synchronized (this) {
            provenance = getProvenance();
            invocations++;
        }
        double[][] weights = fit(arrays.columns(), arrays.labels(), arrays.classes());
        return LinearModels.classifier(data, provenance, runProvenance, weights, false);
    }

    /** Weights [class][feature], the bias last; two classes get two rows, the second the first negated. */
    double[][] fit(double[][] columns, int[] labels, int classes) {
        int p = columns.length;
        int n = labels.length;
        double[][] rows = new double[n][p + 1];
        for (int f = 0; f < p; f++) {
            double[] column = columns[f];
            for (int i = 0; i < n; i++) {
                rows[i][f] = column[i];
            }
        }
        for (double[] row : rows) {
            row[p] = 1;
        }
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
    private double[] binary(double[][] rows, int[] labels, int positive, SplittableRandom random) {
        int n = rows.length;
        int width = rows[0].length;
        double diag = 0.5 / cost;
        double[] w = new double[width];
        double[] alpha = new double[n];
        double[] qd = new double[n];
        int[] y = new int[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels[i] == positive ? 1 : -1;
            double sum = diag;
            for (double v : rows[i]) {
                sum += v * v;
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
                double[] x = rows[i];
                double dot = 0;
                for (int f = 0; f < width; f++) {
                    dot += w[f] * x[f];
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
                    for (int f = 0; f < width; f++) {
                        w[f] += d * x[f];
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
    public int getInvocationCount() {
        return invocations;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        invocations = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "LinearSvmTrainer(cost=" + cost + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance + ")";
    }
}
