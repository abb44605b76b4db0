package dev.baton.train.learn;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Tribuo model of Baton's own learners that scores rows of numbers: class shares (one column per class of
 * {@link #outputNames()}) or a value. {@link #predict(String[], double[][])} takes rows whose columns are named,
 * without building a Tribuo example per row; {@link #predict(Example)} gives the same numbers.
 */
public abstract class ArrayModel<T extends Output<T>> extends Model<T> {

    private static final long serialVersionUID = 1L;

    /** Class names by output id, or the one regression dimension. */
    private final String[] outputNames;

    protected ArrayModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs,
                         boolean probabilities) {
        super(name, provenance, features, outputs, probabilities);
        this.outputNames = new String[outputs.size()];
        for (int id = 0; id < outputNames.length; id++) {
            T output = outputs.getOutput(id);
            outputNames[id] = output instanceof Label l ? l.getLabel() : ((Regressor) output).getNames()[0];
        }
    }

    static boolean isClassification(ImmutableOutputInfo<?> outputs) {
        return outputs.getDomain().iterator().next() instanceof Label;
    }

    boolean classification() {
        return generatesProbabilities;
    }

    /** Class names in the order of {@link #predict(String[], double[][])}'s columns (one column for regression). */
    public List<String> outputNames() {
        return List.of(outputNames);
    }

    /** The outputs of rows whose features are in the feature map's id order. */
    abstract double[][] predictOrdered(double[][] rows);

    /**
     * Outputs for rows whose columns are the features {@code names}; features the model does not know are ignored,
     * missing ones are 0 (as Tribuo reads an example).
     */
    public double[][] predict(String[] names, double[][] rows) {
        int[] id = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            id[j] = featureIDMap.getID(names[j]);
        }
        int p = featureIDMap.size();
        double[][] ordered = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] x = new double[p];
            double[] row = rows[i];
            for (int j = 0; j < id.length; j++) {
                if (id[j] >= 0) {
                    x[id[j]] = row[j];
                }
            }
            ordered[i] = x;
        }
        return predictOrdered(ordered);
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        double[] x = new double[featureIDMap.size()];
        int used = 0;
        for (Feature feature : example) {
            int id = featureIDMap.getID(feature.getName());
            if (id >= 0) {
                x[id] = feature.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("No features found in Example " + example);
        }
        return prediction(predictOrdered(new double[][]{x})[0], used, example);
    }

    @SuppressWarnings("unchecked")
    private Prediction<T> prediction(double[] out, int used, Example<T> example) {
        if (!classification()) {
            return new Prediction<>((T) new Regressor(outputNames[0], out[0]), used, example);
        }
        int best = 0;
        Map<String, T> scores = new LinkedHashMap<>();
        for (int c = 0; c < out.length; c++) {
            if (out[c] > out[best]) {
                best = c;
            }
            scores.put(outputNames[c], (T) new Label(outputNames[c], out[c]));
        }
        return new Prediction<>((T) new Label(outputNames[best], out[best]), scores, used, example, true);
    }

    @Override
    public java.util.Optional<org.tribuo.Excuse<T>> getExcuse(Example<T> example) {
        return java.util.Optional.empty();
    }
}
