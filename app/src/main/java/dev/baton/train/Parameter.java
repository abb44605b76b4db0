package dev.baton.train;

/**
 * A hyperparameter of an algorithm: its name in settings files, a label, the default, the allowed range, and
 * (when a hyperparameter search may vary it) the range searched. Integer parameters hold whole numbers; where a
 * label says so, 0 means "chosen from the data" (epochs, the fraction of features per split) or "unlimited" (depth).
 */
public record Parameter(String name, String label, double defaultValue, double min, double max, boolean integer, String help,
                        SearchRange search) {

    /** Which end of a searched range makes the simpler (or cheaper) model. */
    public enum Simpler { LOWER, HIGHER, NEITHER }

    /**
     * The range a search draws this parameter from: low to high, evenly or on a log scale; {@code simpler} says which
     * way a model gets simpler or cheaper, so that a search can prefer it when the scores cannot tell configurations
     * apart. {@code zeroIsUnlimited}: the value 0 stands for "no limit" (depth) and counts as the most complex.
     */
    public record SearchRange(double low, double high, boolean log, Simpler simpler, boolean zeroIsUnlimited) {
    }

    public static Parameter integer(String name, String label, int defaultValue, int min, int max, String help) {
        return new Parameter(name, label, defaultValue, min, max, true, help, null);
    }

    public static Parameter real(String name, String label, double defaultValue, double min, double max, String help) {
        return new Parameter(name, label, defaultValue, min, max, false, help, null);
    }

    /** This parameter, searched from low to high (log scale when {@code log}). */
    public Parameter searched(double low, double high, boolean log, Simpler simpler) {
        return new Parameter(name, label, defaultValue, min, max, integer, help, new SearchRange(low, high, log, simpler, false));
    }

    /** A depth searched from low to high, where 0 (unlimited) is the deepest of all. */
    public Parameter searchedDepth(int low, int high) {
        return new Parameter(name, label, defaultValue, min, max, integer, help, new SearchRange(low, high, false, Simpler.LOWER, true));
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
