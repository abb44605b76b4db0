package dev.baton.train;

/**
 * The regression target standardized for a model that learnt {@code (y - mean) / std}, whose predictions are
 * mapped back. Linear regression trained by SGD needed it; it is solved exactly now, so only bundles and projects
 * saved before carry one, and they are still read and scored with it.
 */
public record TargetScale(double mean, double std) {

    public double scale(double value) {
        return (value - mean) / std;
    }

    public double unscale(double value) {
        return value * std + mean;
    }
}
