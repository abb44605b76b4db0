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
        return profile(data, bins, progress, new ColumnNumbers(data));
    }

    /** As above, converting numeric columns through {@code numbers}, which then also holds their means. */
    static DatasetProfile profile(Dataset data, int bins, Progress progress, ColumnNumbers numbers) {
        List<ColumnInfo> infos = data.columns();
        ColumnProfile[] columns = new ColumnProfile[infos.size()];
        AtomicInteger done = new AtomicInteger();
        long[] duplicates = new long[1];
        int tasks = infos.size() + 1;
        // The duplicate count is the longest task: it goes first, so the columns fill the other cores meanwhile.
        Parallel.forEach(tasks, i -> {
            progress.checkCancelled();
            if (i == 0) {
                duplicates[0] = Duplicates.count(data, numbers);
            } else {
                columns[i - 1] = column(data, infos.get(i - 1).name(), bins, numbers);
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
        return column(data, name, bins, new ColumnNumbers(data));
    }

    private static ColumnProfile column(Dataset data, String name, int bins, ColumnNumbers numbers) {
        Column<?> column = data.column(name);
        ColumnInfo info = data.info(name);
        if (column instanceof NumericColumn<?> numeric) {
            return numeric(info, numeric, bins, numbers);
        }
        if (column instanceof StringColumn strings) {
            return strings(info, strings);
        }
        if (column instanceof BooleanColumn bools) {
            return booleans(info, bools);
        }
        if (column instanceof DateColumn dates) {
            return dates(info, dates);
        }
        if (column instanceof DateTimeColumn times) {
            return dateTimes(info, times);
        }
        throw new IllegalArgumentException("cannot profile " + column.getClass().getSimpleName());
    }

    private static ColumnProfile numeric(ColumnInfo info, NumericColumn<?> column, int bins, ColumnNumbers numbers) {
        int size = column.size();
        double[] v = dev.baton.data.Numbers.filled(numbers.of(info.name()));
        int n = v.length;
        long missing = size - n;
        if (n == 0) {
            return new ColumnProfile(info.name(), info.type(), 0, missing, percent(missing, size), 0, 0, null, null, null, null, null,
                    null, null, null, 0L, 0L, 0.0, null, null, null, null, null, info.unparsable(), List.of(), Histogram.of(v, 1));
        }
        DistinctValues d = DistinctValues.of(v, info.type());
        Sums sums = Sums.of(d);
        double mean = sums.sum / n;
        numbers.mean(info.name(), mean);
        int k = bins > 0 ? bins : Histogram.defaultBins(n);
        Spread spread = Spread.of(d, mean, k);
        double m2 = spread.m2;
        Double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : null;
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (double level : ColumnProfile.LEVELS) {
            quantiles.put(ColumnProfile.levelKey(level), quantile(d, sums.ends, level));
        }
        List<ValueCount> top = new ArrayList<>();
        for (int i : sums.top.starts()) {
            top.add(new ValueCount(format(d.values()[i], info.type()), d.counts()[i]));
        }
        return new ColumnProfile(info.name(), info.type(), n, missing, percent(missing, size), d.size(), sums.unique, mean,
                std, d.values()[0], d.values()[d.size() - 1], quantile(d, sums.ends, 0.5), quantiles,
                skewness(n, m2, spread.m3), kurtosis(n, m2, spread.m4), sums.zeros, sums.negatives, sums.sum,
                null, null, null, null, null, info.unparsable(), top, spread.histogram);
    }

    // Every statistic is taken over the distinct values and their counts (for a counted column, such as ages or
    // scores, a few thousand entries instead of every row) in two passes: one before the mean is known, one after.

    /**
     * The sum (compensated, so a million values add up exactly enough), zeros, negatives, values held once, the
     * most frequent values, and where each value's rows end in the sorted column (for the quantiles).
     */
    private record Sums(double sum, long zeros, long negatives, long unique, TopRuns top, long[] ends) {
        static Sums of(DistinctValues d) {
            double sum = 0;
            double compensation = 0;
            long zeros = 0;
            long negatives = 0;
            long unique = 0;
            long rows = 0;
            long[] ends = new long[d.size()];
            TopRuns top = new TopRuns(TOP);
            for (int i = 0; i < d.size(); i++) {
                double x = d.values()[i];
                int c = d.counts()[i];
                double y = x * c - compensation;
                double t = sum + y;
                compensation = (t - sum) - y;
                sum = t;
                zeros += x == 0 ? c : 0;
                negatives += x < 0 ? c : 0;
                unique += c == 1 ? 1 : 0;
                rows += c;
                ends[i] = rows;
                top.offer(i, c);
            }
            return new Sums(sum, zeros, negatives, unique, top, ends);
        }
    }

    /** Sums of the 2nd, 3rd and 4th powers of the deviations from the mean, and the histogram. */
    private record Spread(double m2, double m3, double m4, Histogram histogram) {
        static Spread of(DistinctValues d, double mean, int bins) {
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            Histogram.Binning binning = Histogram.binning(d.values()[0], d.values()[d.size() - 1], bins);
            for (int i = 0; i < d.size(); i++) {
                double dev = d.values()[i] - mean;
                double d2 = dev * dev;
                int c = d.counts()[i];
                m2 += c * d2;
                m3 += c * d2 * dev;
                m4 += c * d2 * d2;
                binning.add(d.values()[i], c);
            }
            return new Spread(m2, m3, m4, binning.histogram(d.total()));
        }
    }

    /**
     * The most frequent values, offered in ascending order as (position, count): a run of equal values in a sorted
     * array, or an index into distinct values. Kept in a small heap so that a million distinct values cost no list
     * of a million entries. Ties go to the smaller value (the earlier position).
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
    static double quantile(DistinctValues d, long[] ends, double q) {
        long n = d.total();
        double position = (n - 1) * q;
        long lower = (long) Math.floor(position);
        long upper = Math.min(n - 1, lower + 1);
        double low = d.at(ends, lower);
        return low + (d.at(ends, upper) - low) * (position - lower);
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

    /**
     * Date-times are stored as packed longs (date, hour, minute and milliseconds in bit fields): too wide for doubles
     * and too sparse to count, so sorted as longs.
     */
    private static ColumnProfile dateTimes(ColumnInfo info, DateTimeColumn column) {
        long[] v = storedKeys(column);
        int n = v.length;
        Arrays.sort(v);
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
            top.add(new ValueCount(PackedLocalDateTime.asLocalDateTime(v[start]).toString(), runs.length(start)));
        }
        long missing = column.size() - n;
        return new ColumnProfile(info.name(), info.type(), n, missing, percent(missing, column.size()), distinct, unique,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                n == 0 ? null : PackedLocalDateTime.asLocalDateTime(v[0]).toString(),
                n == 0 ? null : PackedLocalDateTime.asLocalDateTime(v[n - 1]).toString(), info.unparsable(), top, null);
    }

    /**
     * Dates are stored as int keys that order as the dates do: as numbers, they are counted and ranked as whole
     * numbers are (a few years of dates span a narrow range of keys), with no sort.
     */
    private static ColumnProfile dates(ColumnInfo info, DateColumn column) {
        DistinctValues d = DistinctValues.of(storedKeys(column), ColumnType.INTEGER);
        long unique = 0;
        TopRuns runs = new TopRuns(TOP);
        for (int i = 0; i < d.size(); i++) {
            unique += d.counts()[i] == 1 ? 1 : 0;
            runs.offer(i, d.counts()[i]);
        }
        List<ValueCount> top = new ArrayList<>();
        for (int i : runs.starts()) {
            top.add(new ValueCount(day(d.values()[i]), d.counts()[i]));
        }
        int n = d.total();
        long missing = column.size() - n;
        return new ColumnProfile(info.name(), info.type(), n, missing, percent(missing, column.size()), d.size(), unique,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                n == 0 ? null : day(d.values()[0]), n == 0 ? null : day(d.values()[d.size() - 1]),
                info.unparsable(), top, null);
    }

    /** The filled cells' stored keys (packed dates), in row order: one typed loop, no check of the type per row. */
    private static double[] storedKeys(DateColumn column) {
        double[] keys = new double[column.size()];
        int n = 0;
        for (int r = 0; r < keys.length; r++) {
            int key = column.getIntInternal(r);
            if (key != DateColumnType.missingValueIndicator()) {
                keys[n++] = key;
            }
        }
        return n == keys.length ? keys : Arrays.copyOf(keys, n);
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

    private static String day(double key) {
        return PackedLocalDate.asLocalDate((int) key).toString();
    }
}
