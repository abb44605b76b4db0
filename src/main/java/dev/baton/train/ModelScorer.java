package dev.baton.train;

import dev.baton.data.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores rows that have no target: the fitted preparation, then the model. The same code path for the
 * workbench's golden examples and for the bundle's scorer, so both give the same numbers.
 */
public final class ModelScorer {

    /**
     * What a model says about each row: for classification the class index (into {@code classes}) and, when the
     * model gives them, the probabilities in the same order; for regression the value.
     */
    public record Scores(List<String> classes, int[] predictedClass, double[][] probabilities, double[] values) {

        public int size() {
            return predictedClass != null ? predictedClass.length : values.length;
        }
    }

    private ModelScorer() {
    }

    @SuppressWarnings("unchecked")
    public static Scores score(Model<?> model, Preparation preparation, Dataset data, Task task, List<String> classes) {
        Frame frame = Frame.unsupervised(data, preparation.columns());
        int[] rows = new int[frame.rows];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        String[] names = preparation.names();
        double[][] encoded = preparation.encode(frame, rows);
        if (task == Task.CLASSIFICATION) {
            List<Prediction<Label>> predictions = ((Model<Label>) model).predict(TribuoBridge.examples(names, encoded, TribuoBridge.LABELS));
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                index.put(classes.get(c), c);
            }
            int n = predictions.size();
            int[] predicted = new int[n];
            double[][] probabilities = model.generatesProbabilities() ? new double[n][classes.size()] : null;
            for (int i = 0; i < n; i++) {
                Prediction<Label> p = predictions.get(i);
                predicted[i] = index.get(p.getOutput().getLabel());
                if (probabilities != null) {
                    for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
                        Integer c = index.get(e.getKey());
                        if (c != null) {
                            probabilities[i][c] = e.getValue().getScore();
                        }
                    }
                }
            }
            return new Scores(classes, predicted, probabilities, null);
        }
        List<Prediction<Regressor>> predictions = ((Model<Regressor>) model).predict(TribuoBridge.examples(names, encoded, TribuoBridge.REGRESSORS));
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return new Scores(null, null, null, values);
    }
}
