package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature preparation fitted on the training rows only (per fold in cross-validation): medians and missing
 * indicators, categories for one-hot encoding, and standardization. Its features are in sorted name order,
 * the order Tribuo keeps them in, so a row's values line up with the model's feature indices.
 */
public record Preparation(List<Encoder> encoders) {

    public Preparation {
        encoders = List.copyOf(encoders);
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
        return new Preparation(encoders);
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
        double[][] out = new double[rows.length][names.length];
        for (Encoder e : encoders) {
            if (e instanceof NumericEncoder num) {
                double[] values = frame.numbers.get(num.column());
                int at = position.get(num.column());
                int flag = num.indicator() ? position.get(num.column() + NumericEncoder.MISSING_SUFFIX) : -1;
                for (int i = 0; i < rows.length; i++) {
                    double raw = values[rows[i]];
                    out[i][at] = num.value(raw);
                    if (flag >= 0) {
                        out[i][flag] = Double.isNaN(raw) ? 1 : 0;
                    }
                }
            } else if (e instanceof CategoricalEncoder cat) {
                int[] codes = frame.codes.get(cat.column());
                List<String> all = frame.levels.get(cat.column());
                int[] slot = new int[all.size()];
                for (int c = 0; c < all.size(); c++) {
                    Integer p = position.get(cat.column() + "@" + all.get(c));
                    slot[c] = p == null || !cat.levels().contains(all.get(c)) ? -1 : p;
                }
                int missing = cat.missingLevel() ? position.get(cat.column() + "@" + CategoricalEncoder.MISSING_LEVEL) : -1;
                for (int i = 0; i < rows.length; i++) {
                    int code = codes[rows[i]];
                    int p = code < 0 ? missing : slot[code];
                    if (p >= 0) {
                        out[i][p] = 1;
                    }
                }
            }
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
