package dev.baton.clean;

import dev.baton.batch.Batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Rounds numbers to a number of decimals (half away from zero; negative decimals round to tens, hundreds...). */
public record RoundNumbers(String column, int decimals) implements RowOperation {

    @Override
    public String describe() {
        return "Round " + column + " to " + decimals + " decimal" + (decimals == 1 ? "" : "s");
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
        if (decimals < -15 || decimals > 15) {
            throw new StepException(column, "decimals must be between -15 and 15");
        }
    }

    private double round(double v) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapNumbers(rows, column, null, "rounding", true, this::round);
    }
}
