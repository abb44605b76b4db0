package dev.baton.clean;

import tech.tablesaw.columns.Column;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Statistics the steps fit, computed on the filled cells only (missing values ignored, as pandas does). */
final class Stats {

    private Stats() {
    }

    static double[] present(Column<?> column) {
        return dev.baton.data.Numbers.present(column);
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        // Kahan summation: the mean stays exact to the last digit on large columns.
        double sum = 0;
        double c = 0;
        for (double v : values) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1), as pandas' std(). */
    static double std(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    /** The q-quantile with linear interpolation between closest ranks (pandas' default). Sorts a copy. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileSorted(sorted, q);
    }

    static double quantileSorted(double[] sorted, double q) {
        double position = (sorted.length - 1) * q;
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    /** The most frequent value; ties go to the smallest (numbers) or the first in sort order (text), as pandas' mode()[0]. */
    static Object mode(Column<?> column) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            Object v = Cells.get(column, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        Object best = null;
        int bestCount = 0;
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && compare(e.getKey(), best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (b == null) {
            return -1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
