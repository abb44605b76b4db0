package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature preparation fitted on the training rows only (per fold in cross-validation): medians and missing
 * indicators, categories for one-hot encoding, and standardization. Its features are in sorted name order,
 * the order Tribuo keeps them in, so a row's values line up with the model's feature indices.
 *
 * @param target how the target was standardized for the model (its predictions are mapped back through it): set in
 *               bundles and projects whose linear regression was trained by SGD, before Baton solved it exactly;
 *               null for every model trained now
 */
public record Preparation(List<Encoder> encoders, @JsonInclude(JsonInclude.Include.NON_NULL) TargetScale target) {

    public Preparation {
        encoders = List.copyOf(encoders);
    }

    /** A model's prediction in the target's own units. */
    public double predictedValue(double modelOutput) {
        return target == null ? modelOutput : target.unscale(modelOutput);
    }

    /** Fits every column's encoder on the given training rows of the frame. */
    public static Preparation fit(Frame frame, int[] trainRows, boolean standardize) {
        List<Encoder> encoders = new ArrayList<>();
        for (String column : frame.features) {
            if (frame.kinds.get(column) == Frame.Kind.NUMERIC) {
                encoders.add(NumericEncoder.fit(column, frame.types.get(column), frame.numbers.get(column), trainRows, standardize));
            } else {
                encoders.add(CategoricalEncoder.fit(column, frame.types.get(column), frame.codes.get(column), frame.levels.get(column), trainRows));
            }
        }
        return new Preparation(encoders, null);
    }

    /** All feature names, sorted. */
    @JsonIgnore
    public String[] names() {
        List<String> all = new ArrayList<>();
        for (Encoder e : encoders) {
            all.addAll(e.outputs());
        }
        String[] names = all.toArray(String[]::new);
        java.util.Arrays.sort(names);
        return names;
    }

    /** The raw columns it reads. */
    @JsonIgnore
    public List<String> columns() {
        return encoders.stream().map(Encoder::column).toList();
    }

    /** The prepared rows of the frame, row-major, columns in {@link #names()} order. */
    public double[][] encode(Frame frame, int[] rows) {
        String[] names = names();
        Map<String, Integer> position = positions(names);
        int k = encoders.size();
        // Per encoder, what it reads and where it writes; then one pass over the rows fills each row at once.
        NumericEncoder[] numeric = new NumericEncoder[k];
        double[][] values = new double[k][];
        int[] at = new int[k];
        int[] flag = new int[k];
        int[][] codes = new int[k][];
        int[][] slots = new int[k][];
        int[] missingSlot = new int[k];
        for (int e = 0; e < k; e++) {
            Encoder encoder = encoders.get(e);
            if (encoder instanceof NumericEncoder num) {
                numeric[e] = num;
                values[e] = frame.numbers.get(num.column());
                at[e] = position.get(num.column());
                flag[e] = num.indicator() ? position.get(num.column() + NumericEncoder.MISSING_SUFFIX) : -1;
            } else {
                CategoricalEncoder cat = (CategoricalEncoder) encoder;
                codes[e] = frame.codes.get(cat.column());
                List<String> all = frame.levels.get(cat.column());
                java.util.Set<String> known = new java.util.HashSet<>(cat.levels());
                slots[e] = new int[all.size()];
                for (int c = 0; c < all.size(); c++) {
                    slots[e][c] = known.contains(all.get(c)) ? position.get(cat.column() + "@" + all.get(c)) : -1;
                }
                missingSlot[e] = cat.missingLevel() ? position.get(cat.column() + "@" + CategoricalEncoder.MISSING_LEVEL) : -1;
            }
        }
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = new double[names.length];
            int r = rows[i];
            for (int e = 0; e < k; e++) {
                if (numeric[e] != null) {
                    double raw = values[e][r];
                    row[at[e]] = numeric[e].value(raw);
                    if (flag[e] >= 0) {
                        row[flag[e]] = Double.isNaN(raw) ? 1 : 0;
                    }
                } else {
                    int code = codes[e][r];
                    int p = code < 0 ? missingSlot[e] : slots[e][code];
                    if (p >= 0) {
                        row[p] = 1;
                    }
                }
            }
            out[i] = row;
        }
        return out;
    }

    static Map<String, Integer> positions(String[] names) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            position.put(names[i], i);
        }
        return position;
    }
}
