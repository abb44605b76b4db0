package dev.baton.explore.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.util.Json;

import java.util.List;

/**
 * A chart's data as a plotly.js 2.x figure ({@code data}, {@code layout}), for the window's web view and the HTML
 * report. Aggregates stay aggregates: a histogram is drawn from its bins, a box plot from its quartiles.
 */
public final class PlotlyFigure {

    public static final String[] PALETTE = {"#2f6fde", "#e4572e", "#29a36a", "#f3a712", "#7b4fd6", "#17a2b8", "#d6336c",
        "#6c757d", "#8c564b", "#bcbd22"};

    private PlotlyFigure() {
    }

    public static ObjectNode of(ChartData chart) {
        ObjectNode figure = Json.mapper().createObjectNode();
        ArrayNode data = figure.putArray("data");
        ObjectNode layout = figure.putObject("layout");
        layout.putObject("title").put("text", chart.title()).put("x", 0.02);
        layout.putObject("margin").put("l", 60).put("r", 20).put("t", 50).put("b", 60);
        layout.putObject("font").put("family", "Liberation Sans, Arial, Helvetica, sans-serif").put("size", 12);
        layout.put("paper_bgcolor", "white").put("plot_bgcolor", "white");
        if (chart instanceof ChartData.HistogramData h) {
            histogram(h, data, layout);
        } else if (chart instanceof ChartData.BarData b) {
            bar(b, data, layout);
        } else if (chart instanceof ChartData.BoxData b) {
            box(b, data, layout);
        } else if (chart instanceof ChartData.ScatterData sc) {
            scatter(sc, data, layout);
        } else if (chart instanceof ChartData.HeatmapData h) {
            heatmap(h, data, layout);
        } else if (chart instanceof ChartData.LineData l) {
            lines(l, data, layout);
        } else if (chart instanceof ChartData.ValueBars v) {
            valueBars(v, data, layout);
        }
        escapeMarkup(figure, null);
        return figure;
    }

