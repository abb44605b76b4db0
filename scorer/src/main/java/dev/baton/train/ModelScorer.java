package dev.baton.train;

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

    /** Tribuo models predict thread-safely: a large batch is split over the cores, and the parts joined in order. */
    private static <T extends org.tribuo.Output<T>> List<Prediction<T>> predict(boolean threads, Model<T> model, String[] names, double[][] rows,
                                                                             org.tribuo.OutputFactory<T> factory) {
        int parts = threads && rows.length >= PARALLEL_ROWS ? dev.baton.util.Parallel.threads() : 1;
        if (parts <= 1) {
            return model.predict(TribuoBridge.examples(names, rows, factory));
        }
        @SuppressWarnings("unchecked")
        List<Prediction<T>>[] results = new List[parts];
        int size = (rows.length + parts - 1) / parts;
        dev.baton.util.Parallel.forEach(parts, p -> {
            double[][] slice = java.util.Arrays.copyOfRange(rows, Math.min(rows.length, p * size), Math.min(rows.length, (p + 1) * size));
            results[p] = model.predict(TribuoBridge.examples(names, slice, factory));
        });
        List<Prediction<T>> all = new java.util.ArrayList<>(rows.length);
        for (List<Prediction<T>> r : results) {
            all.addAll(r);
        }
        return all;
    }

    static final int PARALLEL_ROWS = 10_000;

    /** Rows the preparation has already encoded ({@link Preparation#encode(dev.baton.batch.Batch)}: the scorer's path). */
    public static Scores score(Model<?> model, Preparation preparation, double[][] encoded, Task task, List<String> classes) {
        return score(model, preparation, encoded, task, classes, true);
    }

    /** As above; {@code threads}: whether a large batch of Tribuo's models may be predicted on all cores. */
    @SuppressWarnings("unchecked")
    public static Scores score(Model<?> model, Preparation preparation, double[][] encoded, Task task, List<String> classes, boolean threads) {
        String[] names = preparation.names();
        if (model instanceof dev.baton.train.learn.ArrayModel<?> own) {
            return task == Task.CLASSIFICATION
                    ? TribuoBridge.arrayClasses((dev.baton.train.learn.ArrayModel<Label>) own, names, encoded, classes)
                    : new Scores(null, null, null, TribuoBridge.arrayValues((dev.baton.train.learn.ArrayModel<Regressor>) own,
                    preparation, names, encoded));
        }
        if (task == Task.CLASSIFICATION) {
            List<Prediction<Label>> predictions = predict(threads, (Model<Label>) model, names, encoded, TribuoBridge.LABELS);
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
        List<Prediction<Regressor>> predictions = predict(threads, (Model<Regressor>) model, names, encoded, TribuoBridge.REGRESSORS);
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = preparation.predictedValue(predictions.get(i).getOutput().getValues()[0]);
        }
        return new Scores(null, null, null, values);
    }
}
