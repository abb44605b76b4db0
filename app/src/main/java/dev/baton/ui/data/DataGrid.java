package dev.baton.ui.data;

import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * A table of any number of rows and columns drawn on one canvas: the header, the row numbers and the visible
 * cells are painted each frame from the model, so showing, scrolling and replacing data cost the same on 40
 * columns as on 4 (a TableView styles every cell of every row it makes, over a second for 40 columns;
 * docs/decisions/0006). Selection is one rectangle of cells (click, Shift+click, drag, arrows with Shift, a row
 * number for whole rows, Ctrl+A); the owner sorts on a header click and opens a column's menu on a right click.
 */
final class DataGrid extends Region {

    static final double ROW_HEIGHT = 24;
    static final double HEADER_HEIGHT = 40;
    private static final double PAD = 6;
    private static final double RESIZE_ZONE = 4;
    private static final double MIN_WIDTH = 40;

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color STRIPE = Color.web("#f9fafb");
    private static final Color GRID_LINE = Color.web("#e4e7ec");
    private static final Color HEADER_BACKGROUND = Color.web("#f2f4f7");
    private static final Color HEADER_LINE = Color.web("#c9ced6");
    private static final Color TEXT = Color.web("#1d2939");
    private static final Color MUTED = Color.web("#667085");
    static final Color MISSING_BACKGROUND = Color.web("#fdf1e6");
    private static final Color MISSING_TEXT = Color.web("#b26b00");
    private static final Color SELECTION = Color.web("#2f6fde", 0.16);
    private static final Color SELECTION_UNFOCUSED = Color.web("#667085", 0.14);
    private static final Color FOCUS = Color.web("#2f6fde");

    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Tooltip tip = new Tooltip();
    private final TextWidths plain;
    private final TextWidths bold;
    private final TextWidths small;
    private final Font italic;

    private GridModel model = GridModel.EMPTY;
    private double[] widths = new double[0];
    private double[] starts = new double[1];
    private double rowNumberWidth = 50;
    private String placeholder = "No data";

    private int sortColumn = -1;
    private boolean sortAscending;

    // Selection: the anchor (where it began) and the focus (where it is now) in shown rows and columns; -1 none.
    private int anchorRow = -1;
    private int anchorColumn = -1;
    private int focusRow = -1;
    private int focusColumn = -1;

    private int resizing = -1;
    private double resizeFrom;
    private double resizeWidth;
    private boolean dragSelecting;
    private boolean rowDrag;
    private boolean dirty = true;

    private IntConsumer onHeaderClick = c -> { };
    private BiConsumer<Integer, Point2D> onHeaderMenu = (c, p) -> { };
    private Runnable onCopy = () -> { };

