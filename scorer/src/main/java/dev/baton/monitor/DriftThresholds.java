package dev.baton.monitor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The thresholds of a drift check, with the defaults commonly used (PSI 0.1 "watch" and 0.25 "drift"; Evidently's
 * 0.1 for the normalized Wasserstein and Jensen-Shannon distances). Each can be set per run as {@code key=value}.
 *
 * @param minRows      below this many rows the verdict is "not enough data", never an alarm
 * @param distanceRows the Wasserstein distance counts only when both sides have this many values (as Evidently,
 *                     which uses it from 1,000 reference rows); below, sampling alone moves it past 0.1
 * @param important    a drift in one of this many most important inputs is a drift of the data
 * @param columnShare  a drift in at least this share of the inputs is a drift of the data
 */
@JsonPropertyOrder({"psiWatch", "psiDrift", "wasserstein", "jensenShannon", "missingWatch", "missingDrift", "unseenWatch",
        "unseenDrift", "minRows", "distanceRows", "important", "columnShare"})
public record DriftThresholds(double psiWatch, double psiDrift, double wasserstein, double jensenShannon, double missingWatch,
                              double missingDrift, double unseenWatch, double unseenDrift, long minRows, long distanceRows,
                              int important, double columnShare) {

    public static final DriftThresholds DEFAULTS = new DriftThresholds(0.1, 0.25, 0.1, 0.1, 0.05, 0.10, 0.01, 0.05, 100, 1000, 5, 1.0 / 3);

    /** The keys a run may set, with what each means. */
    public static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("psi-watch", "PSI from which a column is marked 'watch' (0.1)");
        k.put("psi-drift", "PSI from which a column drifts (0.25)");
        k.put("wasserstein", "normalized Wasserstein distance from which a numeric column is marked 'watch' (0.1)");
        k.put("jensen-shannon", "Jensen-Shannon distance from which a categorical column is marked 'watch' (0.1)");
        k.put("missing-watch", "change in the share of missing values marked 'watch' (0.05)");
        k.put("missing-drift", "change in the share of missing values that is a drift (0.10)");
        k.put("unseen-watch", "share of categories never seen in training marked 'watch' (0.01)");
        k.put("unseen-drift", "share of categories never seen in training that is a drift (0.05)");
        k.put("min-rows", "rows below which the verdict is 'not enough data' (100)");
        k.put("distance-rows", "values on each side from which the Wasserstein distance counts (1000)");
        k.put("important", "how many of the most important inputs drift the data when one of them drifts (5)");
        k.put("column-share", "share of inputs whose drift drifts the data (0.333)");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** The defaults with the given {@code key=value} settings applied; an unknown key or a bad value is refused, naming it. */
    public static DriftThresholds parse(List<String> settings) {
        DriftThresholds t = DEFAULTS;
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + s + "' is not key=value; keys: " + String.join(", ", KEYS.keySet()));
            }
            String key = s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String text = s.substring(eq + 1).strip();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the threshold " + key + " needs a number, not '" + text + "'");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("the threshold " + key + " must be a number of 0 or more, not '" + text + "'");
            }
            t = switch (key) {
                case "psi-watch" -> new DriftThresholds(v, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch, t.missingDrift,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "psi-drift" -> new DriftThresholds(t.psiWatch, v, t.wasserstein, t.jensenShannon, t.missingWatch, t.missingDrift,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "wasserstein" -> new DriftThresholds(t.psiWatch, t.psiDrift, v, t.jensenShannon, t.missingWatch, t.missingDrift,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "jensen-shannon" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, v, t.missingWatch, t.missingDrift,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "missing-watch" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, v, t.missingDrift,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "missing-drift" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch, v,
                        t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "unseen-watch" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, v, t.unseenDrift, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "unseen-drift" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, t.unseenWatch, v, t.minRows, t.distanceRows, t.important, t.columnShare);
                case "min-rows" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, t.unseenWatch, t.unseenDrift, whole(key, v), t.distanceRows, t.important, t.columnShare);
                case "distance-rows" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, t.unseenWatch, t.unseenDrift, t.minRows, whole(key, v), t.important, t.columnShare);
                case "important" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, (int) whole(key, v), t.columnShare);
                case "column-share" -> new DriftThresholds(t.psiWatch, t.psiDrift, t.wasserstein, t.jensenShannon, t.missingWatch,
                        t.missingDrift, t.unseenWatch, t.unseenDrift, t.minRows, t.distanceRows, t.important, v);
                default -> throw new IllegalArgumentException("there is no threshold '" + key + "'; the keys are "
                        + String.join(", ", KEYS.keySet()));
            };
        }
        if (t.psiWatch > t.psiDrift || t.missingWatch > t.missingDrift || t.unseenWatch > t.unseenDrift) {
            throw new IllegalArgumentException("a 'watch' threshold is above its 'drift' threshold (psi " + t.psiWatch + "/" + t.psiDrift
                    + ", missing " + t.missingWatch + "/" + t.missingDrift + ", unseen " + t.unseenWatch + "/" + t.unseenDrift + ")");
        }
        return t;
    }

    private static long whole(String key, double v) {
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the threshold " + key + " needs a whole number, not " + v);
        }
        return (long) v;
    }
}
