package dev.baton.train;

import dev.baton.data.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric column (booleans as 0/1, dates as days since 1970): a missing value becomes the training median,
 * with a {@code column@missing} indicator when the training rows had missing values; optionally standardized
 * with the training mean and standard deviation (of the filled-in values).
 */
public record NumericEncoder(String column, ColumnType type, double median, boolean indicator, boolean standardize,
                             double mean, double std) implements Encoder {

    public static final String MISSING_SUFFIX = "@missing";

    @Override
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        out.add(column);
        if (indicator) {
            out.add(column + MISSING_SUFFIX);
        }
        return out;
    }

    /** The feature value for a raw value (NaN when missing). */
    public double value(double raw) {
        double v = Double.isNaN(raw) ? median : raw;
        return standardize ? (v - mean) / std : v;
    }

    static NumericEncoder fit(String column, ColumnType type, double[] values, int[] rows, boolean standardize) {
        double[] present = new double[rows.length];
        int n = 0;
        boolean missing = false;
        for (int r : rows) {
            double v = values[r];
            if (Double.isNaN(v)) {
                missing = true;
            } else {
                present[n++] = v;
            }
        }
        double median = 0;
        if (n > 0) {
            double[] sorted = java.util.Arrays.copyOf(present, n);
            java.util.Arrays.sort(sorted);
            double position = (n - 1) * 0.5;
            int lo = (int) Math.floor(position);
            int hi = Math.min(n - 1, lo + 1);
            median = sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
        }
        double mean = 0;
        double std = 1;
        if (standardize) {
            double sum = 0;
            for (int r : rows) {
                sum += Double.isNaN(values[r]) ? median : values[r];
            }
            mean = sum / Math.max(1, rows.length);
            double ss = 0;
            for (int r : rows) {
                double d = (Double.isNaN(values[r]) ? median : values[r]) - mean;
                ss += d * d;
            }
            std = rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : 1;
            if (!(std > 0)) {
                std = 1;
            }
        }
        return new NumericEncoder(column, type, median, missing, standardize, mean, std);
    }
}
