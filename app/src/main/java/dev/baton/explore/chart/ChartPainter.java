package dev.baton.explore.chart;

/**
 * What {@link ChartDrawing} draws with: SVG text for the reports, a canvas in the window. Coordinates in pixels from
 * the top left; colours as #rrggbb (or "white"); text anchors "start", "middle" or "end" on the baseline.
 */
public interface ChartPainter {

    void text(double x, double y, String text, double size, String anchor, String color, boolean bold);

    void rotatedText(double x, double y, String text, double size, double angle, String anchor);

    /** A rectangle filled with {@code fill}, outlined with {@code stroke} when it is not null. */
    void rect(double x, double y, double width, double height, String fill, String stroke);

    void line(double x1, double y1, double x2, double y2, String color, double width);

    void circle(double x, double y, double radius, String fill, double opacity);

    void polyline(double[] x, double[] y, String color, double width, boolean dashed);

    /** A region whose full description shows when the pointer rests on it (cut labels, a cell's value); optional. */
    default void hover(double x, double y, double width, double height, String text) {
    }
}
