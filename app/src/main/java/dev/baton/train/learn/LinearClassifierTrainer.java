package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.provenance.TrainerProvenance;

import java.util.Map;

/**
 * Baton's linear classifiers (logistic regression, the linear SVM): each fits weights [class][feature] with the
 * bias last, and the weights become a Tribuo linear model, which saves, scores and exports to ONNX as Tribuo's own.
 */
abstract class LinearClassifierTrainer extends OwnTrainer<Label> {

    /** Weights [class][feature], the bias last, from columns [feature][row] and class indices. */
    abstract double[][] fit(double[][] columns, int[] labels, int classes);

    /** Whether the model's scores are probabilities (a softmax of the weights' sums) or plain scores. */
    abstract boolean probabilities();

    @Override
    public LinearSGDModel train(Dataset<Label> data) {
        return train(data, Map.of());
    }

    @Override
    public LinearSGDModel train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
        TrainingData<Label> arrays = TrainingData.of(data);
        TrainerProvenance provenance = startTraining().provenance();
        double[][] weights = fit(arrays.columns(), arrays.labels(), arrays.classes());
        return LinearModels.classifier(data, provenance, runProvenance, weights, probabilities());
    }
}
