package dev.baton.train;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a linear model, per prepared feature and output: the sign says which way a feature pushes, the
 * size how hard. Features are standardized before training, so sizes compare across columns (per standard
 * deviation of a number; for a category, being that category).
 */
public final class LinearWeights {

    /** One prepared feature (a column, or column@category) and its weight for each output (class, or the value), outputs in name order. */
    public record Weight(String feature, Map<String, Double> byOutput) {

        double largest() {
            return byOutput.values().stream().mapToDouble(Math::abs).max().orElse(0);
        }
    }

    private LinearWeights() {
    }

    /** Whether the model is one whose weights mean this: Tribuo's linear models trained by gradient descent or elastic net. */
    public static boolean isLinear(Model<?> model) {
        return model instanceof org.tribuo.common.sgd.AbstractLinearSGDModel<?>
                || model instanceof org.tribuo.regression.slm.SparseLinearModel;
    }

    /** The {@code limit} features with the largest weight (for any output), largest first; empty for other models. */
    public static List<Weight> of(Model<?> model, int limit) {
        if (!isLinear(model)) {
            return List.of();
        }
        Map<String, Map<String, Double>> byFeature = new LinkedHashMap<>();
        for (Map.Entry<String, List<Pair<String, Double>>> output : model.getTopFeatures(-1).entrySet()) {
            for (Pair<String, Double> p : output.getValue()) {
                if (p.getA().equals(Model.BIAS_FEATURE)) {
                    continue;
                }
                byFeature.computeIfAbsent(p.getA(), k -> new java.util.TreeMap<>()).put(output.getKey(), p.getB());
            }
        }
        List<Weight> out = new ArrayList<>();
        byFeature.forEach((f, w) -> out.add(new Weight(f, w)));
        out.sort(Comparator.comparingDouble(Weight::largest).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }
}
