package dev.baton.explore.chart;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.explore.Correlations;
import dev.baton.explore.Histogram;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Computes a chart's data from a dataset: aggregated (histogram, bars, boxes, heatmaps) or sampled (scatter). */
public final class Charts {

    /** Scatter plots show at most this many points; a seeded sample beyond, so the same data gives the same picture. */
    public static final int MAX_POINTS = 5_000;
    private static final int MAX_BARS = 20;
    private static final int MAX_BOXES = 30;
    private static final int MAX_OUTLIERS = 100;
    private static final int MISSING_BANDS = 100;

    private Charts() {
    }

    public static ChartData data(Dataset data, ChartSpec spec, Progress progress) {
        return switch (spec.kind()) {
            case HISTOGRAM -> histogram(data, spec);
            case BAR -> bar(data, spec);
            case BOX -> box(data, spec);
            case SCATTER -> scatter(data, spec);
            case HEATMAP -> heatmap(data, spec, progress);
            case MISSING -> missing(data, spec);
        };
    }

    private static void require(Dataset data, String column, String role) {
        if (column == null) {
            throw new UserException("Choose the " + role + " column for this chart.");
        }
        if (!data.hasColumn(column)) {
            throw new UserException("The chart needs the column '" + column + "', which the data no longer has.");
        }
    }

    private static void requireNumeric(Dataset data, String column, String role) {
        require(data, column, role);
        if (!data.type(column).isNumeric()) {
            throw new UserException("'" + column + "' holds " + data.type(column).label() + " values; this chart needs numbers for the " + role + ".");
        }
    }

    static double[] numbers(Column<?> column) {
        return dev.baton.data.Numbers.of(column);
    }

    private static ChartData histogram(Dataset data, ChartSpec spec) {
        requireNumeric(data, spec.x(), "values");
        double[] v = Arrays.stream(numbers(data.column(spec.x()))).filter(d -> !Double.isNaN(d)).sorted().toArray();
        Histogram h = Histogram.of(v, spec.bins() > 0 ? spec.bins() : Histogram.defaultBins(v.length));
        return new ChartData.HistogramData(spec.title(), spec.x(), h.edges(), h.counts());
    }

