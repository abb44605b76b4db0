package dev.baton.ui.explore;

import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.ChartDrawing;
import dev.baton.explore.chart.ChartPainter;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart drawn on a canvas by {@link ChartDrawing}, the layout the PDF report draws as SVG, so the window shows
 * the report's chart. Drawing a chart's few thousand shapes takes milliseconds on the FX thread (a web view running
 * plotly took 0.2 to 0.6 s per chart there, and a second to start). A chart that needs more room than the pane
 * (a heatmap of 80 columns) scrolls; pointing at a cell, bar or box shows its full label and value.
 */
public final class ChartView {

    private final Canvas canvas = new Canvas();
    private final javafx.scene.layout.Region holder;
    private final ScrollPane scroll;
    private final Tooltip tooltip = new Tooltip();
    private final List<Hover> hovers = new ArrayList<>();
    private ChartData chart;

    private record Hover(double x, double y, double width, double height, String text) {
    }

    public ChartView() {
        this(true);
    }

    /** {@code scrollable}: a chart larger than the pane scrolls (else it is fitted to the pane, as in the report preview). */
    public ChartView(boolean scrollable) {
        if (scrollable) {
            scroll = new ScrollPane(canvas);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
            scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
            scroll.viewportBoundsProperty().addListener((o, was, now) -> {
                if (was == null || was.getWidth() != now.getWidth() || was.getHeight() != now.getHeight()) {
                    redraw();
                }
            });
            holder = scroll;
        } else {
            scroll = null;
            javafx.scene.layout.Pane pane = new javafx.scene.layout.Pane(canvas);
            pane.widthProperty().addListener((o, was, now) -> redraw());
            pane.heightProperty().addListener((o, was, now) -> redraw());
            holder = pane;
        }
        holder.getStyleClass().add("chart-holder");
        holder.getProperties().put(ChartView.class, this); // found from the scene graph (tests look at what is drawn)
        holder.setMinSize(200, 160);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        canvas.setOnMouseMoved(e -> {
            Hover hit = null;
            for (int i = hovers.size() - 1; i >= 0 && hit == null; i--) {
                Hover h = hovers.get(i);
                if (e.getX() >= h.x && e.getX() < h.x + h.width && e.getY() >= h.y && e.getY() < h.y + h.height) {
                    hit = h;
                }
            }
            if (hit == null) {
                Tooltip.uninstall(canvas, tooltip);
            } else {
                tooltip.setText(hit.text);
                Tooltip.install(canvas, tooltip);
            }
        });
    }

    public Node node() {
        return holder;
    }

    /** The chart shown, or null. */
    public ChartData chart() {
        return chart;
    }

    /** The chart view whose node this is, or null. */
    public static ChartView of(Node node) {
        return node.getProperties().get(ChartView.class) instanceof ChartView v ? v : null;
    }

    public void show(ChartData data) {
        this.chart = data;
        redraw();
    }

    public void clear() {
        show(null);
    }

    private void redraw() {
        double width = Math.max(200, Math.floor(scroll != null ? scroll.getViewportBounds().getWidth() : holder.getWidth()));
        double height = Math.max(160, Math.floor(scroll != null ? scroll.getViewportBounds().getHeight() : holder.getHeight()));
        hovers.clear();
        if (chart == null) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, width, height);
            return;
        }
        double[] size = scroll != null ? ChartDrawing.size(chart, width, height) : new double[]{width, height};
        canvas.setWidth(size[0]);
        canvas.setHeight(size[1]);
        ChartDrawing.draw(chart, new FxPainter(canvas.getGraphicsContext2D()), size[0], size[1]);
    }

    /** Draws on the canvas; colours parsed once each. */
    private final class FxPainter implements ChartPainter {
        private final GraphicsContext g;
        private final Map<String, Color> colors = new HashMap<>();

        FxPainter(GraphicsContext g) {
            this.g = g;
            g.setTextBaseline(VPos.BASELINE);
            g.setLineDashes();
            g.setGlobalAlpha(1);
        }

        private Color color(String web) {
            return colors.computeIfAbsent(web, Color::web);
        }

        private static TextAlignment align(String anchor) {
            return switch (anchor) {
                case "middle" -> TextAlignment.CENTER;
                case "end" -> TextAlignment.RIGHT;
                default -> TextAlignment.LEFT;
            };
        }

        @Override
        public void text(double x, double y, String text, double size, String anchor, String color, boolean bold) {
            g.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size + 1));
            g.setFill(color(color));
            g.setTextAlign(align(anchor));
            g.fillText(text, x, y);
        }

        @Override
        public void rotatedText(double x, double y, String text, double size, double angle, String anchor) {
            g.save();
            g.translate(x, y);
            g.rotate(angle);
            text(0, 0, text, size, anchor, "#374151", false);
            g.restore();
        }

        @Override
        public void rect(double x, double y, double width, double height, String fill, String stroke) {
            g.setFill(color(fill));
            g.fillRect(x, y, width, height);
            if (stroke != null) {
                g.setStroke(color(stroke));
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, Math.max(0, width - 1), Math.max(0, height - 1));
            }
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width) {
            g.setStroke(color(color));
            g.setLineWidth(width);
            g.strokeLine(x1, y1, x2, y2);
        }

        @Override
        public void circle(double x, double y, double radius, String fill, double opacity) {
            g.setGlobalAlpha(opacity);
            g.setFill(color(fill));
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
            g.setGlobalAlpha(1);
        }

        @Override
        public void polyline(double[] x, double[] y, String color, double width, boolean dashed) {
            g.setStroke(color(color));
            g.setLineWidth(width);
            if (dashed) {
                g.setLineDashes(4, 3);
            }
            g.strokePolyline(x, y, x.length);
            g.setLineDashes();
        }

        @Override
        public void hover(double x, double y, double width, double height, String text) {
            hovers.add(new Hover(x, y, width, height, text));
        }
    }
}
