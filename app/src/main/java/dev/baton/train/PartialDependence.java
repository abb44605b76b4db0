package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.explore.chart.ChartData;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How one feature moves the prediction, the others held as they are (partial dependence, as scikit-learn's
 * {@code partial_dependence} computes it): for each value on a grid over the feature's range, the feature is set to
 * that value in every row of a sample of the training rows, and the model's average prediction (a class's
 * probability, or the value) is taken.
 */
public final class PartialDependence {

    /** Grid points between the feature's 5th and 95th percentiles, where the data is dense enough to say something. */
    static final int GRID = 20;
    /** Training rows the average is taken over: evenly spaced, so the same model gives the same curve. */
    static final int SAMPLE_ROWS = 400;

    /** A feature's curve: per series (a class, or the predicted value), the average prediction at each grid value. */
    public record Curve(String feature, double[] grid, List<String> series, double[][] average) {
    }

    private PartialDependence() {
    }

    /** Curves of the numeric features among {@code features}; others are passed over. */
    @SuppressWarnings("unchecked")
    public static List<Curve> of(Dataset data, TrainingSetup setup, ModelRun.TrainedModel trained, List<String> features) {
        int[] withTarget = Frame.rowsWithTarget(data, setup.target());
        int[] train = trained.trainRows();
        int n = Math.min(SAMPLE_ROWS, train.length);
        int[] sampleRows = new int[n];
        for (int i = 0; i < n; i++) {
            sampleRows[i] = withTarget[train[(int) ((long) i * train.length / n)]];
        }
        Frame frame = Frame.of(data.rows(sampleRows), setup.target(), setup.task(), setup.features());
        int[] rows = new int[frame.rows];
        Arrays.setAll(rows, i -> i);
        Preparation preparation = trained.preparation();
        String[] names = preparation.names();
        List<Curve> out = new ArrayList<>();
        for (String feature : features) {
            double[] column = frame.numbers.get(feature);
            if (column == null) {
                continue;
            }
            double[] grid = grid(column);
            if (grid.length < 2) {
                continue;
            }
            double[] original = column.clone();
            // The model's classes, in its order: the sample may lack a rare one.
            List<String> series = setup.task() == Task.CLASSIFICATION ? trained.result().classes() : List.of(setup.target());
            double[][] average = new double[series.size()][grid.length];
            try {
                for (int g = 0; g < grid.length; g++) {
                    Arrays.fill(column, grid[g]);
                    double[][] encoded = frame.encode(preparation, rows);
                    if (setup.task() == Task.CLASSIFICATION) {
                        Predictions p = TribuoBridge.classify((Model<Label>) trained.model(), names, encoded, rows, new int[rows.length], series);
                        for (int i = 0; i < rows.length; i++) {
                            for (int c = 0; c < series.size(); c++) {
                                // A model without probabilities counts its votes instead.
                                average[c][g] += p.hasProbabilities() ? p.probabilities()[i][c] : (p.predictedClass()[i] == c ? 1 : 0);
                            }
                        }
                    } else {
                        Predictions p = TribuoBridge.regress((Model<Regressor>) trained.model(), preparation, names, encoded, rows, new double[rows.length]);
                        for (int i = 0; i < rows.length; i++) {
                            average[0][g] += p.predictedValue()[i];
                        }
                    }
                    for (double[] s : average) {
                        s[g] /= rows.length;
                    }
                }
            } finally {
                System.arraycopy(original, 0, column, 0, column.length);
            }
            out.add(new Curve(feature, grid, series, average));
        }
        return out;
    }

    /** Up to {@link #GRID} distinct values from the 5th to the 95th percentile of the column's values. */
    static double[] grid(double[] column) {
        double[] values = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return new double[0];
        }
        double lo = values[(int) Math.floor(0.05 * (values.length - 1))];
        double hi = values[(int) Math.ceil(0.95 * (values.length - 1))];
        long distinct = Arrays.stream(values).filter(v -> v >= lo && v <= hi).distinct().count();
        if (distinct <= GRID) {
            return Arrays.stream(values).filter(v -> v >= lo && v <= hi).distinct().toArray();
        }
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = lo + (hi - lo) * i / (GRID - 1);
        }
        return grid;
    }

    /** The curve as a chart: one line per class (or the predicted value) against the feature. */
    public static ChartData.LineData chart(Curve curve, Task task, String target) {
        List<ChartData.Series> series = new ArrayList<>();
        for (int s = 0; s < curve.series().size(); s++) {
            series.add(new ChartData.Series(task == Task.CLASSIFICATION ? curve.series().get(s) : "predicted " + target, curve.grid(),
                    curve.average()[s], false, false));
        }
        String y = task == Task.CLASSIFICATION ? "average predicted probability" : "average predicted " + target;
        return new ChartData.LineData(String.format(Locale.ROOT, "How %s moves the prediction, the rest held as it is", curve.feature()),
                curve.feature(), y, series, null, null, task == Task.CLASSIFICATION ? 0.0 : null, task == Task.CLASSIFICATION ? 1.0 : null);
    }
}
