package dev.baton.explore.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a chart's data as a static picture (axes, bars, boxes, points, lines, cells, labels) and draws it with
 * a {@link ChartPainter}: as SVG for the PDF and static HTML ({@link SvgChart}), on a canvas in the window. One
 * layout, so the window shows the chart the report shows.
 */
public final class ChartDrawing {

    /** A cell of a heatmap, in pixels: below this its labels and colours cannot be told apart. */
    static final double MIN_CELL = 16;

    private final ChartPainter painter;
    private final double width;
    private final double height;
    private final double left = 70;
    private final double right = 20;
    private final double top = 40;
    private double bottom = 60;

    private ChartDrawing(ChartPainter painter, double width, double height) {
        this.painter = painter;
        this.width = width;
        this.height = height;
    }

    /**
     * The size a chart needs at least to be read, given the space offered: the offered size, except for heatmaps of
     * many columns, which need {@link #MIN_CELL} pixels per cell plus their labels (the caller scrolls).
     */
    public static double[] size(ChartData chart, double width, double height) {
        if (chart instanceof ChartData.HeatmapData h && !"missing".equals(h.scale())) {
            double labels = 10 + Math.min(160, 7 * h.rows().stream().mapToInt(String::length).max().orElse(4) + 10) + 60;
            double under = 40 + Math.min(120, 8 * h.columns().stream().mapToInt(String::length).max().orElse(4) + 20);
            return new double[]{Math.max(width, labels + MIN_CELL * h.columns().size()), Math.max(height, under + MIN_CELL * h.rows().size())};
        }
        return new double[]{width, height};
    }

    /** Draws the chart, white background and title included, in a box of the given size. */
    public static void draw(ChartData chart, ChartPainter painter, double width, double height) {
        ChartDrawing c = new ChartDrawing(painter, width, height);
        painter.rect(0, 0, width, height, "white", null);
        c.text(10, 22, chart.title(), 14, "start", "#111827", true);
        if (chart instanceof ChartData.HistogramData h) {
            c.histogram(h);
        } else if (chart instanceof ChartData.BarData b) {
            c.bar(b);
        } else if (chart instanceof ChartData.BoxData b) {
            c.box(b);
        } else if (chart instanceof ChartData.ScatterData s) {
            c.scatter(s);
        } else if (chart instanceof ChartData.HeatmapData h) {
            c.heatmap(h);
        } else if (chart instanceof ChartData.LineData l) {
            c.lines(l);
        } else if (chart instanceof ChartData.ValueBars v) {
            c.valueBars(v);
        }
    }

    // --- drawing primitives, through the painter

    private void text(double x, double y, String s, double size, String anchor, String color, boolean bold) {
        painter.text(x, y, s, size, anchor, color, bold);
    }

    private void rotatedText(double x, double y, String s, double size, double angle, String anchor) {
        painter.rotatedText(x, y, s, size, angle, anchor);
    }

    private void rect(double x, double y, double w, double h, String fill, String stroke) {
        painter.rect(x, y, Math.max(0, w), Math.max(0, h), fill, stroke);
    }

    private void line(double x1, double y1, double x2, double y2, String color, double w) {
        painter.line(x1, y1, x2, y2, color, w);
    }

    private void circle(double x, double y, double r, String fill, double opacity) {
        painter.circle(x, y, r, fill, opacity);
    }

    private double plotLeft() {
        return left;
    }

    private double plotRight() {
        return width - right;
    }

    private double plotTop() {
        return top;
    }

    private double plotBottom() {
        return height - bottom;
    }

    /** Round tick values covering [min, max] (the "nice numbers" method). */
    static List<Double> ticks(double min, double max, int wanted) {
        List<Double> out = new ArrayList<>();
        if (!(max > min)) {
            out.add(min);
            return out;
        }
        double range = nice(max - min, false);
        double step = nice(range / Math.max(1, wanted - 1), true);
        double start = Math.floor(min / step) * step;
        for (double v = start; v <= max + step * 1e-9; v += step) {
            if (v >= min - step * 1e-9) {
                out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
        }
        return out;
    }

    private static double nice(double x, boolean round) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }

    private void yAxis(double min, double max, String title) {
        for (double t : ticks(min, max, 6)) {
            double y = scale(t, min, max, plotBottom(), plotTop());
            line(plotLeft(), y, plotRight(), y, "#e5e7eb", 1);
            text(plotLeft() - 6, y + 4, PlotlyFigure.num(t), 10, "end", "#374151", false);
        }
        rotatedText(16, (plotTop() + plotBottom()) / 2, title, 11, -90, "middle");
    }

