package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;

import java.util.Map;

/**
 * Ordinary least squares solved exactly, as scikit-learn's {@code LinearRegression}: the normal equations
 * (X'X + Λ) w = X'y with the intercept unpenalised, by Cholesky. Λ adds a millionth of each feature's own sum of
 * squares to its diagonal (so it does not depend on the feature's units), which changes a well-posed fit by nothing
 * measurable and picks a small-norm solution where columns are collinear (every level of a one-hot category
 * together with the intercept).
 */
public final class LeastSquaresTrainer extends OwnTrainer<Regressor> {

    @Config(description = "The ridge added to each feature's diagonal entry, relative to that entry.")
    private double ridge = 1e-6;

    private LeastSquaresTrainer() {
    }

    public LeastSquaresTrainer(double ridge) {
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("The ridge cannot be negative");
        }
        this.ridge = ridge;
    }

    @Override
    public LinearSGDModel train(Dataset<Regressor> data) {
        return train(data, Map.of());
    }

    @Override
    public LinearSGDModel train(Dataset<Regressor> data, Map<String, Provenance> runProvenance) {
        TrainingData<Regressor> arrays = TrainingData.of(data);
        TrainerProvenance provenance = startTraining().provenance();
        double[] w = fit(arrays.columns(), arrays.targets());
        return LinearModels.regressor(data, provenance, runProvenance, new double[][]{w});
    }

    /** Weights per feature, the intercept last. */
    double[] fit(double[][] columns, double[] y) {
        int p = columns.length;
        int width = p + 1;
        int n = y.length;
        double[][] gram = new double[width][width];
        double[] xy = new double[width];
        // X'X, upper triangle, one row of it per task; the intercept column is all ones.
        dev.baton.util.Parallel.forEach(width, a -> {
            double[] ca = a < p ? columns[a] : null;
            for (int b = a; b < width; b++) {
                double[] cb = b < p ? columns[b] : null;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += (ca == null ? 1 : ca[i]) * (cb == null ? 1 : cb[i]);
                }
                gram[a][b] = sum;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (ca == null ? 1 : ca[i]) * y[i];
            }
            xy[a] = sum;
        });
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
            }
            if (a < p) {
                gram[a][a] += Math.max(ridge * gram[a][a], 1e-12);
            }
        }
        return Cholesky.solve(gram, xy);
    }

    @Override
    public String toString() {
        return "LeastSquaresTrainer(ridge=" + ridge + ")";
    }
}
