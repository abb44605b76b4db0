package dev.baton.bundle;

import dev.baton.batch.Batch;
import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.bundle.Contract;
import dev.baton.bundle.ReferenceProfile.Categories;
import dev.baton.bundle.ReferenceProfile.ColumnReference;
import dev.baton.bundle.ReferenceProfile.Kind;
import dev.baton.bundle.ReferenceProfile.Numeric;
import dev.baton.train.Predictions;
import dev.baton.train.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a bundle's reference profile at export: the training rows' input columns, typed as the scorer types them,
 * and the model's outputs on the held-out rows.
 */
public final class ReferenceBuilder {

    private ReferenceBuilder() {
    }

    /**
     * @param inputs     the training rows' contract inputs, typed as the scorer types them
     * @param importance importance by input column (any scale; negative values count as none); empty when unknown
     */
    public static ReferenceProfile build(Contract contract, Batch inputs, String rowsFrom, Predictions holdout,
                                         Map<String, Double> importance, Map<String, dev.baton.train.MetricEstimate> metrics) {
        List<ColumnReference> columns = new ArrayList<>();
        for (Contract.Input in : contract.inputs()) {
            Column column = inputs.column(in.name());
            if (column == null) {
                throw new IllegalArgumentException("the training rows have no column " + in.name());
            }
            columns.add(column(in, column));
        }
        return new ReferenceProfile(ReferenceProfile.FORMAT, inputs.rows(), rowsFrom, columns, outputs(contract, holdout),
                shares(importance, contract.inputNames()), metrics);
    }

    static ColumnReference column(Contract.Input in, Column column) {
        Kind kind = Kind.of(in.type());
        int n = column.size();
        long missing = 0;
        if (kind == Kind.CATEGORICAL) {
            Map<String, Long> counts = new HashMap<>();
            for (int r = 0; r < n; r++) {
                String t = column.text(r);
                if (t == null) {
                    missing++;
                } else {
                    counts.merge(t, 1L, Long::sum);
                }
            }
            return new ColumnReference(in.name(), in.type(), kind, n, missing, null, Distributions.categories(counts));
        }
        double[] values = new double[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            double v;
            if (kind == Kind.NUMERIC && column instanceof NumberColumn numbers) {
                v = numbers.values()[r];
            } else {
                String t = column.text(r);
                v = t == null ? Double.NaN : kind == Kind.TEXT_LENGTH ? t.codePointCount(0, t.length()) : Double.parseDouble(t);
            }
            if (Double.isNaN(v)) {
                missing++;
            } else {
                values[m++] = v;
            }
        }
        Numeric numeric = Distributions.quantileBins(Arrays.copyOf(values, m), Distributions.BINS);
        return new ColumnReference(in.name(), in.type(), kind, n, missing, numeric, null);
    }

    /** The held-out predictions: class counts (every class listed) and probabilities in tenths, or values in quantile bins. */
    static ReferenceProfile.Outputs outputs(Contract contract, Predictions holdout) {
        if (holdout == null) {
            return null;
        }
        int n = holdout.size();
        if (contract.task() == Task.REGRESSION) {
            return new ReferenceProfile.Outputs(n, null, null, Distributions.quantileBins(holdout.predictedValue(), Distributions.OUTPUT_BINS));
        }
        List<String> classes = contract.classes();
        long[] counts = new long[classes.size()];
        for (int c : holdout.predictedClass()) {
            counts[c]++;
        }
        List<ReferenceProfile.ValueCount> listed = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            listed.add(new ReferenceProfile.ValueCount(classes.get(c), counts[c]));
        }
        listed.sort(java.util.Comparator.comparingLong(ReferenceProfile.ValueCount::count).reversed()
                .thenComparing(ReferenceProfile.ValueCount::value));
        Map<String, Numeric> probabilities = null;
        if (holdout.hasProbabilities()) {
            probabilities = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                double[] p = new double[n];
                for (int r = 0; r < n; r++) {
                    p[r] = holdout.probabilities()[r][c];
                }
                probabilities.put(classes.get(c), Distributions.fixedBins(p, Distributions.PROBABILITY_EDGES));
            }
        }
        return new ReferenceProfile.Outputs(n, new Categories(listed, 0), probabilities, null);
    }

    /** Importance as shares of the total (negative permutation scores count as none), in the contract's order. */
    static Map<String, Double> shares(Map<String, Double> importance, List<String> inputs) {
        if (importance == null || importance.isEmpty()) {
            return Map.of();
        }
        double total = 0;
        for (String in : inputs) {
            total += Math.max(0, importance.getOrDefault(in, 0.0));
        }
        if (!(total > 0)) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String in : inputs) {
            out.put(in, Math.max(0, importance.getOrDefault(in, 0.0)) / total);
        }
        return out;
    }
}