    DataGrid() {
        getStyleClass().add("data-grid");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        String family = Font.getDefault().getFamily();
        plain = new TextWidths(Font.font(family, 13));
        bold = new TextWidths(Font.font(family, FontWeight.BOLD, 13));
        small = new TextWidths(Font.font(family, 11));
        italic = Font.font(family, FontPosture.ITALIC, 13);
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.setUnitIncrement(ROW_HEIGHT);
        vbar.valueProperty().addListener((o, was, now) -> redraw());
        hbar.valueProperty().addListener((o, was, now) -> redraw());
        getChildren().addAll(canvas, vbar, hbar);
        focusedProperty().addListener((o, was, now) -> redraw());
        tip.setShowDelay(Duration.millis(500));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(this::mouseMoved);
        canvas.setOnMousePressed(this::mousePressed);
        canvas.setOnMouseDragged(this::mouseDragged);
        canvas.setOnMouseReleased(e -> {
            resizing = -1;
            dragSelecting = false;
        });
        canvas.setOnMouseClicked(this::mouseClicked);
        canvas.setOnMouseExited(e -> canvas.setCursor(Cursor.DEFAULT));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // --- what is shown

    /**
     * Shows a model with the given column widths (one per column) and the selection cleared; scrolled to the top
     * left unless {@code keepPosition} (the same data after a change).
     */
    void setModel(GridModel model, double[] columnWidths, boolean keepPosition) {
        this.model = model;
        this.widths = columnWidths.clone();
        sortColumn = -1;
        clearSelection();
        rowNumberWidth = Math.max(50, plain.width(String.format("%,d", model.rowCount())) + 2 * PAD + 4);
        updateStarts();
        if (!keepPosition) {
            vbar.setValue(0);
            hbar.setValue(0);
        }
        describeForScreenReaders();
        requestLayout();
        redraw();
    }

    /** The rows were put in another order (a sort): same columns, same widths. */
    void rowsChanged() {
        redraw();
    }

    GridModel model() {
        return model;
    }

    double[] columnWidths() {
        return widths.clone();
    }

    void setPlaceholder(String text) {
        placeholder = text;
        redraw();
    }

    /** Marks a column as the sort key (-1: none). */
    void setSortIndicator(int column, boolean ascending) {
        sortColumn = column;
        sortAscending = ascending;
        redraw();
    }

    void setOnHeaderClick(IntConsumer action) {
        onHeaderClick = action;
    }

    /** Right click on a header: the column and the screen point to show a menu at. */
    void setOnHeaderMenu(BiConsumer<Integer, Point2D> action) {
        onHeaderMenu = action;
    }

    void setOnCopy(Runnable action) {
        onCopy = action;
    }

    /** A width for a column that fits its header and the values of its first rows, between 70 and 300 pixels. */
    double preferredWidth(String name, String detail, Iterable<String> sample) {
        double w = Math.max(bold.width(name, 300) + 2 * PAD + 14, small.width(detail, 300) + 2 * PAD);
        for (String value : sample) {
            w = Math.max(w, (value == null ? plain.width("missing") : plain.width(value, 300)) + 2 * PAD);
        }
        return Math.max(70, Math.min(300, Math.ceil(w)));
    }

    // --- selection

    /** The selected cells as shown rows and columns: {firstRow, firstColumn, lastRow, lastColumn}, or null. */
    int[] selection() {
        if (anchorRow < 0 || focusRow < 0 || model.rowCount() == 0 || model.columnCount() == 0) {
            return null;
        }
        return new int[] {Math.min(anchorRow, focusRow), Math.min(anchorColumn, focusColumn),
                Math.max(anchorRow, focusRow), Math.max(anchorColumn, focusColumn)};
    }

    void select(int fromRow, int fromColumn, int toRow, int toColumn) {
        anchorRow = clampRow(fromRow);
        anchorColumn = clampColumn(fromColumn);
        focusRow = clampRow(toRow);
        focusColumn = clampColumn(toColumn);
        describeForScreenReaders();
        redraw();
    }

    void clearSelection() {
        anchorRow = anchorColumn = focusRow = focusColumn = -1;
        describeForScreenReaders();
        redraw();
    }

    /** No node per cell, so a screen reader gets the table's size and the focused cell in words. */
    private void describeForScreenReaders() {
        String table = String.format("Data table, %,d rows \u00d7 %,d columns", model.rowCount(), model.columnCount());
        if (focusRow >= 0 && focusColumn >= 0) {
            String value = model.text(focusRow, focusColumn);
            table += String.format("; row %,d, %s: %s", model.rowNumber(focusRow), model.name(focusColumn),
                    value == null ? "missing" : value);
        }
        setAccessibleText(table);
    }

    void selectAll() {
        if (model.rowCount() > 0 && model.columnCount() > 0) {
            select(0, 0, model.rowCount() - 1, model.columnCount() - 1);
        }
    }

    private int clampRow(int row) {
        return Math.max(0, Math.min(model.rowCount() - 1, row));
    }

    private int clampColumn(int column) {
        return Math.max(0, Math.min(model.columnCount() - 1, column));
    }

    // --- geometry (canvas coordinates)

    private void updateStarts() {
        starts = new double[widths.length + 1];
        for (int i = 0; i < widths.length; i++) {
            starts[i + 1] = starts[i] + widths[i];
        }
        updateScrollBars();
    }

    private double bodyWidth() {
        return Math.max(0, canvas.getWidth() - rowNumberWidth);
    }

    private double bodyHeight() {
        return Math.max(0, canvas.getHeight() - HEADER_HEIGHT);
    }

    private double columnX(int column) {
        return rowNumberWidth + starts[column] - hbar.getValue();
    }

    private double rowY(int row) {
        return HEADER_HEIGHT + row * ROW_HEIGHT - vbar.getValue();
    }

    /** The column under canvas x (-1 left of the columns, -2 right of them). */
    private int columnAt(double x) {
        if (x < rowNumberWidth) {
            return -1;
        }
        double content = x - rowNumberWidth + hbar.getValue();
        int i = Arrays.binarySearch(starts, content);
        int column = i >= 0 ? i : -i - 2;
        return column >= widths.length ? -2 : column;
    }

    /** The shown row under canvas y (-1 in the header). */
    private int rowAt(double y) {
        if (y < HEADER_HEIGHT) {
            return -1;
        }
        return (int) Math.floor((y - HEADER_HEIGHT + vbar.getValue()) / ROW_HEIGHT);
    }

    /** The column whose right edge is within reach of canvas x in the header, or -1. */
    private int resizeEdgeAt(double x, double y) {
        if (y >= HEADER_HEIGHT || x < rowNumberWidth) {
            return -1;
        }
        int column = columnAt(x);
        if (column == -2) {
            column = widths.length - 1;
        }
        for (int c : new int[] {column, column - 1}) {
            if (c >= 0 && Math.abs(columnX(c) + widths[c] - x) <= RESIZE_ZONE) {
                return c;
            }
        }
        return -1;
    }

    /** Where a column's header is, in screen coordinates, after scrolling it into view; null if there is no such column. */
    Bounds headerOnScreen(int column) {
        if (column < 0 || column >= widths.length) {
            return null;
        }
        scrollToColumn(column);
        layout();
        double x = Math.max(rowNumberWidth, columnX(column));
        double right = Math.min(canvas.getWidth(), columnX(column) + widths[column]);
        Bounds local = new BoundingBox(x, 0, Math.max(1, right - x), HEADER_HEIGHT);
        return canvas.localToScreen(local);
    }

    /** Where a cell is on the canvas, after scrolling it into view (for tests that look at the pixels). */
    Bounds cellOnCanvas(int row, int column) {
        scrollToRow(row);
        scrollToColumn(column);
        layout();
        return new BoundingBox(columnX(column), rowY(row), widths[column], ROW_HEIGHT);
    }

    Canvas canvas() {
        return canvas;
    }

    void scrollToRow(int row) {
        double top = row * ROW_HEIGHT;
        double h = bodyHeight();
        if (top < vbar.getValue()) {
            vbar.setValue(top);
        } else if (top + ROW_HEIGHT > vbar.getValue() + h) {
            vbar.setValue(Math.min(vbar.getMax(), top + ROW_HEIGHT - h));
        }
    }

    void scrollToColumn(int column) {
        double left = starts[column];
        double right = starts[column + 1];
        double w = bodyWidth();
        if (left < hbar.getValue()) {
            hbar.setValue(left);
        } else if (right > hbar.getValue() + w) {
            hbar.setValue(Math.min(hbar.getMax(), Math.min(left, right - w)));
        }
    }

    // --- layout and painting

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double h = getHeight() - top - snappedBottomInset();
        double barW = vbar.prefWidth(-1);
        double barH = hbar.prefHeight(-1);
        double contentH = model.rowCount() * ROW_HEIGHT;
        double contentW = starts[starts.length - 1];
        boolean needV = contentH > h - HEADER_HEIGHT;
        boolean needH = contentW > w - rowNumberWidth - (needV ? barW : 0);
        needV = contentH > h - HEADER_HEIGHT - (needH ? barH : 0);
        double canvasW = Math.max(0, w - (needV ? barW : 0));
        double canvasH = Math.max(0, h - (needH ? barH : 0));
        if (canvas.getWidth() != canvasW || canvas.getHeight() != canvasH) {
            canvas.setWidth(canvasW);
            canvas.setHeight(canvasH);
            dirty = true;
        }
        vbar.setVisible(needV);
        hbar.setVisible(needH);
        canvas.relocate(left, top);
        vbar.resizeRelocate(left + canvasW, top, barW, canvasH);
        hbar.resizeRelocate(left, top + canvasH, canvasW, barH);
        updateScrollBars();
        if (dirty) {
            draw();
        }
    }

