package dev.baton.train;

import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.math.la.DenseMatrix;

import java.util.List;

/**
 * Tribuo's linear models (its {@code LinearSGDModel}s, which Baton's logistic and linear regression, linear SVM and
 * Tribuo's SGD trainers all give) scored straight from their weight matrix: the same sums in the same order, the
 * same softmax, the same first-largest class as their {@code predict}, so the same numbers to the last bit, without
 * an Example and a Prediction per row (which cost most of the time of scoring them).
 */
public final class LinearScoring {

    private final double[][] weights;
    /** For each prepared feature (in {@link Preparation#names()} order), its column in the weights; -1 when the model has none. */
    private final int[] column;
    private final boolean softmax;
    private final boolean probabilities;
    /** Classification: for each output of the model, the index of its class. Null for regression. */
    private final int[] classOf;

    private LinearScoring(double[][] weights, int[] column, boolean softmax, boolean probabilities, int[] classOf) {
        this.weights = weights;
        this.probabilities = probabilities;
        this.column = column;
        this.softmax = softmax;
        this.classOf = classOf;
    }

    /** The fast form of a model, or null when it is not one of Tribuo's linear models this replicates exactly. */
    public static LinearScoring of(Model<?> model, String[] names, Task task, List<String> classes) {
        DenseMatrix matrix;
        boolean softmax = false;
        int[] classOf = null;
        if (model instanceof org.tribuo.classification.sgd.linear.LinearSGDModel linear && task == Task.CLASSIFICATION) {
            String normalizer;
            try {
                normalizer = model.serialize().getSerializedData().unpack(ClassificationLinearSGDProto.class).getNormalizer().getClassName();
            } catch (InvalidProtocolBufferException e) {
                return null;
            }
            if (normalizer.equals(org.tribuo.math.util.ExpNormalizer.class.getName())) {
                softmax = true;
            } else if (!normalizer.equals(org.tribuo.math.util.NoopNormalizer.class.getName())) {
                return null;
            }
            matrix = linear.getWeightsCopy();
            classOf = new int[matrix.getDimension1Size()];
            for (int i = 0; i < classOf.length; i++) {
                classOf[i] = classes.indexOf(((Label) model.getOutputIDInfo().getOutput(i)).getLabel());
                if (classOf[i] < 0) {
                    return null;
                }
            }
        } else if (model instanceof org.tribuo.regression.sgd.linear.LinearSGDModel linear && task == Task.REGRESSION) {
            matrix = linear.getWeightsCopy();
            if (matrix.getDimension1Size() != 1) {
                return null;
            }
        } else {
            return null;
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int[] column = new int[names.length];
        for (int f = 0; f < names.length; f++) {
            column[f] = features.getID(names[f]);
        }
        double[][] weights = new double[matrix.getDimension1Size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = matrix.getRow(i).toArray();
        }
        return new LinearScoring(weights, column, softmax, model.generatesProbabilities(), classOf);
    }

    /** The model's outputs for prepared rows (columns in {@link Preparation#names()} order). */
    public ModelScorer.Scores score(double[][] rows, Preparation preparation, List<String> classes) {
        return score(rows.length, (r, into) -> System.arraycopy(rows[r], 0, into, 0, into.length), rows.length == 0 ? 0 : rows[0].length,
                preparation, classes);
    }

    /** The same for rows prepared on request: one row buffer for the whole batch. */
    public ModelScorer.Scores score(Preparation.Rows rows, Preparation preparation, List<String> classes) {
        return score(rows.size(), rows::fill, rows.width(), preparation, classes);
    }

    private interface RowSource {
        void fill(int r, double[] into);
    }

    private ModelScorer.Scores score(int n, RowSource source, int width, Preparation preparation, List<String> classes) {
        int outputs = weights.length;
        int bias = weights[0].length - 1;
        double[] row = new double[width];
        // The model's input vector: each feature at its id, the bias term last, as Tribuo builds it.
        double[] x = new double[bias + 1];
        double[] out = new double[outputs];
        int[] predicted = classOf == null ? null : new int[n];
        double[][] shares = classOf == null ? null : new double[n][classes.size()];
        double[] values = classOf == null ? new double[n] : null;
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(x, 0);
            source.fill(r, row);
            for (int f = 0; f < row.length; f++) {
                if (column[f] >= 0) {
                    x[column[f]] = row[f];
                }
            }
            x[bias] = 1;
            for (int i = 0; i < outputs; i++) {
                double[] w = weights[i];
                double sum = 0;
                for (int j = 0; j <= bias; j++) {
                    sum += w[j] * x[j];
                }
                out[i] = sum;
            }
            if (classOf == null) {
                values[r] = preparation.predictedValue(out[0]);
                continue;
            }
            if (softmax) {
                normalize(out);
            }
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int i = 0; i < outputs; i++) {
                shares[r][classOf[i]] = out[i];
                if (out[i] > max) {
                    max = out[i];
                    best = i;
                }
            }
            predicted[r] = classOf[best];
        }
        return classOf == null ? new ModelScorer.Scores(null, null, null, values)
                : new ModelScorer.Scores(classes, predicted, probabilities ? shares : null, null);
    }

    /** Tribuo's ExpNormalizer, step for step. */
    private static void normalize(double[] v) {
        double max = -Double.MAX_VALUE;
        for (double d : v) {
            if (max < d) {
                max = d;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
    }
}
