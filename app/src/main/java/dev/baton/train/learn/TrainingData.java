package dev.baton.train.learn;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo dataset as arrays: one column per feature in the feature map's id order (absent features are 0, as
 * Tribuo reads them), and the class index or the target of each row.
 */
record TrainingData<T extends Output<T>>(double[][] columns, int[] labels, double[] targets, ImmutableFeatureMap features,
                                         ImmutableOutputInfo<T> outputs) {

    static <T extends Output<T>> TrainingData<T> of(Dataset<T> data) {
        if (data.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The dataset has rows without a target.");
        }
        ImmutableFeatureMap featureMap = data.getFeatureIDMap();
        ImmutableOutputInfo<T> outputs = data.getOutputIDInfo();
        boolean classification = data.getOutputFactory() instanceof LabelFactory;
        int n = data.size();
        double[][] columns = new double[featureMap.size()][n];
        int[] labels = classification ? new int[n] : null;
        double[] targets = classification ? null : new double[n];
        int i = 0;
        for (Example<T> example : data) {
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id >= 0) {
                    columns[id][i] = feature.getValue();
                }
            }
            if (classification) {
                labels[i] = outputs.getID(example.getOutput());
            } else {
                targets[i] = ((Regressor) example.getOutput()).getValues()[0];
            }
            i++;
        }
        return new TrainingData<>(columns, labels, targets, featureMap, outputs);
    }

    boolean classification() {
        return labels != null;
    }

    int rows() {
        return classification() ? labels.length : targets.length;
    }

    int classes() {
        return classification() ? outputs.size() : 1;
    }
}