    private void updateScrollBars() {
        double h = bodyHeight();
        double w = bodyWidth();
        double contentH = model.rowCount() * ROW_HEIGHT;
        double contentW = starts[starts.length - 1];
        vbar.setMax(Math.max(0, contentH - h));
        vbar.setVisibleAmount(Math.max(1, h));
        vbar.setBlockIncrement(Math.max(ROW_HEIGHT, h - ROW_HEIGHT));
        hbar.setMax(Math.max(0, contentW - w));
        hbar.setVisibleAmount(Math.max(1, w));
        hbar.setUnitIncrement(40);
        hbar.setBlockIncrement(Math.max(40, w - 40));
        vbar.setValue(Math.min(vbar.getValue(), vbar.getMax()));
        hbar.setValue(Math.min(hbar.getValue(), hbar.getMax()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    /** Paints at the next layout pass: many changes within one frame cost one painting. */
    private void redraw() {
        dirty = true;
        requestLayout();
    }

    /**
     * Paints in layers, without clipping (a clip on a canvas costs the software renderer a blend of the whole
     * canvas, over a second a frame with a clip per column): cells, whose text is cut to fit its column, then the
     * header over rows scrolled under it, then the row numbers over columns scrolled under them.
     */
    private void draw() {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        if (model.columnCount() == 0) {
            centred(g, placeholder, w / 2, h / 2);
            return;
        }
        int firstRow = Math.max(0, (int) Math.floor(vbar.getValue() / ROW_HEIGHT));
        int lastRow = Math.min(model.rowCount() - 1, (int) Math.floor((vbar.getValue() + bodyHeight()) / ROW_HEIGHT));
        int firstColumn = Math.max(0, columnAt(rowNumberWidth));
        int lastColumn = columnAt(Math.max(rowNumberWidth, w - 1));
        if (lastColumn < 0) {
            lastColumn = widths.length - 1;
        }
        int[] sel = selection();
        drawBody(g, firstRow, lastRow, firstColumn, lastColumn, sel);
        drawHeader(g, firstColumn, lastColumn, sel);
        drawRowNumbers(g, firstRow, lastRow, sel);
        if (model.rowCount() == 0) {
            centred(g, "No rows", w / 2, HEADER_HEIGHT + bodyHeight() / 2);
        }
    }

    private void centred(GraphicsContext g, String text, double x, double y) {
        g.setFill(MUTED);
        g.setFont(plain.font());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, x, y);
    }

    private void drawBody(GraphicsContext g, int firstRow, int lastRow, int firstColumn, int lastColumn, int[] sel) {
        double right = Math.min(canvas.getWidth(), columnX(widths.length - 1) + widths[widths.length - 1]);
        g.setFill(STRIPE);
        for (int r = firstRow; r <= lastRow; r++) {
            if (r % 2 == 1) {
                g.fillRect(rowNumberWidth, rowY(r), right - rowNumberWidth, ROW_HEIGHT);
            }
        }
        for (int c = firstColumn; c <= lastColumn; c++) {
            double x = columnX(c);
            double cw = widths[c];
            double room = cw - 2 * PAD;
            boolean numeric = model.numeric(c);
            for (int r = firstRow; r <= lastRow; r++) {
                double y = rowY(r) + ROW_HEIGHT / 2;
                String text = model.text(r, c);
                if (text == null) {
                    g.setFill(MISSING_BACKGROUND);
                    g.fillRect(x, rowY(r), cw, ROW_HEIGHT);
                    g.setFill(MISSING_TEXT);
                    g.setFont(italic);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.fillText(plain.fit("missing", room), x + PAD, y);
                    continue;
                }
                String shown = plain.fit(text, room);
                g.setFill(TEXT);
                g.setFont(plain.font());
                g.setTextAlign(numeric ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(shown, numeric ? x + cw - PAD : x + PAD, y);
            }
        }
        if (sel != null && sel[2] >= firstRow && sel[0] <= lastRow && sel[3] >= firstColumn && sel[1] <= lastColumn) {
            double x0 = columnX(sel[1]);
            double x1 = columnX(sel[3]) + widths[sel[3]];
            double y0 = rowY(sel[0]);
            double y1 = rowY(sel[2]) + ROW_HEIGHT;
            g.setFill(isFocused() ? SELECTION : SELECTION_UNFOCUSED);
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
        }
        g.setStroke(GRID_LINE);
        g.setLineWidth(1);
        double bottom = Math.min(canvas.getHeight(), rowY(lastRow) + ROW_HEIGHT);
        for (int c = firstColumn; c <= lastColumn; c++) {
            double x = Math.floor(columnX(c) + widths[c]) - 0.5;
            g.strokeLine(x, HEADER_HEIGHT, x, bottom);
        }
        if (isFocused() && focusRow >= firstRow && focusRow <= lastRow && focusColumn >= firstColumn && focusColumn <= lastColumn) {
            g.setStroke(FOCUS);
            g.setLineWidth(2);
            g.strokeRect(columnX(focusColumn) + 1, rowY(focusRow) + 1, widths[focusColumn] - 2, ROW_HEIGHT - 2);
        }
    }

    private void drawHeader(GraphicsContext g, int firstColumn, int lastColumn, int[] sel) {
        double w = canvas.getWidth();
        g.setFill(HEADER_BACKGROUND);
        g.fillRect(0, 0, w, HEADER_HEIGHT);
        if (sel != null) {
            double x0 = columnX(sel[1]);
            double x1 = columnX(sel[3]) + widths[sel[3]];
            g.setFill(SELECTION_UNFOCUSED);
            g.fillRect(x0, 0, x1 - x0, HEADER_HEIGHT);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(HEADER_LINE);
        g.setLineWidth(1);
        for (int c = firstColumn; c <= lastColumn; c++) {
            double x = columnX(c);
            double cw = widths[c];
            String arrow = c == sortColumn ? (sortAscending ? "\u25b2" : "\u25bc") : "";
            double arrowW = arrow.isEmpty() ? 0 : small.width(arrow) + 4;
            g.setFill(TEXT);
            g.setFont(bold.font());
            g.fillText(bold.fit(model.name(c), cw - 2 * PAD - arrowW), x + PAD, HEADER_HEIGHT * 0.32);
            g.setFill(MUTED);
            g.setFont(small.font());
            g.fillText(small.fit(model.detail(c), cw - 2 * PAD), x + PAD, HEADER_HEIGHT * 0.72);
            if (!arrow.isEmpty()) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(arrow, x + cw - PAD, HEADER_HEIGHT * 0.32);
                g.setTextAlign(TextAlignment.LEFT);
            }
            double edge = Math.floor(x + cw) - 0.5;
            g.strokeLine(edge, 4, edge, HEADER_HEIGHT - 4);
        }
        g.strokeLine(0, HEADER_HEIGHT - 0.5, w, HEADER_HEIGHT - 0.5);
    }

    /** The row numbers, over columns scrolled under them, and the corner over both. */
    private void drawRowNumbers(GraphicsContext g, int firstRow, int lastRow, int[] sel) {
        double h = canvas.getHeight();
        g.setFill(HEADER_BACKGROUND);
        g.fillRect(0, 0, rowNumberWidth, h);
        if (sel != null) {
            double y0 = Math.max(HEADER_HEIGHT, rowY(sel[0]));
            double y1 = Math.min(h, rowY(sel[2]) + ROW_HEIGHT);
            if (y1 > y0) {
                g.setFill(SELECTION_UNFOCUSED);
                g.fillRect(0, y0, rowNumberWidth, y1 - y0);
            }
        }
        g.setFill(MUTED);
        g.setFont(plain.font());
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = firstRow; r <= lastRow; r++) {
            double y = rowY(r) + ROW_HEIGHT / 2;
            if (y > HEADER_HEIGHT) {
                g.fillText(String.format("%,d", model.rowNumber(r)), rowNumberWidth - PAD, y);
            }
        }
        g.setFill(HEADER_BACKGROUND);
        g.fillRect(0, 0, rowNumberWidth, HEADER_HEIGHT - 1);
        g.setFill(MUTED);
        g.setFont(bold.font());
        g.fillText("#", rowNumberWidth - PAD, HEADER_HEIGHT * 0.32);
        g.setStroke(HEADER_LINE);
        g.setLineWidth(1);
        g.strokeLine(rowNumberWidth - 0.5, 0, rowNumberWidth - 0.5, h);
        g.strokeLine(0, HEADER_HEIGHT - 0.5, rowNumberWidth, HEADER_HEIGHT - 0.5);
    }

    // --- mouse and keyboard

    private void mouseMoved(MouseEvent e) {
        int edge = resizeEdgeAt(e.getX(), e.getY());
        canvas.setCursor(edge >= 0 ? Cursor.H_RESIZE : Cursor.DEFAULT);
        tip.setText(tipAt(e.getX(), e.getY()));
    }

    /** The full text where the pointer is when the grid shows it cut, the column's name and detail in the header. */
    private String tipAt(double x, double y) {
        int column = columnAt(x);
        if (column < 0 || model.columnCount() == 0) {
            return null;
        }
        if (y < HEADER_HEIGHT) {
            return model.name(column) + "\n" + model.detail(column);
        }
        int row = rowAt(y);
        if (row < 0 || row >= model.rowCount()) {
            return null;
        }
        String text = model.text(row, column);
        if (text == null || !plain.overflows(text, widths[column] - 2 * PAD)) {
            return null;
        }
        return text.length() > 2_000 ? text.substring(0, 2_000) + "\u2026" : text;
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        double x = e.getX();
        double y = e.getY();
        if (e.getButton() == MouseButton.SECONDARY) {
            int column = columnAt(x);
            if (y < HEADER_HEIGHT && column >= 0) {
                onHeaderMenu.accept(column, new Point2D(e.getScreenX(), e.getScreenY()));
            }
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || model.columnCount() == 0) {
            return;
        }
        int edge = resizeEdgeAt(x, y);
        if (edge >= 0) {
            resizing = edge;
            resizeFrom = x;
            resizeWidth = widths[edge];
            return;
        }
        if (y < HEADER_HEIGHT) {
            return; // a header click sorts (on release, in mouseClicked)
        }
        int row = rowAt(y);
        if (row >= model.rowCount()) {
            return;
        }
        int column = columnAt(x);
        rowDrag = column == -1;
        if (rowDrag) {
            int last = model.columnCount() - 1;
            if (e.isShiftDown() && anchorRow >= 0) {
                select(anchorRow, 0, row, last);
            } else {
                select(row, 0, row, last);
            }
        } else {
            column = column == -2 ? model.columnCount() - 1 : column;
            if (e.isShiftDown() && anchorRow >= 0) {
                select(anchorRow, anchorColumn, row, column);
            } else {
                select(row, column, row, column);
            }
        }
        dragSelecting = true;
    }

    private void mouseDragged(MouseEvent e) {
        if (resizing >= 0) {
            widths[resizing] = Math.max(MIN_WIDTH, resizeWidth + e.getX() - resizeFrom);
            updateStarts();
            redraw();
            return;
        }
        if (!dragSelecting) {
            return;
        }
        int row = clampRow(rowAt(Math.max(HEADER_HEIGHT, Math.min(canvas.getHeight() - 1, e.getY()))));
        if (rowDrag) {
            select(anchorRow, 0, row, model.columnCount() - 1);
        } else {
            int column = columnAt(Math.max(rowNumberWidth, Math.min(canvas.getWidth() - 1, e.getX())));
            column = column == -2 ? model.columnCount() - 1 : Math.max(0, column);
            select(anchorRow, anchorColumn, row, column);
        }
        scrollToRow(row);
    }

    private void mouseClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || e.getY() >= HEADER_HEIGHT
                || resizeEdgeAt(e.getX(), e.getY()) >= 0) {
            return;
        }
        int column = columnAt(e.getX());
        if (column >= 0) {
            onHeaderClick.accept(column);
        }
    }

