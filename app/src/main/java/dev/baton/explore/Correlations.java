package dev.baton.explore;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TablesawTypes;
import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Association between every pair of columns, each on the rows where both are filled (pairwise, as pandas' corr):
 * Pearson and Spearman for two numeric columns, Cramér's V for two categorical ones, and the correlation ratio
 * (eta) for a categorical and a numeric one. Booleans count as both. Text and date columns are left out.
 */
public final class Correlations {

    public enum Measure {
        PEARSON("Pearson"), SPEARMAN("Spearman"), CRAMERS_V("Cram\u00e9r's V"), CORRELATION_RATIO("correlation ratio"),
        /** Pearson for numeric pairs, Cramér's V for categorical pairs, the correlation ratio for mixed pairs. */
        MIXED("by column types");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The columns compared and, per measure, a symmetric matrix (NaN where the measure does not apply). */
    public record Matrix(List<String> columns, Map<Measure, double[][]> values) {

        public double get(Measure measure, String a, String b) {
            return values.get(measure)[columns.indexOf(a)][columns.indexOf(b)];
        }
    }

    /** A pair of columns whose association is strong, for the alert. */
    public record Pair(String first, String second, Measure measure, double value) {
    }

    private Correlations() {
    }

    private static boolean numeric(ColumnType t) {
        return t.isNumeric() || t == ColumnType.BOOLEAN;
    }

    private static boolean categorical(ColumnType t) {
        return t == ColumnType.CATEGORICAL || t == ColumnType.BOOLEAN;
    }

    public static Matrix compute(Dataset data, Progress progress) {
        return compute(data, java.util.EnumSet.allOf(Measure.class), progress);
    }

    /**
     * Computes only the measures asked for, and for MIXED only the one measure it takes for each pair: the alerts
     * need nothing else, and Spearman, the costliest, not at all. The matrix holds the measures asked for.
     */
    public static Matrix compute(Dataset data, java.util.Set<Measure> wanted, Progress progress) {
        return compute(data, wanted, progress, new ColumnNumbers(data));
    }

    /** As above, with the numeric columns (and the means) the profile has already converted in {@code numbers}. */
    static Matrix compute(Dataset data, java.util.Set<Measure> wanted, Progress progress, ColumnNumbers numbers) {
        boolean spearman = wanted.contains(Measure.SPEARMAN);
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (ColumnInfo info : data.columns()) {
            if (numeric(info.type()) || categorical(info.type())) {
                names.add(info.name());
                types.add(info.type());
            }
        }
        int k = names.size();
        int n = data.rowCount();
        double[][] values = new double[k][];
        int[][] codes = new int[k][];
        int[] levels = new int[k];
        int[][] order = new int[k][];
        double[][] sorted = new double[k][];
        java.util.BitSet[] missing = new java.util.BitSet[k];
        int[] present = new int[k];
        double[] means = new double[k];
        Parallel.forEach(k, i -> {
            Column<?> column = data.column(names.get(i));
            if (numeric(types.get(i))) {
                values[i] = numbers.of(names.get(i));
                Double known = numbers.mean(names.get(i));
                means[i] = known != null ? known : mean(values[i]);
                if (spearman) {
                    rankOrder(values[i], i, order, sorted, missing, present);
                }
            }
            if (categorical(types.get(i))) {
                codes[i] = column instanceof BooleanColumn ? yesNoCodes(values[i]) : codes(column);
                int max = -1;
                for (int c : codes[i]) {
                    max = Math.max(max, c);
                }
                levels[i] = max + 1;
            }
        });
        Map<Measure, double[][]> out = new HashMap<>();
        for (Measure m : Measure.values()) {
            double[][] matrix = new double[k][k];
            for (double[] row : matrix) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            out.put(m, matrix);
        }
        List<PairKind> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                boolean ni = values[i] != null;
                boolean nj = values[j] != null;
                boolean ci = codes[i] != null;
                boolean cj = codes[j] != null;
                pairs.add(new PairKind(i, j, ni, nj, ci, cj,
                        i == j ? null : mixedMeasure(types.get(i), types.get(j), ni && nj, ci && cj)));
            }
        }
        boolean allPearson = wanted.contains(Measure.PEARSON);
        boolean allCramersV = wanted.contains(Measure.CRAMERS_V);
        boolean allRatios = wanted.contains(Measure.CORRELATION_RATIO);
        PairSums.Result[] sums = new PairSums.Result[1];
        AtomicInteger done = new AtomicInteger();
        // Task 0 is the one pass over the rows for Pearson and the correlation ratios; the pairs that need a pass of
        // their own (Spearman, Cramér's V, a category with many values) run beside it.
        Parallel.forEach(pairs.size() + 1, p -> {
            progress.checkCancelled();
            if (p == 0) {
                if (allPearson || allRatios || wanted.contains(Measure.MIXED)) {
                    sums[0] = PairSums.compute(values, means, codes, levels, progress);
                }
                // The pass counts as one task: the bar is not full while it still runs.
                progress.update(done.incrementAndGet(), pairs.size() + 1, "Correlations");
                return;
            }
            PairKind pair = pairs.get(p - 1);
            int i = pair.i();
            int j = pair.j();
            if (pair.ni() && pair.nj() && spearman) {
                set(out.get(Measure.SPEARMAN), i, j, i == j ? 1.0 : spearman(order[i], sorted[i], missing[j], order[j], sorted[j], missing[i], n));
            }
            if (pair.ci() && pair.cj() && (allCramersV || pair.forMixed() == Measure.CRAMERS_V)) {
                set(out.get(Measure.CRAMERS_V), i, j, i == j ? 1.0 : cramersV(codes[i], levels[i], codes[j], levels[j]));
            }
            if (allRatios || pair.forMixed() == Measure.CORRELATION_RATIO) {
                if (pair.byGroupOfFirst() && !PairSums.fewValues(levels[i])) {
                    set(out.get(Measure.CORRELATION_RATIO), i, j, correlationRatio(codes[i], levels[i], values[j], means[j]));
                } else if (pair.byGroupOfSecond() && !PairSums.fewValues(levels[j])) {
                    set(out.get(Measure.CORRELATION_RATIO), i, j, correlationRatio(codes[j], levels[j], values[i], means[i]));
                }
            }
            progress.update(done.incrementAndGet(), pairs.size() + 1, "Correlations");
        });
        for (PairKind pair : pairs) {
            int i = pair.i();
            int j = pair.j();
            if (pair.ni() && pair.nj() && (allPearson || pair.forMixed() == Measure.PEARSON)) {
                set(out.get(Measure.PEARSON), i, j, sums[0].pearson()[i][j]);
            }
            if (allRatios || pair.forMixed() == Measure.CORRELATION_RATIO) {
                if (pair.byGroupOfFirst() && PairSums.fewValues(levels[i])) {
                    set(out.get(Measure.CORRELATION_RATIO), i, j, sums[0].correlationRatio()[i][j]);
                } else if (pair.byGroupOfSecond() && PairSums.fewValues(levels[j])) {
                    set(out.get(Measure.CORRELATION_RATIO), i, j, sums[0].correlationRatio()[j][i]);
                }
            }
            set(out.get(Measure.MIXED), i, j, i == j ? 1.0 : out.get(pair.forMixed())[i][j]);
        }
        out.keySet().retainAll(wanted);
        return new Matrix(List.copyOf(names), out);
    }

    /**
     * Columns i <= j of the matrix: which is a number and which a category (a yes/no column is both), and the measure
     * MIXED takes for them (null on the diagonal).
     */
    private record PairKind(int i, int j, boolean ni, boolean nj, boolean ci, boolean cj, Measure forMixed) {

        /** The correlation ratio of j by the categories of i (not both a yes/no column: that pair takes Pearson). */
        boolean byGroupOfFirst() {
            return i != j && ci && nj && !(ni && cj);
        }

        boolean byGroupOfSecond() {
            return i != j && cj && ni && !(nj && ci);
        }
    }

    /** The measure MIXED takes for two different columns of these types. */
    public static Measure mixedMeasure(ColumnType a, ColumnType b) {
        return mixedMeasure(a, b, numeric(a) && numeric(b), categorical(a) && categorical(b));
    }

    /**
     * The measure MIXED takes for two different columns: Cramér's V for two categories (a yes/no column is one),
     * Pearson for two numbers, the correlation ratio for a category and a number.
     */
    private static Measure mixedMeasure(ColumnType a, ColumnType b, boolean bothNumbers, boolean bothCategories) {
        boolean categories = categorical(a) && categorical(b) && !(a.isNumeric() || b.isNumeric());
        if (categories && bothCategories) {
            return Measure.CRAMERS_V;
        }
        if (bothNumbers && !(a == ColumnType.CATEGORICAL || b == ColumnType.CATEGORICAL)) {
            return Measure.PEARSON;
        }
        return Measure.CORRELATION_RATIO;
    }

    /** The mean of the filled values (0 when none): the shift for the one-pass sums. */
    private static double mean(double[] v) {
        double sum = 0;
        long n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Column i's filled rows in ascending order of value, with those values, its gaps and its filled count. */
    private static void rankOrder(double[] v, int i, int[][] order, double[][] sorted, java.util.BitSet[] missing,
                                  int[] present) {
        int n = v.length;
        int[] o = new int[n];
        for (int r = 0; r < n; r++) {
            o[r] = r;
        }
        double[] keys = v.clone();
        DoubleArrays.radixSortIndirect(o, keys, true);
        java.util.BitSet gaps = new java.util.BitSet(n);
        int p = 0;
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(v[r])) {
                gaps.set(r);
            } else {
                p++;
            }
        }
        // Missing values (NaN) sort last: keep only the filled rows, with their values in sorted order.
        order[i] = java.util.Arrays.copyOf(o, p);
        double[] sv = new double[p];
        for (int t = 0; t < p; t++) {
            sv[t] = v[order[i][t]];
        }
        sorted[i] = sv;
        missing[i] = gaps;
        present[i] = p;
    }

    /** The pairs whose association (by column types) is at least the threshold in absolute value, strongest first. */
    public static List<Pair> strong(Matrix matrix, double threshold) {
        List<Pair> pairs = new ArrayList<>();
        double[][] mixed = matrix.values().get(Measure.MIXED);
        for (int i = 0; i < matrix.columns().size(); i++) {
            for (int j = i + 1; j < matrix.columns().size(); j++) {
                double v = mixed[i][j];
                if (!Double.isNaN(v) && Math.abs(v) >= threshold) {
                    pairs.add(new Pair(matrix.columns().get(i), matrix.columns().get(j), Measure.MIXED, v));
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
        return pairs;
    }

    private static void set(double[][] m, int i, int j, double v) {
        m[i][j] = v;
        m[j][i] = v;
    }

    /** Each row's category as a dense number in order of first appearance, -1 where missing. */
    private static int[] codes(Column<?> column) {
        int[] out = new int[column.size()];
        if (column instanceof StringColumn strings && TablesawTypes.keyedDictionary(strings) != null) {
            var dictionary = TablesawTypes.keyedDictionary(strings);
            if (dictionary instanceof tech.tablesaw.columns.strings.ByteDictionaryMap bytes) {
                return byteCodes(bytes.values().elements(), out);
            }
            if (dictionary instanceof tech.tablesaw.columns.strings.ShortDictionaryMap) {
                // Short keys: renumber through an array indexed by key, no hashing per row.
                int[] dense = new int[1 << 16];
                java.util.Arrays.fill(dense, -1);
                int next = 0;
                for (int r = 0; r < out.length; r++) {
                    if (strings.isMissing(r)) {
                        out[r] = -1;
                        continue;
                    }
                    int slot = dictionary.getKeyForIndex(r) - Short.MIN_VALUE;
                    if (dense[slot] < 0) {
                        dense[slot] = next++;
                    }
                    out[r] = dense[slot];
                }
                return out;
            }
            // Dictionary keys are already one small int per distinct value: renumber them densely.
            it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap dense = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
            dense.defaultReturnValue(-1);
            for (int r = 0; r < out.length; r++) {
                if (strings.isMissing(r)) {
                    out[r] = -1;
                    continue;
                }
                int key = dictionary.getKeyForIndex(r);
                int code = dense.get(key);
                if (code < 0) {
                    code = dense.size();
                    dense.put(key, code);
                }
                out[r] = code;
            }
            return out;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < out.length; r++) {
            if (column.isMissing(r)) {
                out[r] = -1;
            } else {
                String key = column instanceof StringColumn s ? s.get(r) : String.valueOf(column.get(r));
                Integer code = index.get(key);
                if (code == null) {
                    code = index.size();
                    index.put(key, code);
                }
                out[r] = code;
            }
        }
        return out;
    }

    /** A yes/no column's categories from its numbers (1 true, 0 false, NaN missing), numbered by first appearance. */
    private static int[] yesNoCodes(double[] values) {
        int[] out = new int[values.length];
        int[] dense = {-1, -1};
        int next = 0;
        for (int r = 0; r < out.length; r++) {
            if (Double.isNaN(values[r])) {
                out[r] = -1;
                continue;
            }
            int b = (int) values[r];
            if (dense[b] < 0) {
                dense[b] = next++;
            }
            out[r] = dense[b];
        }
        return out;
    }

    /**
     * A byte dictionary's row keys (as Tablesaw stores them, {@link Byte#MAX_VALUE} for a missing row) renumbered
     * in order of first appearance: one loop over the stored bytes, where asking the column costs two calls a row.
     */
    private static int[] byteCodes(byte[] keys, int[] out) {
        int[] dense = new int[1 << 8];
        java.util.Arrays.fill(dense, -1);
        int next = 0;
        for (int r = 0; r < out.length; r++) {
            if (keys[r] == Byte.MAX_VALUE) {
                out[r] = -1;
                continue;
            }
            int slot = keys[r] - Byte.MIN_VALUE;
            if (dense[slot] < 0) {
                dense[slot] = next++;
            }
            out[r] = dense[slot];
        }
        return out;
    }

    /** Pearson's r on the rows where both are filled, shifted by the first such pair (see the method below). */
    static double pearson(double[] x, double[] y) {
        for (int r = 0; r < x.length; r++) {
            if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                return pearson(x, y, x[r], y[r]);
            }
        }
        return Double.NaN;
    }

    /**
     * Pearson's r on the rows where both are filled, in one pass: sums of the values less a shift close to their
     * mean (the column's mean), from which the centred sums follow without the cancellation of raw sums of squares.
     */
    static double pearson(double[] x, double[] y, double shiftX, double shiftY) {
        long n = 0;
        double su = 0;
        double sv = 0;
        double suu = 0;
        double svv = 0;
        double suv = 0;
        for (int r = 0; r < x.length; r++) {
            if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                double u = x[r] - shiftX;
                double v = y[r] - shiftY;
                n++;
                su += u;
                sv += v;
                suu += u * u;
                svv += v * v;
                suv += u * v;
            }
        }
        return pearson(n, su, sv, suu, svv, suv);
    }

    /** r from the sums over n rows of u and v (values less their shifts), their squares and their products. */
    static double pearson(long n, double su, double sv, double suu, double svv, double suv) {
        if (n < 2) {
            return Double.NaN;
        }
        double sxx = suu - su * su / n;
        double syy = svv - sv * sv / n;
        double sxy = suv - su * sv / n;
        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Spearman's rho on the rows where both are filled: average ranks for ties, taken along each column's sorted
     * order (computed once per column) skipping the rows the other column misses, then Pearson on the ranks.
     */
    static double spearman(int[] orderX, double[] sortedX, java.util.BitSet missingY,
                           int[] orderY, double[] sortedY, java.util.BitSet missingX, int n) {
        double[] rx = ranks(orderX, sortedX, missingY, n);
        double[] ry = ranks(orderY, sortedY, missingX, n);
        return pearson(rx, ry);
    }

    private static double[] ranks(int[] order, double[] sorted, java.util.BitSet skip, int n) {
        double[] ranks = new double[n];
        java.util.Arrays.fill(ranks, Double.NaN);
        int m = order.length;
        int rank = 0;
        for (int i = 0; i < m; ) {
            int j = i;
            int kept = 0;
            while (j < m && sorted[j] == sorted[i]) {
                if (!skip.get(order[j])) {
                    kept++;
                }
                j++;
            }
            if (kept > 0) {
                double average = rank + (kept + 1) / 2.0;
                for (int t = i; t < j; t++) {
                    if (!skip.get(order[t])) {
                        ranks[order[t]] = average;
                    }
                }
                rank += kept;
            }
            i = j;
        }
        return ranks;
    }

    /**
     * Contingency tables up to this many cells are arrays; a larger one (two columns with thousands of values each)
     * holds only the cells seen: the array would not fit in memory.
     */
    static final long DENSE_TABLE = 1 << 20;

    /** Cramér's V = sqrt(chi2 / (n (min(r, c) - 1))) over the contingency table of two categorical columns. */
    static double cramersV(int[] a, int la, int[] b, int lb) {
        return cramersV(a, la, b, lb, DENSE_TABLE);
    }

    static double cramersV(int[] a, int la, int[] b, int lb, long denseLimit) {
        long[][] table = (long) la * lb <= denseLimit ? new long[la][lb] : null;
        it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap cells = table == null
                ? new it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap() : null;
        long[] rowSums = new long[la];
        long[] colSums = new long[lb];
        long n = 0;
        for (int r = 0; r < a.length; r++) {
            if (a[r] >= 0 && b[r] >= 0) {
                if (table != null) {
                    table[a[r]][b[r]]++;
                } else {
                    cells.addTo((long) a[r] * lb + b[r], 1);
                }
                rowSums[a[r]]++;
                colSums[b[r]]++;
                n++;
            }
        }
        int smaller = Math.min(nonZero(rowSums), nonZero(colSums));
        if (n == 0 || smaller < 2) {
            return Double.NaN;
        }
        double chi2 = table != null ? chi2(table, rowSums, colSums, n) : sparseChi2(cells, lb, rowSums, colSums, n);
        return Math.sqrt(chi2 / (n * (smaller - 1.0)));
    }

    private static int nonZero(long[] sums) {
        int count = 0;
        for (long s : sums) {
            count += s > 0 ? 1 : 0;
        }
        return count;
    }

    private static double chi2(long[][] table, long[] rowSums, long[] colSums, long n) {
        double chi2 = 0;
        for (int i = 0; i < rowSums.length; i++) {
            for (int j = 0; j < colSums.length; j++) {
                if (rowSums[i] == 0 || colSums[j] == 0) {
                    continue;
                }
                double expected = (double) rowSums[i] * colSums[j] / n;
                double d = table[i][j] - expected;
                chi2 += d * d / expected;
            }
        }
        return chi2;
    }

    /**
     * chi2 from the cells seen only: over the cells whose row and column are not empty, sum((O - E)^2 / E) equals
     * sum(O^2 / E) - n, and a cell never seen adds nothing to the first sum.
     */
    private static double sparseChi2(it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap cells, int lb, long[] rowSums,
                                     long[] colSums, long n) {
        double ratio = 0;
        for (var cell : cells.long2LongEntrySet()) {
            long key = cell.getLongKey();
            double observed = cell.getLongValue();
            ratio += observed * observed * n / ((double) rowSums[(int) (key / lb)] * colSums[(int) (key % lb)]);
        }
        return Math.max(0, ratio - n);
    }

    /** The correlation ratio (eta) of x by group, in one pass over values less a shift close to their mean. */
    static double correlationRatio(int[] groups, int levels, double[] x, double shift) {
        double[] sums = new double[levels];
        long[] counts = new long[levels];
        double total = 0;
        double squares = 0;
        long n = 0;
        for (int r = 0; r < x.length; r++) {
            if (groups[r] >= 0 && !Double.isNaN(x[r])) {
                double u = x[r] - shift;
                sums[groups[r]] += u;
                counts[groups[r]]++;
                total += u;
                squares += u * u;
                n++;
            }
        }
        return correlationRatio(sums, counts, total, squares, n);
    }

    /** Eta from each group's sum of shifted values and row count, and the total, the sum of squares and the rows. */
    static double correlationRatio(double[] sums, long[] counts, double total, double squares, long n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = total / n;
        double between = 0;
        for (int g = 0; g < sums.length; g++) {
            if (counts[g] > 0) {
                double d = sums[g] / counts[g] - mean;
                between += counts[g] * d * d;
            }
        }
        double around = squares - total * total / n;
        return around <= 0 ? Double.NaN : Math.sqrt(Math.min(1, between / around));
    }
}
