package dev.baton.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** A numeric column's values as a plain array, NaN where missing: one tight copy instead of a call per cell. */
public final class Numbers {

    private Numbers() {
    }

    public static double[] of(Column<?> column) {
        if (column instanceof DoubleColumn d) {
            return d.asDoubleArray();
        }
        if (column instanceof IntColumn i) {
            int[] ints = i.asIntArray();
            double[] out = new double[ints.length];
            for (int r = 0; r < ints.length; r++) {
                out[r] = ints[r] == Integer.MIN_VALUE ? Double.NaN : ints[r];
            }
            return out;
        }
        if (column instanceof LongColumn l) {
            long[] longs = l.asLongArray();
            double[] out = new double[longs.length];
            for (int r = 0; r < longs.length; r++) {
                out[r] = longs[r] == Long.MIN_VALUE ? Double.NaN : longs[r];
            }
            return out;
        }
        if (column instanceof BooleanColumn b) {
            // Stored as a byte per row: 1 true, 0 false, anything else missing. No Boolean per cell.
            double[] out = new double[b.size()];
            for (int r = 0; r < out.length; r++) {
                byte v = b.getByte(r);
                out[r] = v == 1 ? 1 : v == 0 ? 0 : Double.NaN;
            }
            return out;
        }
        double[] out = new double[column.size()];
        for (int r = 0; r < out.length; r++) {
            if (column.isMissing(r)) {
                out[r] = Double.NaN;
            } else {
                out[r] = ((NumericColumn<?>) column).getDouble(r);
            }
        }
        return out;
    }

    /** Only the filled values, in row order. */
    public static double[] present(Column<?> column) {
        double[] all = of(column);
        int n = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                all[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(all, n);
    }
}
