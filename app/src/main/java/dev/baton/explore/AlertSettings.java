package dev.baton.explore;

/**
 * The thresholds at which alerts fire; the user can change each. Defaults follow ydata-profiling where it has one
 * (high correlation 0.9, imbalance 0.5, cardinality 50, zeros 10%) and common practice elsewhere
 * (skewness beyond 2 in absolute value, more than 5% missing).
 *
 * @param missingPercent   missing cells in a column, in percent
 * @param cardinality      distinct values of a categorical or text column
 * @param skewness         absolute skewness of a numeric column
 * @param imbalance        1 minus the normalised entropy of a categorical column's values (0 balanced, 1 one value)
 * @param zerosPercent     zeros in a numeric column, in percent
 * @param correlation      absolute association between two columns
 * @param duplicateRows    duplicate rows in the dataset (the alert fires above this many)
 */
public record AlertSettings(double missingPercent, int cardinality, double skewness, double imbalance,
                            double zerosPercent, double correlation, long duplicateRows) {

    public static AlertSettings defaults() {
        return new AlertSettings(5.0, 50, 2.0, 0.5, 10.0, 0.9, 0);
    }
}
