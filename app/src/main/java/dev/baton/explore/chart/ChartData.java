package dev.baton.explore.chart;

import java.util.List;

/**
 * A chart's data after aggregation or sampling: small enough for any page, whatever the dataset's size.
 * The same data is drawn by plotly (window, HTML) and as SVG (PDF).
 */
public sealed interface ChartData {

    String title();

    record HistogramData(String title, String column, List<Double> edges, List<Long> counts) implements ChartData {
    }

    record BarData(String title, String column, List<String> labels, List<Long> counts, long others) implements ChartData {
    }

    /** One box: its group, size, whiskers (the furthest values within 1.5 IQR), quartiles and a sample of outliers. */
    record Box(String label, long n, double low, double q1, double median, double q3, double high, List<Double> outliers) {
    }

    record BoxData(String title, String column, String group, List<Box> boxes) implements ChartData {
    }

    /** Points (sampled on large data: {@code shown} of {@code total}), with an optional colour category per point. */
    record ScatterData(String title, String x, String y, String color, List<String> categories, double[] xs, double[] ys,
                       int[] category, int shown, int total) implements ChartData {
    }

    /** One line or set of points of a {@link LineData}; {@code markers} draws points instead of a line. */
    record Series(String name, double[] x, double[] y, boolean markers, boolean dashed) {
    }

    /** Lines and point sets on numeric axes: ROC and precision-recall curves, calibration, predicted against actual. */
    record LineData(String title, String xLabel, String yLabel, List<Series> series, Double xMin, Double xMax, Double yMin,
                    Double yMax) implements ChartData {
    }

    /** Named values as horizontal bars, largest first: feature importance. */
    record ValueBars(String title, String valueLabel, List<String> names, List<Double> values) implements ChartData {
    }

    /** A grid of values: correlations, or the share of missing cells per row band and column. */
    record HeatmapData(String title, List<String> columns, List<String> rows, double[][] z, double min, double max,
                       String scale, boolean annotate) implements ChartData {

        /** Counts (a confusion matrix) print as whole numbers, measures (correlations) with two decimals. */
        public boolean wholeNumbers() {
            for (double[] row : z) {
                for (double v : row) {
                    if (!Double.isNaN(v) && v != Math.rint(v)) {
                        return false;
                    }
                }
            }
            return true;
        }

        public String format(double v) {
            return wholeNumbers() ? String.format(java.util.Locale.ROOT, "%,.0f", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
        }
    }
}
