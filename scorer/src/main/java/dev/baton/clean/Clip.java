package dev.baton.clean;

import dev.baton.batch.Batch;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Limits numbers to bounds: fixed values, or quantiles of the data (fitted: scoring uses the training bounds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Clip(String column, Double lower, Double upper, Double lowerQuantile, Double upperQuantile,
                   Double fittedLower, Double fittedUpper) implements RowOperation {

    public static Clip bounds(String column, Double lower, Double upper) {
        return new Clip(column, lower, upper, null, null, null, null);
    }

    public static Clip quantiles(String column, Double lowerQuantile, Double upperQuantile) {
        return new Clip(column, null, null, lowerQuantile, upperQuantile, null, null);
    }

    private boolean usesQuantiles() {
        return lowerQuantile != null || upperQuantile != null;
    }

    @Override
    public String describe() {
        Double lo = usesQuantiles() ? fittedLower : lower;
        Double hi = usesQuantiles() ? fittedUpper : upper;
        String q = usesQuantiles() ? " (quantiles " + (lowerQuantile == null ? "-" : Rows.text(lowerQuantile)) + " and "
                + (upperQuantile == null ? "-" : Rows.text(upperQuantile)) + ")" : "";
        return "Clip " + column + " to [" + (lo == null ? "-inf" : Rows.text(lo)) + ", " + (hi == null ? "inf" : Rows.text(hi)) + "]" + q;
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if (usesQuantiles() && (lower != null || upper != null)) {
            throw new StepException(column, "give bounds or quantiles, not both");
        }
        if (!usesQuantiles() && lower == null && upper == null) {
            throw new StepException(column, "give a lower bound, an upper bound, or both");
        }
        for (Double q : new Double[]{lowerQuantile, upperQuantile}) {
            if (q != null && (q < 0 || q > 1)) {
                throw new StepException(column, "quantiles are between 0 and 1, not " + q);
            }
        }
        if (lower != null && upper != null && lower > upper) {
            throw new StepException(column, "the lower bound " + lower + " is above the upper bound " + upper);
        }
    }

    @Override
    public boolean hasFit() {
        return !usesQuantiles() || fittedLower != null || fittedUpper != null;
    }

    private java.util.function.DoubleUnaryOperator clipper() {
        double lo = (usesQuantiles() ? fittedLower : lower) == null ? Double.NEGATIVE_INFINITY : (usesQuantiles() ? fittedLower : lower);
        double hi = (usesQuantiles() ? fittedUpper : upper) == null ? Double.POSITIVE_INFINITY : (usesQuantiles() ? fittedUpper : upper);
        return v -> Math.max(lo, Math.min(hi, v));
    }

    @Override
    public Batch apply(Batch rows) {
        if (!hasFit()) {
            throw StepException.notFitted(column, "the quantiles to clip at");
        }
        return Rows.mapNumbers(rows, column, null, "clipping", true, clipper());
    }
}