    private void xAxisNumeric(double min, double max, String title) {
        for (double t : ticks(min, max, 7)) {
            double x = scale(t, min, max, plotLeft(), plotRight());
            line(x, plotBottom(), x, plotBottom() + 4, "#6b7280", 1);
            text(x, plotBottom() + 16, PlotlyFigure.num(t), 10, "middle", "#374151", false);
        }
        text((plotLeft() + plotRight()) / 2, height - 12, title, 11, "middle", "#374151", false);
    }

    private void xAxisCategories(List<String> labels, String title) {
        double band = (plotRight() - plotLeft()) / Math.max(1, labels.size());
        boolean tilt = labels.size() > 6 || labels.stream().anyMatch(l -> l.length() > 10);
        for (int i = 0; i < labels.size(); i++) {
            double x = plotLeft() + band * (i + 0.5);
            String label = labels.get(i).length() > 18 ? labels.get(i).substring(0, 17) + "\u2026" : labels.get(i);
            if (tilt) {
                rotatedText(x, plotBottom() + 12, label, 10, -35, "end");
            } else {
                text(x, plotBottom() + 16, label, 10, "middle", "#374151", false);
            }
        }
        if (title != null && !title.isEmpty() && !tilt) {
            text((plotLeft() + plotRight()) / 2, height - 12, title, 11, "middle", "#374151", false);
        }
    }

    private void frame() {
        line(plotLeft(), plotBottom(), plotRight(), plotBottom(), "#6b7280", 1);
        line(plotLeft(), plotTop(), plotLeft(), plotBottom(), "#6b7280", 1);
    }

    private static double scale(double v, double min, double max, double from, double to) {
        if (max == min) {
            return (from + to) / 2;
        }
        return from + (v - min) / (max - min) * (to - from);
    }

    // --- charts

    private void histogram(ChartData.HistogramData h) {
        if (h.counts().isEmpty()) {
            text(width / 2, height / 2, "no values", 12, "middle", "#6b7280", false);
            return;
        }
        double min = h.edges().get(0);
        double max = h.edges().get(h.edges().size() - 1);
        if (max == min) {
            max = min + 1;
        }
        long most = h.counts().stream().mapToLong(Long::longValue).max().orElse(1);
        double top = ticks(0, most, 6).get(ticks(0, most, 6).size() - 1);
        top = Math.max(top, most);
        yAxis(0, top, "rows");
        for (int i = 0; i < h.counts().size(); i++) {
            double x0 = scale(h.edges().get(i), min, max, plotLeft(), plotRight());
            double x1 = scale(h.edges().get(i + 1), min, max, plotLeft(), plotRight());
            double y = scale(h.counts().get(i), 0, top, plotBottom(), plotTop());
            rect(x0, y, x1 - x0, plotBottom() - y, PlotlyFigure.PALETTE[0], "white");
            painter.hover(x0, plotTop(), x1 - x0, plotBottom() - plotTop(), String.format("%s to %s: %,d rows",
                    PlotlyFigure.num(h.edges().get(i)), PlotlyFigure.num(h.edges().get(i + 1)), h.counts().get(i)));
        }
        xAxisNumeric(min, max, h.column());
        frame();
    }

    private void bar(ChartData.BarData b) {
        List<String> labels = new ArrayList<>(b.labels());
        List<Long> counts = new ArrayList<>(b.counts());
        if (b.others() > 0) {
            labels.add("(all others)");
            counts.add(b.others());
        }
        bottom = labels.size() > 6 ? 100 : 60;
        long most = counts.stream().mapToLong(Long::longValue).max().orElse(1);
        double top = Math.max(most, ticks(0, most, 6).get(ticks(0, most, 6).size() - 1));
        yAxis(0, top, "rows");
        double band = (plotRight() - plotLeft()) / Math.max(1, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            double y = scale(counts.get(i), 0, top, plotBottom(), plotTop());
            rect(plotLeft() + band * i + band * 0.1, y, band * 0.8, plotBottom() - y, PlotlyFigure.PALETTE[0], null);
            painter.hover(plotLeft() + band * i, plotTop(), band, height - plotTop(), String.format("%s: %,d rows", labels.get(i), counts.get(i)));
        }
        xAxisCategories(labels, b.column());
        frame();
    }

