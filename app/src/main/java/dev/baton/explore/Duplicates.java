package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.data.TablesawTypes;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Counts rows that repeat an earlier row in every column. A column that rises (or falls) strictly from row to
 * row, as row numbers and a log's timestamps do, tells every row apart: then there are none. Otherwise each row
 * gets a 64-bit hash built column by column (fast, no boxing); rows with the same hash are then compared value
 * by value, so the count is exact.
 */
public final class Duplicates {

    /** A row, the first of its values, and how many rows in all hold exactly those values (at least two). */
    public record Repeat(int row, int times) {
    }

    private Duplicates() {
    }

    static long count(Dataset data) {
        return count(data, new ColumnNumbers(data));
    }

    /** As above, reading numeric columns as the profile's shared doubles. */
    static long count(Dataset data, ColumnNumbers numbers) {
        long[] duplicates = new long[1];
        forEachRepeat(data, numbers, (first, row) -> duplicates[0]++);
        return duplicates[0];
    }

    /** The rows repeated most often, most first (the earlier first among equals), at most {@code limit}. */
    public static List<Repeat> mostRepeated(Dataset data, int limit) {
        int[] times = new int[data.rowCount()];
        forEachRepeat(data, new ColumnNumbers(data), (first, row) -> times[first]++);
        List<Repeat> repeats = new ArrayList<>();
        for (int r = 0; r < times.length; r++) {
            if (times[r] > 0) {
                repeats.add(new Repeat(r, times[r] + 1));
            }
        }
        repeats.sort(Comparator.comparingInt(Repeat::times).reversed().thenComparingInt(Repeat::row));
        return List.copyOf(repeats.subList(0, Math.min(limit, repeats.size())));
    }

    /** Called for each row that repeats an earlier one in every column, with the first row of those values. */
    private interface RepeatSink {
        void repeat(int first, int row);
    }

    private static void forEachRepeat(Dataset data, ColumnNumbers numbers, RepeatSink sink) {
        int n = data.rowCount();
        List<Column<?>> columns = data.table().columns();
        if (columns.stream().anyMatch(c -> c instanceof NumericColumn<?> ? strictlyMonotonic(numbers.of(c.name()))
                : strictlyMonotonic(c))) {
            return;
        }
        long[] hash = new long[n];
        for (Column<?> column : columns) {
            mixIn(hash, column, numbers);
        }
        Long2IntOpenHashMap first = new Long2IntOpenHashMap(n);
        first.defaultReturnValue(-1);
        for (int r = 0; r < n; r++) {
            int earlier = first.putIfAbsent(hash[r], r);
            if (earlier >= 0 && sameRow(columns, earlier, r)) {
                sink.repeat(earlier, r);
            }
        }
    }

    /**
     * Folds one column into the row hashes. One typed loop per kind of column, over the stored codes (a category's
     * dictionary key, a date's day number): equal values have equal codes, and no cell becomes an object.
     */
    private static void mixIn(long[] hash, Column<?> column, ColumnNumbers numbers) {
        int n = hash.length;
        if (column instanceof NumericColumn<?>) {
            double[] v = numbers.of(column.name());
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + (Double.isNaN(v[r]) ? MISSING : mix(Double.doubleToLongBits(v[r])));
            }
        } else if (column instanceof StringColumn s && TablesawTypes.keyedDictionary(s) != null) {
            var dictionary = TablesawTypes.keyedDictionary(s);
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + mix(dictionary.getKeyForIndex(r));
            }
        } else if (column instanceof DateColumn d) {
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + mix(d.getIntInternal(r));
            }
        } else if (column instanceof DateTimeColumn t) {
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + mix(t.getLongInternal(r));
            }
        } else if (column instanceof BooleanColumn b) {
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + mix(b.getByte(r));
            }
        } else {
            for (int r = 0; r < n; r++) {
                hash[r] = hash[r] * 0x9E3779B97F4A7C15L + (column.isMissing(r) ? MISSING : mix(Objects.hashCode(column.get(r))));
            }
        }
    }

    private static final long MISSING = 0x5bd1e995L;

    /**
     * Whether every row's value is above the previous row's, or every one below. Stored codes compare as the
     * values do (a missing date's code is the least one), and a missing number (NaN) is never above or below.
     * Most columns fail at their first rows.
     */
    static boolean strictlyMonotonic(Column<?> column) {
        if (column.size() < 2) {
            return false;
        }
        if (column instanceof NumericColumn<?>) {
            return strictlyMonotonic(dev.baton.data.Numbers.of(column));
        }
        if (column instanceof DateColumn d) {
            return strictlyMonotonic(d.size(), r -> d.getIntInternal(r));
        }
        if (column instanceof DateTimeColumn t) {
            return strictlyMonotonic(t.size(), t::getLongInternal);
        }
        return false;
    }

    /** As for a column, over its numbers (NaN where missing). */
    private static boolean strictlyMonotonic(double[] v) {
        if (v.length < 2) {
            return false;
        }
        boolean rising = v[1] > v[0];
        for (int r = 1; r < v.length; r++) {
            if (!(rising ? v[r] > v[r - 1] : v[r] < v[r - 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyMonotonic(int n, java.util.function.IntToLongFunction code) {
        int sign = Long.compare(code.applyAsLong(1), code.applyAsLong(0));
        if (sign == 0) {
            return false;
        }
        for (int r = 1; r < n; r++) {
            if (Long.compare(code.applyAsLong(r), code.applyAsLong(r - 1)) != sign) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private static boolean sameRow(List<Column<?>> columns, int a, int b) {
        for (Column<?> c : columns) {
            boolean ma = c.isMissing(a);
            boolean mb = c.isMissing(b);
            if (ma != mb || (!ma && !Objects.equals(c.get(a), c.get(b)))) {
                return false;
            }
        }
        return true;
    }
}
