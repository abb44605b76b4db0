package dev.baton.data;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.booleans.BitSetBooleanData;

import java.util.Arrays;

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
        if (column instanceof BooleanColumn b && b.data() instanceof BitSetBooleanData sets) {
            return yesNo(sets.trueBytes(), sets.falseBytes(), b.size());
        }
        if (column instanceof BooleanColumn b) {
            // A byte per row: 1 true, 0 false, anything else missing. No Boolean per cell.
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

    /**
     * 1 where row r's bit is set in the true set, 0 where in the false set, NaN where in neither (missing). The
     * sets come as BitSet.toByteArray gives them (bit r in byte r / 8, trailing zero bytes dropped): reading them
     * whole is one loop, where asking the column is three BitSet lookups a row.
     */
    private static double[] yesNo(byte[] trues, byte[] falses, int n) {
        byte[] t = Arrays.copyOf(trues, (n + 7) >>> 3);
        byte[] f = Arrays.copyOf(falses, (n + 7) >>> 3);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            int bit = 1 << (r & 7);
            out[r] = (t[r >>> 3] & bit) != 0 ? 1 : (f[r >>> 3] & bit) != 0 ? 0 : Double.NaN;
        }
        return out;
    }

    /** The values that are not NaN, in row order, in a new array (the given one is left as it is). */
    public static double[] filled(double[] all) {
        int n = 0;
        for (double v : all) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        if (n == all.length) {
            return all.clone();
        }
        double[] out = new double[n];
        int at = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                out[at++] = v;
            }
        }
        return out;
    }

    /** Only the filled values, in row order: a new array the caller may reorder. */
    public static double[] present(Column<?> column) {
        double[] all = of(column);
        int n = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                all[n++] = v;
            }
        }
        // Without gaps the array is already the answer: a second copy would be 8 MB a million rows, written for nothing.
        return n == all.length ? all : Arrays.copyOf(all, n);
    }
}