    /**
     * plotly reads a few HTML tags in labels and titles; a column called {@code <b>x</b>} or a value
     * {@code <script>} must show as typed, so every text's {@code & < >} become entities (plotly decodes them
     * for display). Hover and text templates are plotly's own markup and stay as they are.
     */
    private static void escapeMarkup(com.fasterxml.jackson.databind.JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                com.fasterxml.jackson.databind.JsonNode child = object.get(name);
                if (child.isTextual()) {
                    if (!name.endsWith("template")) {
                        object.put(name, entities(child.asText()));
                    }
                } else {
                    escapeMarkup(child, name);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                com.fasterxml.jackson.databind.JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, entities(child.asText()));
                } else {
                    escapeMarkup(child, key);
                }
            }
        }
    }

    static String entities(String s) {
        if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
            return s;
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ObjectNode axis(ObjectNode layout, String name, String title) {
        ObjectNode axis = layout.putObject(name);
        axis.putObject("title").put("text", title);
        axis.put("gridcolor", "#e5e7eb").put("zeroline", false).put("automargin", true);
        return axis;
    }

    private static void histogram(ChartData.HistogramData h, ArrayNode data, ObjectNode layout) {
        ObjectNode trace = data.addObject();
        trace.put("type", "bar").put("name", h.column());
        ArrayNode x = trace.putArray("x");
        ArrayNode width = trace.putArray("width");
        ArrayNode y = trace.putArray("y");
        ArrayNode text = trace.putArray("customdata");
        List<Double> e = h.edges();
        for (int i = 0; i < h.counts().size(); i++) {
            double lo = e.get(i);
            double hi = e.get(i + 1);
            x.add((lo + hi) / 2);
            width.add(hi > lo ? hi - lo : 1);
            y.add(h.counts().get(i));
            text.add(String.format("%s to %s", num(lo), num(hi)));
        }
        trace.put("hovertemplate", "%{customdata}<br>%{y:,} rows<extra></extra>");
        trace.putObject("marker").put("color", PALETTE[0]).putObject("line").put("color", "white").put("width", 1);
        axis(layout, "xaxis", h.column());
        axis(layout, "yaxis", "rows");
        layout.put("bargap", 0);
    }

    private static void bar(ChartData.BarData b, ArrayNode data, ObjectNode layout) {
        ObjectNode trace = data.addObject();
        trace.put("type", "bar").put("name", b.column());
        ArrayNode x = trace.putArray("x");
        ArrayNode y = trace.putArray("y");
        for (int i = 0; i < b.labels().size(); i++) {
            x.add(b.labels().get(i));
            y.add(b.counts().get(i));
        }
        if (b.others() > 0) {
            x.add("(all others)");
            y.add(b.others());
        }
        trace.put("hovertemplate", "%{x}<br>%{y:,} rows<extra></extra>");
        trace.putObject("marker").put("color", PALETTE[0]);
        axis(layout, "xaxis", b.column()).put("type", "category");
        axis(layout, "yaxis", "rows");
    }

    private static void box(ChartData.BoxData b, ArrayNode data, ObjectNode layout) {
        ObjectNode trace = data.addObject();
        trace.put("type", "box").put("name", b.column()).put("boxpoints", false);
        ArrayNode x = trace.putArray("x");
        ArrayNode q1 = trace.putArray("q1");
        ArrayNode median = trace.putArray("median");
        ArrayNode q3 = trace.putArray("q3");
        ArrayNode low = trace.putArray("lowerfence");
        ArrayNode high = trace.putArray("upperfence");
        for (ChartData.Box box : b.boxes()) {
            x.add(box.label());
            q1.add(box.q1());
            median.add(box.median());
            q3.add(box.q3());
            low.add(box.low());
            high.add(box.high());
        }
        trace.putObject("marker").put("color", PALETTE[0]);
        ObjectNode outliers = data.addObject();
        outliers.put("type", "scatter").put("mode", "markers").put("name", "outliers").put("showlegend", false);
        ArrayNode ox = outliers.putArray("x");
        ArrayNode oy = outliers.putArray("y");
        for (ChartData.Box box : b.boxes()) {
            for (double v : box.outliers()) {
                ox.add(box.label());
                oy.add(v);
            }
        }
        outliers.putObject("marker").put("color", PALETTE[1]).put("size", 5).put("opacity", 0.7);
        axis(layout, "xaxis", b.group() == null ? "" : b.group()).put("type", "category");
        axis(layout, "yaxis", b.column());
        layout.put("showlegend", false);
    }

    private static void scatter(ChartData.ScatterData s, ArrayNode data, ObjectNode layout) {
        int groups = Math.max(1, s.categories().size());
        for (int g = 0; g < groups; g++) {
            ObjectNode trace = data.addObject();
            trace.put("type", "scatter").put("mode", "markers");
            trace.put("name", s.categories().isEmpty() ? s.y() : s.categories().get(g));
            ArrayNode x = trace.putArray("x");
            ArrayNode y = trace.putArray("y");
            for (int i = 0; i < s.shown(); i++) {
                if (s.categories().isEmpty() || s.category()[i] == g) {
                    x.add(s.xs()[i]);
                    y.add(s.ys()[i]);
                }
            }
            trace.putObject("marker").put("color", PALETTE[g % PALETTE.length]).put("size", 6).put("opacity", 0.7);
        }
        axis(layout, "xaxis", s.x());
        axis(layout, "yaxis", s.y());
        if (s.shown() < s.total()) {
            ObjectNode note = layout.putArray("annotations").addObject();
            note.put("text", String.format("a random sample of %,d of %,d points", s.shown(), s.total()));
            note.put("xref", "paper").put("yref", "paper").put("x", 1).put("y", 1.06).put("showarrow", false)
                    .put("xanchor", "right").putObject("font").put("size", 11).put("color", "#667085");
        }
        layout.put("showlegend", !s.categories().isEmpty());
    }

    private static void heatmap(ChartData.HeatmapData h, ArrayNode data, ObjectNode layout) {
        ObjectNode trace = data.addObject();
        trace.put("type", "heatmap");
        ArrayNode x = trace.putArray("x");
        h.columns().forEach(x::add);
        ArrayNode y = trace.putArray("y");
        h.rows().forEach(y::add);
        ArrayNode z = trace.putArray("z");
        for (double[] row : h.z()) {
            ArrayNode r = z.addArray();
            for (double v : row) {
                if (Double.isNaN(v)) {
                    r.addNull();
                } else {
                    r.add(Math.round(v * 1000) / 1000.0);
                }
            }
        }
        trace.put("zmin", h.min()).put("zmax", h.max());
        ArrayNode scale = trace.putArray("colorscale");
        for (double[] stop : SvgChart.stops(h.scale())) {
            scale.addArray().add(stop[0]).add(SvgChart.hex(stop));
        }
        trace.put("hoverongaps", false);
        trace.put("hovertemplate", "%{y} \u00d7 %{x}: %{z}<extra></extra>");
        // Long names are cut on the axes (the full names show on hover); with many columns every one is labelled.
        int n = Math.max(h.columns().size(), h.rows().size());
        boolean large = n > 25 && !"missing".equals(h.scale());
        if (h.annotate()) {
            trace.putArray("text");
            trace.put("texttemplate", h.wholeNumbers() ? "%{z:,.0f}" : "%{z:.2f}");
            trace.putObject("textfont").put("size", 10);
        }
        ObjectNode xaxis = layout.putObject("xaxis").put("automargin", true).put("tickangle", -35);
        ObjectNode yaxis = layout.putObject("yaxis").put("automargin", true).put("autorange", "reversed");
        shortTicks(xaxis, h.columns());
        shortTicks(yaxis, h.rows());
        if (large) {
            xaxis.put("dtick", 1).putObject("tickfont").put("size", 10);
            yaxis.put("dtick", 1);
        }
        if ("missing".equals(h.scale())) {
            yaxis.put("showticklabels", false);
            yaxis.putObject("title").put("text", "rows, top to bottom");
        }
    }

    private static void lines(ChartData.LineData l, ArrayNode data, ObjectNode layout) {
        int color = 0;
        for (ChartData.Series s : l.series()) {
            ObjectNode trace = data.addObject();
            trace.put("type", "scatter").put("name", s.name()).put("mode", s.markers() ? "markers" : "lines");
            ArrayNode x = trace.putArray("x");
            ArrayNode y = trace.putArray("y");
            for (int i = 0; i < s.x().length; i++) {
                x.add(s.x()[i]);
                y.add(s.y()[i]);
            }
            String c = s.dashed() ? "#9ca3af" : PALETTE[color++ % PALETTE.length];
            if (s.markers()) {
                trace.putObject("marker").put("color", c).put("size", 5).put("opacity", 0.6);
            } else {
                trace.putObject("line").put("color", c).put("width", s.dashed() ? 1 : 2).put("dash", s.dashed() ? "dash" : "solid");
            }
        }
        ObjectNode x = axis(layout, "xaxis", l.xLabel());
        ObjectNode y = axis(layout, "yaxis", l.yLabel());
        if (l.xMin() != null) {
            x.putArray("range").add(l.xMin()).add(l.xMax());
        }
        if (l.yMin() != null) {
            y.putArray("range").add(l.yMin()).add(l.yMax());
        }
    }

    private static void valueBars(ChartData.ValueBars v, ArrayNode data, ObjectNode layout) {
        ObjectNode trace = data.addObject();
        trace.put("type", "bar").put("orientation", "h");
        ArrayNode x = trace.putArray("x");
        ArrayNode y = trace.putArray("y");
        for (int i = v.names().size() - 1; i >= 0; i--) {
            x.add(v.values().get(i));
            y.add(v.names().get(i));
        }
        trace.putObject("marker").put("color", PALETTE[0]);
        trace.put("hovertemplate", "%{y}: %{x:.4g}<extra></extra>");
        axis(layout, "xaxis", v.valueLabel());
        // Every bar labelled (plotly drops category labels it finds crowded), long names cut, whole on hover.
        ObjectNode yaxis = axis(layout, "yaxis", "").put("type", "category").put("dtick", 1).put("automargin", true);
        List<String> reversed = new java.util.ArrayList<>(v.names());
        java.util.Collections.reverse(reversed);
        shortTicks(yaxis, reversed);
    }

    /** Every category labelled, names over 24 characters cut with an ellipsis (hover shows them whole). */
    private static void shortTicks(ObjectNode axis, List<String> names) {
        if (names.stream().noneMatch(n -> n.length() > 24)) {
            return;
        }
        ArrayNode values = axis.putArray("tickvals");
        ArrayNode text = axis.putArray("ticktext");
        for (String name : names) {
            values.add(name);
            text.add(name.length() > 24 ? name.substring(0, 23) + "\u2026" : name);
        }
    }

    /** A tick or axis value: whole numbers as such, others to four significant digits without trailing zeros (0.2, not 0.2000). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
