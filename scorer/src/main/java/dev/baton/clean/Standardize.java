package dev.baton.clean;

import dev.baton.batch.Batch;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Rescales to mean 0 and standard deviation 1 with the fitted mean and sample standard deviation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Standardize(String column, Double fittedMean, Double fittedStd) implements RowOperation {

    public Standardize(String column) {
        this(column, null, null);
    }

    @Override
    public String describe() {
        return "Standardize " + column + (fittedMean == null ? "" : " (mean " + Rows.text(fittedMean) + ", sd " + Rows.text(fittedStd) + ")");
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
    }

    @Override
    public boolean hasFit() {
        return fittedMean != null && fittedStd != null;
    }

    @Override
    public Batch apply(Batch rows) {
        if (!hasFit()) {
            throw StepException.notFitted(column, "the mean and standard deviation");
        }
        return Rows.mapNumbers(rows, column, null, "standardizing", false, v -> (v - fittedMean) / fittedStd);
    }
}
