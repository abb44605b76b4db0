package dev.baton.train;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.SparseModel;
import org.tribuo.classification.Label;
import org.tribuo.classification.explanations.lime.LIMEBase;
import org.tribuo.classification.explanations.lime.LIMEExplanation;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.LARSLassoTrainer;
import org.tribuo.regression.slm.SparseLinearModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-row explanations with Tribuo's LIME: the model is probed around the row, and a sparse linear model (LARS
 * lasso, at most 8 features) fitted to its probabilities says which features mattered there. Only for models
 * that give probabilities.
 */
public final class Lime {

    private static final int SAMPLES = 1000;
    private static final int FEATURES = 8;

    private Lime() {
    }

    /** Explains the prediction for one held-out row (an index into the model's held-out predictions). */
    @SuppressWarnings("unchecked")
    public static Explanation explain(ModelRun.TrainedModel trained, Frame frame, int heldOutIndex, long seed) {
        if (!trained.model().generatesProbabilities() || frame.task != Task.CLASSIFICATION) {
            throw new dev.baton.util.UserException(trained.result().label() + " gives no probabilities, so LIME cannot explain its predictions; "
                    + "use the feature importance instead.");
        }
        Model<Label> model = (Model<Label>) trained.model();
        int row = trained.holdout().rows()[heldOutIndex];
        double[][] encoded = frame.encode(trained.preparation(), new int[]{row});
        String[] names = trained.preparation().names();
        Example<Label> example = TribuoBridge.examples(names, encoded, TribuoBridge.LABELS).get(0);
        LIMEBase lime = new LIMEBase(new SplittableRandom(seed), model, new LARSLassoTrainer(FEATURES), SAMPLES);
        LIMEExplanation explanation = lime.explain(example);
        String predicted = explanation.getPrediction().getOutput().getLabel();
        double probability = explanation.getPrediction().getOutputScores().get(predicted).getScore();
        List<Importance> weights = new ArrayList<>();
        SparseModel<Regressor> local = explanation.getModel();
        if (local instanceof SparseLinearModel linear) {
            Map<String, SparseVector> all = linear.getWeights();
            SparseVector w = all.get(predicted);
            if (w != null) {
                for (VectorTuple t : w) {
                    String feature = local.getFeatureIDMap().get(t.index) == null ? null : local.getFeatureIDMap().get(t.index).getName();
                    if (feature != null && t.value != 0) {
                        weights.add(new Importance(feature, t.value));
                    }
                }
            }
        }
        weights.sort(Comparator.comparingDouble((Importance i) -> Math.abs(i.value())).reversed());
        return new Explanation(frame.sourceRows[row], predicted, probability, weights, explanation.getRMSE(predicted));
    }
}
