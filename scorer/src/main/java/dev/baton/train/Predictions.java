package dev.baton.train;

/**
 * A model's predictions on some frame rows, next to the truth: class indices (with class probabilities when the
 * model gives them) for classification, values for regression.
 */
public record Predictions(int[] rows, int[] actualClass, int[] predictedClass, double[][] probabilities,
                          double[] actualValue, double[] predictedValue) {

    public int size() {
        return rows.length;
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }
}
