package dev.baton.train;

import java.util.List;

/**
 * Why a model predicted what it did for one row (LIME): the predicted class, its probability, and the features
 * whose local weights pushed towards it (positive) or away (negative), largest first.
 */
public record Explanation(int row, String predicted, double probability, List<Importance> weights, double localError) {
}
