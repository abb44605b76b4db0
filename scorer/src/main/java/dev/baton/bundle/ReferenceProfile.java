package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.baton.data.ColumnType;

import java.util.List;
import java.util.Map;

/**
 * {@code reference-profile.json}, version 2: what the training data and the model's outputs looked like, in the
 * fixed form drift checks compare new data with, so an engineer needs nothing but the bundle. Deterministic: the
 * same rows give the same file.
 *
 * @param rows       rows profiled
 * @param rowsFrom   which rows they are, in words (the training rows, or every row of the file)
 * @param columns    one per contract input, in the contract's order
 * @param outputs    the model's outputs on the held-out rows
 * @param importance each input's share of the model's feature importance (they sum to 1; empty when unknown)
 * @param holdout    the held-out metrics with their bootstrap uncertainty, for {@code bundle evaluate}
 */
@JsonPropertyOrder({"format", "rows", "rowsFrom", "columns", "outputs", "importance", "holdout"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceProfile(String format, long rows, String rowsFrom, List<ColumnReference> columns, Outputs outputs,
                               Map<String, Double> importance, Map<String, dev.baton.train.MetricEstimate> holdout) {

    public static final String FORMAT = "baton-reference/2";

    public ReferenceProfile {
        columns = List.copyOf(columns);
        importance = importance == null ? Map.of() : importance;
    }

    public ColumnReference column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** How a column is compared. */
    public enum Kind {
        /** numbers, dates and date-times: quantile bins */
        NUMERIC,
        /** categories and yes/no: category frequencies */
        CATEGORICAL,
        /** free text: the distribution of its length in characters, on quantile bins */
        TEXT_LENGTH;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Kind of(ColumnType type) {
            return type.isNumeric() || type.isTemporal() ? NUMERIC : type == ColumnType.TEXT ? TEXT_LENGTH : CATEGORICAL;
        }
    }

    /**
     * One input column: {@code missing} of {@code rows} were missing; the others are described by {@code numeric}
     * (numbers, dates as days since 1970, date-times as milliseconds, text as its length) or {@code categories}.
     */
    @JsonPropertyOrder({"name", "type", "kind", "rows", "missing", "numeric", "categories"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnReference(String name, ColumnType type, Kind kind, long rows, long missing, Numeric numeric,
                                  Categories categories) {
    }

    /**
     * A numeric distribution in fixed bins: bin 0 holds values up to and including {@code edges[0]}, bin i values in
     * (edges[i-1], edges[i]], the last bin values above the last edge. The edges are training quantiles, so each bin
     * holds about the same share of training rows. {@code points} and {@code atOrBelow} give the cumulative
     * distribution at (up to) 201 points, every distinct value when there are that few: the Wasserstein distance is
     * computed from them.
     */
    @JsonPropertyOrder({"count", "mean", "std", "min", "max", "edges", "counts", "points", "atOrBelow"})
    public record Numeric(long count, double mean, double std, double min, double max, double[] edges, long[] counts,
                          double[] points, double[] atOrBelow) {
    }

    /**
     * Category frequencies: the {@value #TOP} most frequent with their counts, the rest summed in {@code other}
     * (zero when every category is listed, and then a value not listed is one the training data never had).
     */
    @JsonPropertyOrder({"values", "other"})
    public record Categories(List<ValueCount> values, long other) {

        public static final int TOP = 200;

        public Categories {
            values = List.copyOf(values);
        }

        public boolean complete() {
            return other == 0;
        }
    }

    public record ValueCount(String value, long count) {
    }

    /**
     * The model's outputs on the held-out rows: the predicted classes' counts and each class's probability in ten
     * bins of 0.1 (classification), or the predicted values in quantile bins (regression).
     */
    @JsonPropertyOrder({"rows", "classes", "probabilities", "values"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outputs(long rows, Categories classes, Map<String, Numeric> probabilities, Numeric values) {
    }
}