    private void box(ChartData.BoxData b) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartData.Box box : b.boxes()) {
            min = Math.min(min, box.low());
            max = Math.max(max, box.high());
            for (double o : box.outliers()) {
                min = Math.min(min, o);
                max = Math.max(max, o);
            }
        }
        if (b.boxes().isEmpty()) {
            text(width / 2, height / 2, "no values", 12, "middle", "#6b7280", false);
            return;
        }
        if (max == min) {
            max = min + 1;
        }
        List<Double> t = ticks(min, max, 6);
        double lo = Math.min(min, t.get(0));
        double hi = Math.max(max, t.get(t.size() - 1));
        List<String> labels = b.boxes().stream().map(ChartData.Box::label).toList();
        bottom = labels.size() > 6 ? 100 : 60;
        yAxis(lo, hi, b.column());
        double band = (plotRight() - plotLeft()) / labels.size();
        for (int i = 0; i < b.boxes().size(); i++) {
            ChartData.Box box = b.boxes().get(i);
            double cx = plotLeft() + band * (i + 0.5);
            double w = Math.min(60, band * 0.5);
            double yq1 = scale(box.q1(), lo, hi, plotBottom(), plotTop());
            double yq3 = scale(box.q3(), lo, hi, plotBottom(), plotTop());
            double ymed = scale(box.median(), lo, hi, plotBottom(), plotTop());
            double ylow = scale(box.low(), lo, hi, plotBottom(), plotTop());
            double yhigh = scale(box.high(), lo, hi, plotBottom(), plotTop());
            line(cx, ylow, cx, yq1, "#374151", 1);
            line(cx, yq3, cx, yhigh, "#374151", 1);
            line(cx - w / 4, ylow, cx + w / 4, ylow, "#374151", 1);
            line(cx - w / 4, yhigh, cx + w / 4, yhigh, "#374151", 1);
            rect(cx - w / 2, yq3, w, yq1 - yq3, "#c7d7f8", PlotlyFigure.PALETTE[0]);
            line(cx - w / 2, ymed, cx + w / 2, ymed, "#1e3a8a", 2);
            for (double o : box.outliers()) {
                circle(cx, scale(o, lo, hi, plotBottom(), plotTop()), 2.5, PlotlyFigure.PALETTE[1], 0.7);
            }
            painter.hover(cx - band / 2, plotTop(), band, height - plotTop(), String.format("%s (%,d rows): median %s, quartiles %s to %s, "
                    + "whiskers %s to %s", box.label(), box.n(), PlotlyFigure.num(box.median()), PlotlyFigure.num(box.q1()),
                    PlotlyFigure.num(box.q3()), PlotlyFigure.num(box.low()), PlotlyFigure.num(box.high())));
        }
        xAxisCategories(labels, b.group());
        frame();
    }

    private void scatter(ChartData.ScatterData s) {
        if (s.shown() == 0) {
            text(width / 2, height / 2, "no rows with both values", 12, "middle", "#6b7280", false);
            return;
        }
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.shown(); i++) {
            xmin = Math.min(xmin, s.xs()[i]);
            xmax = Math.max(xmax, s.xs()[i]);
            ymin = Math.min(ymin, s.ys()[i]);
            ymax = Math.max(ymax, s.ys()[i]);
        }
        if (xmax == xmin) {
            xmax = xmin + 1;
        }
        if (ymax == ymin) {
            ymax = ymin + 1;
        }
        yAxis(ymin, ymax, s.y());
        for (int i = 0; i < s.shown(); i++) {
            String color = PlotlyFigure.PALETTE[s.categories().isEmpty() ? 0 : s.category()[i] % PlotlyFigure.PALETTE.length];
            circle(scale(s.xs()[i], xmin, xmax, plotLeft(), plotRight()), scale(s.ys()[i], ymin, ymax, plotBottom(), plotTop()), 2.5, color, 0.6);
        }
        xAxisNumeric(xmin, xmax, s.x());
        frame();
        double lx = plotRight() - 10;
        double ly = plotTop() + 8;
        for (int g = 0; g < s.categories().size(); g++) {
            circle(lx - 6, ly + 14 * g - 4, 4, PlotlyFigure.PALETTE[g % PlotlyFigure.PALETTE.length], 1);
            text(lx - 14, ly + 14 * g, s.categories().get(g), 10, "end", "#374151", false);
        }
        if (s.shown() < s.total()) {
            text(width - 10, 22, String.format("a random sample of %,d of %,d points", s.shown(), s.total()), 10, "end", "#667085", false);
        }
    }

    private void heatmap(ChartData.HeatmapData h) {
        int rows = h.rows().size();
        int cols = h.columns().size();
        boolean rowLabels = !"missing".equals(h.scale());
        double labelWidth = rowLabels ? Math.min(160, 7 * h.rows().stream().mapToInt(String::length).max().orElse(4) + 10) : 20;
        double x0 = labelWidth + 10;
        double y0 = top;
        double x1 = width - 60;
        double y1 = height - Math.min(120, 8 * h.columns().stream().mapToInt(String::length).max().orElse(4) + 20);
        double cw = (x1 - x0) / Math.max(1, cols);
        double ch = (y1 - y0) / Math.max(1, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = h.z()[r][c];
                String fill = Double.isNaN(v) ? "#f3f4f6" : color(h.scale(), (v - h.min()) / (h.max() - h.min()));
                rect(x0 + c * cw, y0 + r * ch, cw + 0.3, ch + 0.3, fill, null);
                if (rowLabels) {
                    painter.hover(x0 + c * cw, y0 + r * ch, cw, ch, h.rows().get(r) + " \u00d7 " + h.columns().get(c) + ": "
                            + (Double.isNaN(v) ? "not defined" : h.format(v)));
                }
                if (h.annotate() && !Double.isNaN(v) && ch >= 12 && cw >= 26) {
                    double t = (v - h.min()) / (h.max() - h.min());
                    // Dark cells get white text: both ends of a diverging scale, the top of a sequential one.
                    boolean dark = "sequential".equals(h.scale()) ? t > 0.55 : t < 0.2 || t > 0.8;
                    String ink = dark ? "white" : "#111827";
                    text(x0 + (c + 0.5) * cw, y0 + (r + 0.5) * ch + 3.5, h.format(v), 9, "middle", ink, false);
                }
            }
            if (rowLabels) {
                text(x0 - 6, y0 + (r + 0.5) * ch + 3.5, shorten(h.rows().get(r), 22), 10, "end", "#374151", false);
            }
        }
        for (int c = 0; c < cols; c++) {
            rotatedText(x0 + (c + 0.5) * cw, y1 + 10, shorten(h.columns().get(c), 22), 10, -45, "end");
        }
        if (!rowLabels) {
            rotatedText(14, (y0 + y1) / 2, "rows, top to bottom", 11, -90, "middle");
        }
        // Colour bar.
        double bx = width - 45;
        for (int i = 0; i < 50; i++) {
            double t = 1 - i / 49.0;
            rect(bx, y0 + (y1 - y0) * i / 50.0, 12, (y1 - y0) / 50.0 + 0.5, color(h.scale(), t), null);
        }
        text(bx + 14, y0 + 8, PlotlyFigure.num(h.max()), 9, "start", "#374151", false);
        text(bx + 14, y1, PlotlyFigure.num(h.min()), 9, "start", "#374151", false);
    }

    private void lines(ChartData.LineData l) {
        double xmin = l.xMin() != null ? l.xMin() : Double.POSITIVE_INFINITY;
        double xmax = l.xMax() != null ? l.xMax() : Double.NEGATIVE_INFINITY;
        double ymin = l.yMin() != null ? l.yMin() : Double.POSITIVE_INFINITY;
        double ymax = l.yMax() != null ? l.yMax() : Double.NEGATIVE_INFINITY;
        for (ChartData.Series s : l.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (l.xMin() == null) {
                    xmin = Math.min(xmin, s.x()[i]);
                    xmax = Math.max(xmax, s.x()[i]);
                }
                if (l.yMin() == null) {
                    ymin = Math.min(ymin, s.y()[i]);
                    ymax = Math.max(ymax, s.y()[i]);
                }
            }
        }
        if (!(xmax > xmin)) {
            xmax = xmin + 1;
        }
        if (!(ymax > ymin)) {
            ymax = ymin + 1;
        }
        yAxis(ymin, ymax, l.yLabel());
        int color = 0;
        for (ChartData.Series s : l.series()) {
            String c = s.dashed() ? "#9ca3af" : PlotlyFigure.PALETTE[color++ % PlotlyFigure.PALETTE.length];
            if (s.markers()) {
                for (int i = 0; i < s.x().length; i++) {
                    circle(scale(s.x()[i], xmin, xmax, plotLeft(), plotRight()), scale(s.y()[i], ymin, ymax, plotBottom(), plotTop()), 2.2, c, 0.6);
                }
            } else if (s.x().length > 1) {
                double[] px = new double[s.x().length];
                double[] py = new double[s.x().length];
                for (int i = 0; i < s.x().length; i++) {
                    px[i] = scale(s.x()[i], xmin, xmax, plotLeft(), plotRight());
                    py[i] = scale(s.y()[i], ymin, ymax, plotBottom(), plotTop());
                }
                painter.polyline(px, py, c, s.dashed() ? 1 : 2, s.dashed());
            }
        }
        // The legend on a white box in the bottom right corner (ROC and recall curves run to the top left), names
        // up to 40 characters: model names with their AUC must stay readable.
        List<ChartData.Series> named = l.series().stream().filter(s -> !s.dashed()).toList();
        if (named.size() > 1 || l.series().size() > 1 && !named.isEmpty()) {
            double longest = named.stream().mapToInt(s -> Math.min(40, s.name().length())).max().orElse(4);
            double boxWidth = 30 + 5.6 * longest;
            double boxHeight = 8 + 14 * named.size();
            double bx = plotRight() - boxWidth - 6;
            double by = plotBottom() - boxHeight - 6;
            rect(bx, by, boxWidth, boxHeight, "white", "#d1d5db");
            int k = 0;
            for (ChartData.Series s : l.series()) {
                if (s.dashed()) {
                    continue;
                }
                String c = PlotlyFigure.PALETTE[k % PlotlyFigure.PALETTE.length];
                double ly = by + 15 + 14 * k++;
                line(bx + 6, ly - 4, bx + 20, ly - 4, c, 2);
                text(bx + 24, ly, truncate(s.name(), 40), 10, "start", "#374151", false);
            }
        }
        xAxisNumeric(xmin, xmax, l.xLabel());
        frame();
    }

    private void valueBars(ChartData.ValueBars v) {
        int n = v.names().size();
        if (n == 0) {
            text(width / 2, height / 2, "nothing to show", 12, "middle", "#6b7280", false);
            return;
        }
        double labelWidth = Math.min(200, 7 * v.names().stream().mapToInt(String::length).max().orElse(4) + 16);
        double x0 = labelWidth;
        double x1 = width - right - 40;
        double y0 = top;
        double y1 = height - 40;
        double max = v.values().stream().mapToDouble(Math::abs).max().orElse(1);
        if (max == 0) {
            max = 1;
        }
        double band = (y1 - y0) / n;
        for (int i = 0; i < n; i++) {
            double value = v.values().get(i);
            double w = (x1 - x0) * Math.max(0, value) / max;
            rect(x0, y0 + band * i + band * 0.15, w, band * 0.7, PlotlyFigure.PALETTE[0], null);
            text(x0 - 6, y0 + band * (i + 0.5) + 3.5, shorten(v.names().get(i), 28), 10, "end", "#374151", false);
            painter.hover(0, y0 + band * i, width, band, v.names().get(i) + ": " + String.format(Locale.ROOT, "%.4g", value));
            text(x0 + w + 4, y0 + band * (i + 0.5) + 3.5, String.format(Locale.ROOT, "%.3f", value), 9, "start", "#374151", false);
        }
        text((x0 + x1) / 2, height - 12, v.valueLabel(), 11, "middle", "#374151", false);
    }

    private static String truncate(String s, int n) {
        return s.length() > n ? s.substring(0, n - 1) + "\u2026" : s;
    }

    /**
     * A name cut in the middle, keeping its start and end: columns of a wide dataset often differ only at the end
     * (sensor_name_12, sensor_name_13), which a cut at the end would make look alike.
     */
    static String shorten(String s, int n) {
        if (s.length() <= n) {
            return s;
        }
        int tail = (n - 1) / 2;
        return s.substring(0, n - 1 - tail) + "\u2026" + s.substring(s.length() - tail);
    }

    /** Colour stops (position 0..1, r, g, b) of each scale: blue-white-red for signed values, white-blue otherwise. */
    static double[][] stops(String scale) {
        return switch (scale) {
            case "diverging" -> new double[][]{{0, 33, 102, 172}, {0.5, 247, 247, 247}, {1, 178, 24, 43}};
            case "missing" -> new double[][]{{0, 238, 242, 247}, {1, 194, 65, 12}};
            default -> new double[][]{{0, 247, 251, 255}, {1, 8, 69, 148}};
        };
    }

    static String hex(double[] stop) {
        return String.format("#%02x%02x%02x", (int) stop[1], (int) stop[2], (int) stop[3]);
    }

    static String color(String scale, double t) {
        double[][] s = stops(scale);
        t = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t));
        for (int i = 1; i < s.length; i++) {
            if (t <= s[i][0]) {
                double f = (t - s[i - 1][0]) / (s[i][0] - s[i - 1][0]);
                return String.format("#%02x%02x%02x", (int) Math.round(s[i - 1][1] + f * (s[i][1] - s[i - 1][1])),
                        (int) Math.round(s[i - 1][2] + f * (s[i][2] - s[i - 1][2])), (int) Math.round(s[i - 1][3] + f * (s[i][3] - s[i - 1][3])));
            }
        }
        return hex(s[s.length - 1]);
    }
}
