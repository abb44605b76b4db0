package dev.baton.train;

/**
 * How much a raw column matters to a model: native scores summed over the column's features (linear weights on
 * standardized inputs, tree split counts, XGBoost gain), or the drop in the main metric when the column's values
 * are shuffled on held-out rows (permutation importance).
 */
public record Importance(String column, double value) {

    public enum Method { NATIVE, PERMUTATION }
}
