package dev.baton.train;

/**
 * A hyperparameter of an algorithm: its name in settings files, a label, the default, and the allowed range.
 * Integer parameters hold whole numbers; where a label says so, 0 means "chosen from the data" (epochs, depth, the
 * fraction of features per split).
 */
public record Parameter(String name, String label, double defaultValue, double min, double max, boolean integer, String help) {

    public static Parameter integer(String name, String label, int defaultValue, int min, int max, String help) {
        return new Parameter(name, label, defaultValue, min, max, true, help);
    }

    public static Parameter real(String name, String label, double defaultValue, double min, double max, String help) {
        return new Parameter(name, label, defaultValue, min, max, false, help);
    }

    /** The value to use: the given one, checked against the range, or the default. */
    public double value(java.util.Map<String, Double> given, String algorithm) {
        Double v = given == null ? null : given.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v < min || v > max || (integer && v != Math.rint(v))) {
            throw new dev.baton.util.UserException(algorithm + ": " + label + " must be " + (integer ? "a whole number " : "")
                    + "between " + fmt(min) + " and " + fmt(max) + ", not " + fmt(v) + ".");
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
