package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.data.Dataset;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import tech.tablesaw.columns.Column;

import java.util.List;

/**
 * Removes rows whose value lies outside Q1 - k IQR .. Q3 + k IQR (k = 1.5 by default), or more than
 * k standard deviations from the mean (z-score, k = 3). Missing values are kept. Training data only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoveOutliers(String column, Method method, Double factor, Double fittedLower, Double fittedUpper) implements TableOperation {

    public enum Method { IQR, ZSCORE }

    public RemoveOutliers(String column, Method method, Double factor) {
        this(column, method, factor, null, null);
    }

    private double k() {
        return factor != null ? factor : method == Method.IQR ? 1.5 : 3.0;
    }

    @Override
    public String describe() {
        String rule = method == Method.IQR ? "more than " + Rows.text(k()) + " IQR outside the quartiles"
                : "more than " + Rows.text(k()) + " standard deviations from the mean";
        String bounds = fittedLower == null ? "" : " (keeps " + Rows.text(round(fittedLower)) + " to " + Rows.text(round(fittedUpper)) + ")";
        return "Remove rows where " + column + " is " + rule + bounds;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if (method == null) {
            throw new StepException(column, "choose IQR or z-score");
        }
        if (factor != null && factor <= 0) {
            throw new StepException(column, "the factor must be positive");
        }
    }

    @Override
    public RemoveOutliers fit(Dataset input) {
        TableChecks.numeric(input, column, "removing outliers");
        double[] values = Stats.present(input.column(column));
        if (values.length < 2) {
            throw new StepException(column, "'" + column + "' has too few values to find outliers");
        }
        double lo;
        double hi;
        if (method == Method.IQR) {
            java.util.Arrays.sort(values);
            double q1 = Stats.quantileSorted(values, 0.25);
            double q3 = Stats.quantileSorted(values, 0.75);
            double iqr = q3 - q1;
            lo = q1 - k() * iqr;
            hi = q3 + k() * iqr;
        } else {
            double mean = Stats.mean(values);
            double sd = Stats.std(values);
            lo = mean - k() * sd;
            hi = mean + k() * sd;
        }
        return new RemoveOutliers(column, method, factor, lo, hi);
    }

    @Override
    public boolean hasFit() {
        return fittedLower != null && fittedUpper != null;
    }

    @Override
    public Dataset apply(Dataset input) {
        RemoveOutliers f = hasFit() ? this : fit(input);
        TableChecks.numeric(input, column, "removing outliers");
        Column<?> c = input.column(column);
        IntArrayList keep = new IntArrayList(input.rowCount());
        for (int r = 0; r < input.rowCount(); r++) {
            double v = Cells.number(c, r);
            if (Double.isNaN(v) || (v >= f.fittedLower && v <= f.fittedUpper)) {
                keep.add(r);
            }
        }
        return keep.size() == input.rowCount() ? input : Edit.rows(input, keep.toIntArray());
    }
}
