package dev.baton.explore;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes column and dataset profiles. Numeric columns are profiled from one sorted copy of their filled
 * values: order statistics, distinct and repeated values, the histogram and the moments all come from it.
 * Columns are profiled in parallel.
 */
public final class Profiler {

    private static final int TOP = 10;

    private Profiler() {
    }

    public static DatasetProfile profile(Dataset data, Progress progress) {
        return profile(data, 0, progress);
    }

    /** Profiles every column; {@code bins} &lt;= 0 picks the histogram bins from the row count. */
    public static DatasetProfile profile(Dataset data, int bins, Progress progress) {
        List<ColumnInfo> infos = data.columns();
        ColumnProfile[] columns = new ColumnProfile[infos.size()];
        AtomicInteger done = new AtomicInteger();
        long[] duplicates = new long[1];
        int tasks = infos.size() + 1;
        // The duplicate count is the longest task: it goes first, so the columns fill the other cores meanwhile.
        Parallel.forEach(tasks, i -> {
            progress.checkCancelled();
            if (i == 0) {
                duplicates[0] = Duplicates.count(data);
            } else {
                columns[i - 1] = column(data, infos.get(i - 1).name(), bins);
            }
            progress.update(done.incrementAndGet(), tasks, "Profiling");
        });
        long missing = 0;
        Map<String, Integer> types = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            missing += c.missing();
            types.merge(c.type().label(), 1, Integer::sum);
        }
        long cells = (long) data.rowCount() * data.columnCount();
        return new DatasetProfile(data.name(), data.rowCount(), data.columnCount(), missing,
                cells == 0 ? 0 : 100.0 * missing / cells, duplicates[0], data.memoryBytes(), types, List.of(columns));
    }

    public static ColumnProfile column(Dataset data, String name, int bins) {
        Column<?> column = data.column(name);
        ColumnInfo info = data.info(name);
        if (column instanceof NumericColumn<?> numeric) {
            return numeric(info, numeric, bins);
        }
        if (column instanceof StringColumn strings) {
            return strings(info, strings);
        }
        if (column instanceof BooleanColumn bools) {
            return booleans(info, bools);
        }
        if (column instanceof DateColumn || column instanceof DateTimeColumn) {
            return temporal(info, column);
        }
        throw new IllegalArgumentException("cannot profile " + column.getClass().getSimpleName());
    }

    private static ColumnProfile numeric(ColumnInfo info, NumericColumn<?> column, int bins) {
        int size = column.size();
        double[] v = dev.baton.data.Numbers.present(column);
        int n = v.length;
        boolean sorted = info.type() == ColumnType.INTEGER ? sortWholeNumbers(v) : sortFixedPoint(v);
        if (!sorted) {
            it.unimi.dsi.fastutil.doubles.DoubleArrays.radixSort(v);
        }
        long missing = size - n;
        if (n == 0) {
            return new ColumnProfile(info.name(), info.type(), 0, missing, percent(missing, size), 0, 0, null, null, null, null, null,
                    null, null, null, 0L, 0L, 0.0, null, null, null, null, null, info.unparsable(), List.of(), Histogram.of(v, 1));
        }
        Sums sums = Sums.of(v);
        double mean = sums.sum / n;
        double[] moments = centralMoments(v, mean);
        double m2 = moments[0];
        Double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : null;
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (double level : ColumnProfile.LEVELS) {
            quantiles.put(ColumnProfile.levelKey(level), quantile(v, level));
        }
        Runs runs = Runs.of(v);
        List<ValueCount> top = new ArrayList<>();
        for (int start : runs.top.starts()) {
            top.add(new ValueCount(format(v[start], info.type()), runs.top.length(start)));
        }
        int k = bins > 0 ? bins : Histogram.defaultBins(n);
        return new ColumnProfile(info.name(), info.type(), n, missing, percent(missing, size), runs.distinct, runs.unique, mean,
                std, v[0], v[n - 1], quantile(v, 0.5), quantiles, skewness(n, m2, moments[1]), kurtosis(n, m2, moments[2]),
                sums.zeros, sums.negatives, sums.sum,
                null, null, null, null, null, info.unparsable(), top, Histogram.of(v, k));
    }

    // The passes over a column are small methods of one loop each: in a fresh JVM each is compiled once, quickly,
    // where one method holding every loop was recompiled at each loop's entry (a third of a second per column type).

    /** The sum (compensated, so a million values add up exactly enough), zeros and negatives. */
    private record Sums(double sum, long zeros, long negatives) {
        static Sums of(double[] v) {
            double sum = 0;
            double compensation = 0;
            long zeros = 0;
            long negatives = 0;
            for (double x : v) {
                double y = x - compensation;
                double t = sum + y;
                compensation = (t - sum) - y;
                sum = t;
                zeros += x == 0 ? 1 : 0;
                negatives += x < 0 ? 1 : 0;
            }
            return new Sums(sum, zeros, negatives);
        }
    }

    /** Sums of the 2nd, 3rd and 4th powers of the deviations from the mean. */
    private static double[] centralMoments(double[] v, double mean) {
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double x : v) {
            double d = x - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        return new double[]{m2, m3, m4};
    }

    /** Distinct values, values seen once, and the most frequent ones, from the runs of equal values in a sorted copy. */
    private record Runs(long distinct, long unique, TopRuns top) {
        static Runs of(double[] v) {
            int n = v.length;
            long distinct = 0;
            long unique = 0;
            TopRuns top = new TopRuns(TOP);
            for (int i = 0; i < n; ) {
                int j = i + 1;
                while (j < n && v[j] == v[i]) {
                    j++;
                }
                distinct++;
                unique += j - i == 1 ? 1 : 0;
                top.offer(i, j - i);
                i = j;
            }
            return new Runs(distinct, unique, top);
        }
    }

    /**
     * The longest runs of equal values in a sorted array (the most frequent values), kept in a small heap so that
     * a million distinct values cost no list of a million entries. Ties go to the smaller value (the earlier run).
     */
    static final class TopRuns {
        private final int k;
        private final java.util.PriorityQueue<int[]> heap = new java.util.PriorityQueue<>(
                (a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));

        TopRuns(int k) {
            this.k = k;
        }

        void offer(int start, int length) {
            if (heap.size() < k) {
                heap.add(new int[]{start, length});
            } else if (length > heap.peek()[1]) {
                heap.poll();
                heap.add(new int[]{start, length});
            }
        }

        private final java.util.Map<Integer, Integer> lengths = new java.util.HashMap<>();

        /** Run starts, longest first, then by position (smaller values first). */
        List<Integer> starts() {
            List<int[]> all = new ArrayList<>(heap);
            all.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
            List<Integer> out = new ArrayList<>();
            for (int[] run : all) {
                out.add(run[0]);
                lengths.put(run[0], run[1]);
            }
            return out;
        }

        long length(int start) {
            return lengths.get(start);
        }
    }

    /**
     * Sorts whole numbers (ages, counts, years, row numbers, amounts) as integers: counted when their range is no
     * wider than about the number of values, radix-sorted on their offsets from the minimum otherwise (at most
     * three passes over ints, where a radix sort of doubles makes eight over longs). False, with the array
     * untouched, when the range is wider than an int.
     */
    static boolean sortWholeNumbers(double[] v) {
        return sortAsUnits(v, 1);
    }

    /**
     * Sorts decimals written with at most four decimal places (scores, measurements, temperatures, amounts:
     * 0.8006, 33.8, 20.71, 175622.19) as whole numbers of their smallest unit, when every value is exactly the
     * double nearest to such a number. False, with the array untouched, otherwise.
     */
    static boolean sortFixedPoint(double[] v) {
        for (double scale : new double[]{1, 10, 100, 1_000, 10_000}) {
            if (sortAsUnits(v, scale)) {
                return true;
            }
        }
        return false;
    }

    /** Sorts values that are all exactly (a whole number) / scale, spanning at most an int's range of such numbers. */
    private static boolean sortAsUnits(double[] v, double scale) {
        if (v.length == 0) {
            return true;
        }
        double[] bounds = unitBounds(v, scale);
        if (bounds == null) {
            return false;
        }
        double min = bounds[0];
        double range = bounds[1] - min + 1;
        if (!(range <= Integer.MAX_VALUE)) {
            return false; // also when a value is infinite (1e400 in a file)
        }
        if (range <= Math.max(1 << 16, 2.0 * v.length)) {
            countUnits(v, scale, min, (int) range);
            return true;
        }
        int[] sorted = UnitRadixSort.sort(unitOffsets(v, scale, min), (int) range);
        for (int i = 0; i < v.length; i++) {
            // (min + offset) / scale is the double each value was: that is what made it sortable as a number of units.
            v[i] = (min + sorted[i]) / scale;
        }
        return true;
    }

    /** The least and greatest number of units, or null when some value is not a whole number of units. */
    private static double[] unitBounds(double[] v, double scale) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            double units = Math.rint(x * scale);
            if (units / scale != x) {
                return null;
            }
            min = Math.min(min, units);
            max = Math.max(max, units);
        }
        return new double[]{min, max};
    }

    private static void countUnits(double[] v, double scale, double min, int range) {
        int[] counts = new int[range];
        for (double x : v) {
            counts[(int) (Math.rint(x * scale) - min)]++;
        }
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            // As in sortAsUnits: (min + k) / scale is the very double these values were.
            java.util.Arrays.fill(v, at, at + counts[k], (min + k) / scale);
            at += counts[k];
        }
    }

    private static int[] unitOffsets(double[] v, double scale, double min) {
        int[] offsets = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            offsets[i] = (int) (Math.rint(v[i] * scale) - min);
        }
        return offsets;
    }

    /**
     * Sorts stored dates (or date-times) spanning a range of keys no wider than about the number of values by
     * counting them, as {@link #sortWholeNumbers(double[])} does for whole numbers in a narrow range. False,
     * untouched, otherwise.
     */
    static boolean countingSort(long[] v) {
        if (v.length == 0) {
            return true;
        }
        long min = v[0];
        long max = v[0];
        for (long x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (max - min < 0 || max - min + 1 > Math.max(1 << 16, 2L * v.length)) {
            return false;
        }
        int[] counts = new int[(int) (max - min + 1)];
        for (long x : v) {
            counts[(int) (x - min)]++;
        }
        int at = 0;
        for (int k = 0; k < counts.length; k++) {
            Arrays.fill(v, at, at + counts[k], min + k);
            at += counts[k];
        }
        return true;
    }

    /** pandas' adjusted Fisher-Pearson skewness (Series.skew). */
    static Double skewness(long n, double m2, double m3) {
        if (n < 3) {
            return null;
        }
        if (m2 == 0 || Math.abs(m2) < 1e-14 * n) {
            return 0.0;
        }
        return (n * Math.sqrt(n - 1.0) / (n - 2.0)) * (m3 / Math.pow(m2, 1.5));
    }

    /** pandas' bias-adjusted excess kurtosis (Series.kurt). */
    static Double kurtosis(long n, double m2, double m4) {
        if (n < 4) {
            return null;
        }
        double denominator = (n - 2.0) * (n - 3.0) * m2 * m2;
        if (denominator == 0) {
            return 0.0;
        }
        double adjustment = 3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
        return n * (n + 1.0) * (n - 1.0) * m4 / denominator - adjustment;
    }

    /** Linear interpolation between closest ranks, as pandas' quantile(). */
    static double quantile(double[] sorted, double q) {
        double position = (sorted.length - 1) * q;
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static String format(double value, ColumnType type) {
        if (type == ColumnType.INTEGER || (value == Math.rint(value) && Math.abs(value) < 1e15)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static ColumnProfile strings(ColumnInfo info, StringColumn column) {
        List<ValueCount> all = new ArrayList<>();
        long count = 0;
        long unique = 0;
        long lengthSum = 0;
        int minLength = Integer.MAX_VALUE;
        int maxLength = 0;
        for (Map.Entry<String, Integer> entry : dev.baton.clean.Clustering.counts(column).entrySet()) {
            String value = entry.getKey();
            int c = entry.getValue();
            all.add(new ValueCount(value, c));
            count += c;
            if (c == 1) {
                unique++;
            }
            lengthSum += (long) value.length() * c;
            minLength = Math.min(minLength, value.length());
            maxLength = Math.max(maxLength, value.length());
        }
        all.sort(Comparator.comparingLong((ValueCount vc) -> -vc.count()).thenComparing(ValueCount::value));
        long missing = column.size() - count;
        return new ColumnProfile(info.name(), info.type(), count, missing, percent(missing, column.size()), all.size(), unique,
                null, null, null, null, null, null, null, null, null, null, null,
                count == 0 ? null : minLength, count == 0 ? null : (double) lengthSum / count, count == 0 ? null : maxLength,
                null, null, info.unparsable(), List.copyOf(all.subList(0, Math.min(TOP, all.size()))), null);
    }

    private static ColumnProfile booleans(ColumnInfo info, BooleanColumn column) {
        // Counted from the column's stored true and false sets, not row by row: a missing value is in neither.
        long yes = column.countTrue();
        long no = column.countFalse();
        long count = yes + no;
        List<ValueCount> top = new ArrayList<>();
        if (yes >= no) {
            top.add(new ValueCount("true", yes));
            top.add(new ValueCount("false", no));
        } else {
            top.add(new ValueCount("false", no));
            top.add(new ValueCount("true", yes));
        }
        top.removeIf(vc -> vc.count() == 0);
        long missing = column.size() - count;
        long distinct = top.size();
        long unique = top.stream().filter(vc -> vc.count() == 1).count();
        return new ColumnProfile(info.name(), info.type(), count, missing, percent(missing, column.size()), distinct, unique,
                count == 0 ? null : (double) yes / count, null, null, null, null, null, null, null, null, null, (double) yes,
                null, null, null, null, null, info.unparsable(), top, null);
    }

    private static ColumnProfile temporal(ColumnInfo info, Column<?> column) {
        boolean dates = column instanceof DateColumn;
        long[] v = dates ? storedKeys((DateColumn) column) : storedKeys((DateTimeColumn) column);
        int n = v.length;
        if (!countingSort(v)) {
            Arrays.sort(v);
        }
        long distinct = 0;
        long unique = 0;
        TopRuns runs = new TopRuns(TOP);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && v[j] == v[i]) {
                j++;
            }
            distinct++;
            if (j - i == 1) {
                unique++;
            }
            runs.offer(i, j - i);
            i = j;
        }
        List<ValueCount> top = new ArrayList<>();
        for (int start : runs.starts()) {
            top.add(new ValueCount(text(v[start], dates), runs.length(start)));
        }
        long missing = column.size() - n;
        return new ColumnProfile(info.name(), info.type(), n, missing, percent(missing, column.size()), distinct, unique,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                n == 0 ? null : text(v[0], dates), n == 0 ? null : text(v[n - 1], dates), info.unparsable(), top, null);
    }

    /** The filled cells' stored keys (packed dates), in row order: one typed loop, no check of the type per row. */
    private static long[] storedKeys(DateColumn column) {
        long[] keys = new long[column.size()];
        int n = 0;
        for (int r = 0; r < keys.length; r++) {
            int key = column.getIntInternal(r);
            if (key != DateColumnType.missingValueIndicator()) {
                keys[n++] = key;
            }
        }
        return Arrays.copyOf(keys, n);
    }

    private static long[] storedKeys(DateTimeColumn column) {
        long[] keys = new long[column.size()];
        int n = 0;
        for (int r = 0; r < keys.length; r++) {
            long key = column.getLongInternal(r);
            if (key != DateTimeColumnType.missingValueIndicator()) {
                keys[n++] = key;
            }
        }
        return Arrays.copyOf(keys, n);
    }

    private static String text(long packed, boolean dates) {
        return dates ? PackedLocalDate.asLocalDate((int) packed).toString() : PackedLocalDateTime.asLocalDateTime(packed).toString();
    }
}
