package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;

/** Takes the logarithm (natural, 10 or 2), optionally of x + 1; values at or below zero become missing. */
public record LogTransform(String column, String base, boolean plusOne, String into) implements RowOperation {

    /** Logarithms exact where the JDK has them: log10 directly, log2 exact for powers of two. */
    private double log(double x) {
        return switch (base == null ? "e" : base) {
            case "10" -> Math.log10(x);
            case "2" -> Math.getExponent(x) >= Double.MIN_EXPONENT && x == Math.scalb(1.0, Math.getExponent(x))
                    ? Math.getExponent(x) : Math.log(x) / Math.log(2);
            default -> Math.log(x);
        };
    }

    @Override
    public String describe() {
        return "Take log" + (base == null || base.equals("e") ? "" : base) + "(" + column + (plusOne ? " + 1" : "") + ")"
                + (into == null || into.isBlank() ? "" : " into " + into);
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
        if (base != null && !List.of("e", "10", "2").contains(base)) {
            throw new StepException(column, "the base is e, 10 or 2, not " + base);
        }
    }

    private double transform(double v) {
        double x = plusOne ? v + 1 : v;
        return x > 0 ? log(x) : Double.NaN;
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapNumbers(rows, column, into, "a logarithm", false, this::transform);
    }
}
