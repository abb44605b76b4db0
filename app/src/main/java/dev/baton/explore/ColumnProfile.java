package dev.baton.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.baton.data.ColumnType;

import java.util.List;
import java.util.Map;

/**
 * Everything the profile says about one column. Statistics ignore missing values (as pandas does); the
 * standard deviation is the sample one (n - 1); quantiles interpolate linearly between closest ranks, and
 * skewness and kurtosis are the bias-adjusted ones, all as pandas computes them.
 *
 * <p>Numeric fields are null for columns they do not apply to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "count", "missing", "missingPercent", "distinct", "unique", "mean", "std", "min",
    "max", "median", "quantiles", "skewness", "kurtosis", "zeros", "negatives", "sum", "minLength", "meanLength",
    "maxLength", "first", "last", "unparsable", "top", "histogram"})
public record ColumnProfile(
        String name,
        ColumnType type,
        long count,
        long missing,
        double missingPercent,
        long distinct,
        long unique,
        Double mean,
        Double std,
        Double min,
        Double max,
        Double median,
        Map<String, Double> quantiles,
        Double skewness,
        Double kurtosis,
        Long zeros,
        Long negatives,
        Double sum,
        Integer minLength,
        Double meanLength,
        Integer maxLength,
        String first,
        String last,
        long unparsable,
        List<ValueCount> top,
        Histogram histogram) {

    /** The quantile levels reported, as keys "1%", "5%", ..., "99%". */
    public static final double[] LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    public static String levelKey(double level) {
        return (int) Math.round(level * 100) + "%";
    }

    public boolean isNumeric() {
        return type.isNumeric();
    }
}