    private void scrolled(ScrollEvent e) {
        double dx = e.getDeltaX();
        double dy = e.getDeltaY();
        if (e.isShiftDown() && dx == 0) {
            dx = dy;
            dy = 0;
        }
        if (dy != 0) {
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() - dy)));
        }
        if (dx != 0) {
            hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() - dx)));
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (model.rowCount() == 0 || model.columnCount() == 0) {
            return;
        }
        boolean shortcut = e.isShortcutDown();
        KeyCode code = e.getCode();
        if (shortcut && code == KeyCode.A) {
            selectAll();
            e.consume();
            return;
        }
        if (shortcut && code == KeyCode.C) {
            onCopy.run();
            e.consume();
            return;
        }
        int row = focusRow < 0 ? 0 : focusRow;
        int column = focusColumn < 0 ? 0 : focusColumn;
        int page = Math.max(1, (int) (bodyHeight() / ROW_HEIGHT) - 1);
        switch (code) {
            case UP -> row = shortcut ? 0 : row - 1;
            case DOWN -> row = shortcut ? model.rowCount() - 1 : row + 1;
            case LEFT -> column = shortcut ? 0 : column - 1;
            case RIGHT -> column = shortcut ? model.columnCount() - 1 : column + 1;
            case PAGE_UP -> row -= page;
            case PAGE_DOWN -> row += page;
            case HOME -> {
                column = 0;
                if (shortcut) {
                    row = 0;
                }
            }
            case END -> {
                column = model.columnCount() - 1;
                if (shortcut) {
                    row = model.rowCount() - 1;
                }
            }
            default -> {
                return;
            }
        }
        row = clampRow(row);
        column = clampColumn(column);
        if (e.isShiftDown() && anchorRow >= 0) {
            select(anchorRow, anchorColumn, row, column);
        } else {
            select(row, column, row, column);
        }
        scrollToRow(row);
        scrollToColumn(column);
        e.consume();
    }
}