    private static ChartData bar(Dataset data, ChartSpec spec) {
        require(data, spec.x(), "category");
        Column<?> column = data.column(spec.x());
        Map<String, Long> counts = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            if (!column.isMissing(r)) {
                counts.merge(dev.baton.data.TypeConversion.text(column, r), 1L, Long::sum);
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        long others = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_BARS) {
                labels.add(sorted.get(i).getKey());
                values.add(sorted.get(i).getValue());
            } else {
                others += sorted.get(i).getValue();
            }
        }
        return new ChartData.BarData(spec.title(), spec.x(), labels, values, others);
    }

    private static ChartData box(Dataset data, ChartSpec spec) {
        requireNumeric(data, spec.x(), "values");
        double[] v = numbers(data.column(spec.x()));
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        if (spec.group() == null) {
            groups.put(spec.x(), new ArrayList<>());
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    groups.get(spec.x()).add(d);
                }
            }
        } else {
            require(data, spec.group(), "group");
            Column<?> g = data.column(spec.group());
            for (int r = 0; r < v.length; r++) {
                if (!Double.isNaN(v[r]) && !g.isMissing(r)) {
                    groups.computeIfAbsent(dev.baton.data.TypeConversion.text(g, r), k -> new ArrayList<>()).add(v[r]);
                }
            }
        }
        List<Map.Entry<String, List<Double>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, List<Double>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
        if (ordered.size() > MAX_BOXES) {
            throw new UserException("'" + spec.group() + "' has " + ordered.size() + " groups; a box plot shows at most " + MAX_BOXES
                    + ". Merge rare categories first, or choose another column.");
        }
        ordered.sort(Map.Entry.comparingByKey());
        List<ChartData.Box> boxes = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : ordered) {
            double[] s = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double q1 = quantile(s, 0.25);
            double median = quantile(s, 0.5);
            double q3 = quantile(s, 0.75);
            double iqr = q3 - q1;
            double lowFence = q1 - 1.5 * iqr;
            double highFence = q3 + 1.5 * iqr;
            double low = Arrays.stream(s).filter(d -> d >= lowFence).min().orElse(q1);
            double high = Arrays.stream(s).filter(d -> d <= highFence).max().orElse(q3);
            List<Double> outliers = new ArrayList<>();
            for (double d : s) {
                if (d < lowFence || d > highFence) {
                    outliers.add(d);
                }
            }
            if (outliers.size() > MAX_OUTLIERS) {
                // Keep the extremes and an even spread in between.
                List<Double> kept = new ArrayList<>();
                for (int i = 0; i < MAX_OUTLIERS; i++) {
                    kept.add(outliers.get((int) ((long) i * (outliers.size() - 1) / (MAX_OUTLIERS - 1))));
                }
                outliers = kept;
            }
            boxes.add(new ChartData.Box(e.getKey(), s.length, low, q1, median, q3, high, outliers));
        }
        return new ChartData.BoxData(spec.title(), spec.x(), spec.group(), boxes);
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * q;
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static ChartData scatter(Dataset data, ChartSpec spec) {
        requireNumeric(data, spec.x(), "x axis");
        requireNumeric(data, spec.y(), "y axis");
        double[] x = numbers(data.column(spec.x()));
        double[] y = numbers(data.column(spec.y()));
        Column<?> color = null;
        if (spec.group() != null) {
            require(data, spec.group(), "colour");
            color = data.column(spec.group());
        }
        int[] rows = new int[x.length];
        int n = 0;
        for (int r = 0; r < x.length; r++) {
            if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                rows[n++] = r;
            }
        }
        int total = n;
        if (n > MAX_POINTS) {
            SplittableRandom random = new SplittableRandom(20_240_101L);
            for (int i = 0; i < MAX_POINTS; i++) {
                int j = i + random.nextInt(n - i);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            n = MAX_POINTS;
            Arrays.sort(rows, 0, n);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] category = new int[n];
        List<String> categories = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            xs[i] = x[rows[i]];
            ys[i] = y[rows[i]];
            if (color != null) {
                String label = color.isMissing(rows[i]) ? "(missing)" : dev.baton.data.TypeConversion.text(color, rows[i]);
                Integer code = index.get(label);
                if (code == null) {
                    code = index.size();
                    index.put(label, code);
                    categories.add(label);
                }
                category[i] = code;
            }
        }
        if (categories.size() > 20) {
            throw new UserException("'" + spec.group() + "' has more than 20 values; choose a categorical column with fewer to colour by.");
        }
        return new ChartData.ScatterData(spec.title(), spec.x(), spec.y(), spec.group(), categories, xs, ys, category, n, total);
    }

    private static ChartData heatmap(Dataset data, ChartSpec spec, Progress progress) {
        Correlations.Measure measure = spec.measure() == null ? Correlations.Measure.MIXED : spec.measure();
        Correlations.Matrix m = Correlations.compute(data, progress);
        return heatmap(m, measure, spec.title());
    }

    /**
     * The columns in the leaf order of an average-linkage clustering on 1 - |association| (no association counts as
     * none), so that columns that go together sit together and blocks show; with many columns the file's order
     * scatters them. Ties break by the file's order, so the order is deterministic.
     */
    static List<Integer> clusteredOrder(double[][] values, List<Integer> columns) {
        int n = columns.size();
        if (n <= 2) {
            return columns;
        }
        double[][] distance = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = values[columns.get(a)][columns.get(b)];
                distance[a][b] = a == b ? 0 : Double.isNaN(v) ? 1 : 1 - Math.min(1, Math.abs(v));
            }
        }
        List<List<Integer>> clusters = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            clusters.add(new ArrayList<>(List.of(a)));
        }
        while (clusters.size() > 1) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double sum = 0;
                    for (int x : clusters.get(a)) {
                        for (int y : clusters.get(b)) {
                            sum += distance[x][y];
                        }
                    }
                    double d = sum / (clusters.get(a).size() * clusters.get(b).size());
                    if (d < best - 1e-12) {
                        best = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            List<Integer> merged = new ArrayList<>(clusters.get(bestA));
            merged.addAll(clusters.get(bestB));
            clusters.set(bestA, merged);
            clusters.remove(bestB);
        }
        return clusters.get(0).stream().map(columns::get).toList();
    }

    /** More columns than this make a heatmap nobody can read and a page of many megabytes. */
    public static final int HEATMAP_COLUMNS = 100;

    /**
     * The heatmap of an already computed correlation matrix, keeping only columns the measure applies to; of a
     * wider table, the {@value #HEATMAP_COLUMNS} columns with the strongest association to any other, as the title says.
     */
    public static ChartData.HeatmapData heatmap(Correlations.Matrix m, Correlations.Measure measure, String title) {
        double[][] all = m.values().get(measure);
        List<Integer> keep = new ArrayList<>();
        double[] strongest = new double[m.columns().size()];
        for (int i = 0; i < m.columns().size(); i++) {
            int defined = 0;
            for (int j = 0; j < m.columns().size(); j++) {
                if (i != j && !Double.isNaN(all[i][j])) {
                    defined++;
                    strongest[i] = Math.max(strongest[i], Math.abs(all[i][j]));
                }
            }
            if (defined > 0) {
                keep.add(i);
            }
        }
        if (keep.size() > HEATMAP_COLUMNS) {
            int shown = keep.size();
            keep = keep.stream().sorted((a, b) -> Double.compare(strongest[b], strongest[a]))
                    .limit(HEATMAP_COLUMNS).sorted().toList();
            title = title + " (the " + HEATMAP_COLUMNS + " of " + shown + " columns most strongly associated with another)";
        }
        keep = clusteredOrder(all, keep);
        List<String> names = keep.stream().map(m.columns()::get).toList();
        double[][] z = new double[keep.size()][keep.size()];
        for (int a = 0; a < keep.size(); a++) {
            for (int b = 0; b < keep.size(); b++) {
                z[a][b] = all[keep.get(a)][keep.get(b)];
            }
        }
        boolean signed = measure == Correlations.Measure.PEARSON || measure == Correlations.Measure.SPEARMAN
                || measure == Correlations.Measure.MIXED;
        return new ChartData.HeatmapData(title, names, names, z, signed ? -1 : 0, 1, signed ? "diverging" : "sequential",
                names.size() <= 15);
    }

    /** Columns a missing-values matrix shows at most: of a wider table, those missing the most. */
    public static final int MISSING_COLUMNS = 100;

    private static ChartData missing(Dataset data, ChartSpec spec) {
        int n = data.rowCount();
        int bands = Math.max(1, Math.min(MISSING_BANDS, n));
        List<String> columns = data.columnNames();
        String title = spec.title();
        if (columns.size() > MISSING_COLUMNS) {
            List<String> all = columns;
            columns = all.stream().sorted(java.util.Comparator.comparingInt((String c) -> -data.missingCount(c)))
                    .limit(MISSING_COLUMNS).sorted(java.util.Comparator.comparingInt(all::indexOf)).toList();
            title = title + " (the " + MISSING_COLUMNS + " of " + all.size() + " columns missing the most)";
        }
        double[][] z = new double[bands][columns.size()];
        List<String> rows = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int from = (int) ((long) n * b / bands);
            int to = (int) ((long) n * (b + 1) / bands);
            rows.add(String.format("rows %,d\u2013%,d", from + 1, to));
            for (int c = 0; c < columns.size(); c++) {
                Column<?> column = data.column(columns.get(c));
                int missing = 0;
                for (int r = from; r < to; r++) {
                    if (column.isMissing(r)) {
                        missing++;
                    }
                }
                z[b][c] = to > from ? (double) missing / (to - from) : 0;
            }
        }
        return new ChartData.HeatmapData(title, columns, rows, z, 0, 1, "missing", false);
    }

    /** Whether a column can be the values of a histogram or box plot. */
    public static boolean numeric(ColumnType type) {
        return type.isNumeric();
    }
}
