package dev.baton.train;

import dev.baton.train.learn.ArrayModel;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Between Baton's prepared rows and Tribuo: datasets, training, and predictions back into arrays. */
public final class TribuoBridge {

    public static final LabelFactory LABELS = new LabelFactory();
    public static final RegressionFactory REGRESSORS = new RegressionFactory();
    /** A fixed time in dataset provenance, so the same data gives the same provenance. */
    private static final OffsetDateTime PROVENANCE_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TribuoBridge() {
    }

    static MutableDataset<Label> classification(String description, String[] names, double[][] rows, int[] labels, List<String> classes) {
        List<Label> outputs = new ArrayList<>(labels.length);
        Label[] cache = classes.stream().map(Label::new).toArray(Label[]::new);
        for (int label : labels) {
            outputs.add(cache[label]);
        }
        return new PreparedDataset<>(new SimpleDataSourceProvenance(description, PROVENANCE_TIME, LABELS), LABELS, names, rows, outputs);
    }

    static MutableDataset<Regressor> regression(String description, String target, String[] names, double[][] rows, double[] values) {
        List<Regressor> outputs = new ArrayList<>(values.length);
        for (double v : values) {
            outputs.add(new Regressor(target, v));
        }
        return new PreparedDataset<>(new SimpleDataSourceProvenance(description, PROVENANCE_TIME, REGRESSORS), REGRESSORS, names, rows, outputs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Model<?> train(Trainer<?> trainer, MutableDataset<?> data) {
        return ((Trainer) trainer).train(data);
    }

    static <T extends Output<T>> List<Example<T>> examples(String[] names, double[][] rows, OutputFactory<T> factory) {
        List<Example<T>> out = new ArrayList<>(rows.length);
        T unknown = factory.getUnknownOutput();
        for (double[] row : rows) {
            out.add(new SharedNamesExample<>(unknown, names, row));
        }
        return out;
    }

    /** Class index and, when the model gives them, class probabilities in the order of {@code classes}. */
    static Predictions classify(Model<Label> model, String[] names, double[][] rows, int[] frameRows, int[] actual, List<String> classes) {
        if (model instanceof ArrayModel<Label> own) {
            ModelScorer.Scores s = arrayClasses(own, names, rows, classes);
            return new Predictions(frameRows, actual, s.predictedClass(), s.probabilities(), null, null);
        }
        List<Prediction<Label>> predictions = model.predict(examples(names, rows, LABELS));
        int n = predictions.size();
        int[] predicted = new int[n];
        boolean probabilistic = model.generatesProbabilities();
        double[][] probabilities = probabilistic ? new double[n][classes.size()] : null;
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        for (int i = 0; i < n; i++) {
            Prediction<Label> p = predictions.get(i);
            predicted[i] = index.get(p.getOutput().getLabel());
            if (probabilistic) {
                for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
                    Integer c = index.get(e.getKey());
                    if (c != null) {
                        probabilities[i][c] = e.getValue().getScore();
                    }
                }
            }
        }
        return new Predictions(frameRows, actual, predicted, probabilities, null, null);
    }

    /** Predicted values in the target's units (mapped back through the preparation's target scale). */
    static Predictions regress(Model<Regressor> model, Preparation preparation, String[] names, double[][] rows, int[] frameRows,
                               double[] actual) {
        if (model instanceof ArrayModel<Regressor> own) {
            return new Predictions(frameRows, null, null, null, actual, arrayValues(own, preparation, names, rows));
        }
        List<Prediction<Regressor>> predictions = model.predict(examples(names, rows, REGRESSORS));
        double[] predicted = new double[predictions.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = preparation.predictedValue(predictions.get(i).getOutput().getValues()[0]);
        }
        return new Predictions(frameRows, null, null, null, actual, predicted);
    }

    /**
     * Classes and shares of Baton's own models straight from arrays, without Tribuo's examples: the same numbers as their
     * {@code predict(Example)} (the first class of the largest share wins, in the model's class order).
     */
    static ModelScorer.Scores arrayClasses(ArrayModel<Label> model, String[] names, double[][] rows, List<String> classes) {
        double[][] shares = model.predict(names, rows);
        List<String> order = model.outputNames();
        int[] toClass = new int[order.size()];
        for (int c = 0; c < toClass.length; c++) {
            toClass[c] = classes.indexOf(order.get(c));
        }
        int[] predicted = new int[rows.length];
        double[][] probabilities = new double[rows.length][classes.size()];
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int c = 0; c < toClass.length; c++) {
                if (shares[i][c] > shares[i][best]) {
                    best = c;
                }
                probabilities[i][toClass[c]] = shares[i][c];
            }
            predicted[i] = toClass[best];
        }
        return new ModelScorer.Scores(classes, predicted, probabilities, null);
    }

    /** The values of Baton's own regression models in the target's units. */
    static double[] arrayValues(ArrayModel<Regressor> model, Preparation preparation, String[] names, double[][] rows) {
        double[][] out = model.predict(names, rows);
        double[] values = new double[rows.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = preparation.predictedValue(out[i][0]);
        }
        return values;
    }
}
