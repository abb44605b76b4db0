package dev.baton.train;

/**
 * The regression target standardized for models trained by gradient descent: they learn {@code (y - mean) / std}
 * and their predictions are mapped back. Their step sizes are tuned for values near 1, so a target in the
 * 100,000s (house prices) would otherwise take far more steps than any default gives.
 */
public record TargetScale(double mean, double std) {

    /** The training rows' mean and sample standard deviation (1 when the target is constant). */
    static TargetScale fit(double[] values, int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += values[r];
        }
        double mean = sum / Math.max(1, rows.length);
        double ss = 0;
        for (int r : rows) {
            ss += (values[r] - mean) * (values[r] - mean);
        }
        double std = rows.length > 1 ? Math.sqrt(ss / (rows.length - 1)) : 1;
        return new TargetScale(mean, std > 0 ? std : 1);
    }

    public double scale(double value) {
        return (value - mean) / std;
    }

    public double unscale(double value) {
        return value * std + mean;
    }
}
