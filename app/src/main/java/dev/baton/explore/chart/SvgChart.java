package dev.baton.explore.chart;

import java.util.Locale;

/**
 * Draws a chart's data as SVG: a static, vector picture of the same chart plotly draws, for the PDF report
 * (and anywhere without a browser). No display is needed. The layout is {@link ChartDrawing}'s.
 */
public final class SvgChart implements ChartPainter {

    private static final String FONT = "font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\"";
    private final StringBuilder svg = new StringBuilder();

    private SvgChart() {
    }

    public static String render(ChartData chart, double width, double height) {
        SvgChart c = new SvgChart();
        c.svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">",
                width, height, width, height));
        ChartDrawing.draw(chart, c, width, height);
        c.svg.append("</svg>");
        return c.svg.toString();
    }

    static String escape(String s) {
        return dev.baton.util.Markup.escape(s);
    }

    @Override
    public void text(double x, double y, String s, double size, String anchor, String color, boolean bold) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"%.0f\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>",
                x, y, FONT, size, anchor, color, bold ? " font-weight=\"bold\"" : "", escape(s)));
    }

    @Override
    public void rotatedText(double x, double y, String s, double size, double angle, String anchor) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s font-size=\"%.0f\" text-anchor=\"%s\" fill=\"#374151\" transform=\"rotate(%.0f %.1f %.1f)\">%s</text>",
                x, y, FONT, size, anchor, angle, x, y, escape(s)));
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s/>",
                x, y, Math.max(0, w), Math.max(0, h), fill, stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"1\""));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double w) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                x1, y1, x2, y2, color, w));
    }

    @Override
    public void circle(double x, double y, double r, String fill, double opacity) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>", x, y, r, fill, opacity));
    }

    @Override
    public void polyline(double[] x, double[] y, String color, double width, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            points.append(String.format(Locale.ROOT, "%.2f,%.2f ", x[i], y[i]));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                points.toString().trim(), color, dashed ? "1" : "2", dashed ? " stroke-dasharray=\"4 3\"" : ""));
    }

    /** Colour stops (position 0..1, r, g, b) of each scale: blue-white-red for signed values, white-blue otherwise. */
    static double[][] stops(String scale) {
        return ChartDrawing.stops(scale);
    }

    static String hex(double[] stop) {
        return ChartDrawing.hex(stop);
    }
}
