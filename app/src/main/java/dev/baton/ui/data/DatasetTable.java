package dev.baton.ui.data;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import dev.baton.util.Progress;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import tech.tablesaw.columns.Column;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole dataset in a {@link DataGrid}: rows are indices into the Tablesaw table, so a million rows cost no
 * more than the visible ones. Headers show name, type and missing count; missing cells look distinct; clicking a
 * header sorts (computed off the FX thread: ascending, descending, then the file's order); a right click on a
 * header opens the column's menu; Ctrl+C copies the selected cells as tab-separated text.
 */
public final class DatasetTable {

    /** Selections up to this many cells are copied at once; larger ones as a background task with progress. */
    private static final int COPY_AT_ONCE = 20_000;

    private final DataGrid grid = new DataGrid();
    private final TaskRunner tasks;
    private final LatestWins sorting = new LatestWins();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, ContextMenu> menus = new HashMap<>();
    private Dataset dataset;
    private Rows rows = new Rows(new Column<?>[0], new String[0], new String[0], new boolean[0], 0);
    private Function<String, ContextMenu> columnMenu;
    private boolean sortPending;

    public DatasetTable(TaskRunner tasks) {
        this.tasks = tasks;
        grid.getStyleClass().add("dataset-table");
        grid.setOnHeaderClick(this::sortRequested);
        grid.setOnHeaderMenu(this::showColumnMenu);
        grid.setOnCopy(this::copySelection);
    }

    public Region view() {
        return grid;
    }

    DataGrid grid() {
        return grid;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** A menu for a column's header (right-click), made for that column the first time it is opened. */
    public void setColumnMenu(Function<String, ContextMenu> menu) {
        this.columnMenu = menu;
        menus.clear();
    }

    /**
     * Shows a dataset. Columns keep the width the user gave them while their name stays; the position in the table
     * stays for a dataset that shares columns with the one before (a cleaning step), and starts at the top left
     * for another.
     */
    public void show(Dataset newDataset) {
        sorting.cancel();
        sortPending = false;
        double[] before = grid.columnWidths();
        for (int i = 0; i < before.length && i < rows.names.length; i++) {
            widths.put(rows.names[i], before[i]);
        }
        boolean related = dataset != null && newDataset.columnNames().stream().anyMatch(dataset::hasColumn);
        this.dataset = newDataset;
        List<ColumnInfo> infos = newDataset.columns();
        int n = infos.size();
        Column<?>[] values = new Column<?>[n];
        String[] names = new String[n];
        String[] details = new String[n];
        boolean[] numeric = new boolean[n];
        double[] columnWidths = new double[n];
        int sampleRows = Math.min(100, newDataset.rowCount());
        for (int c = 0; c < n; c++) {
            ColumnInfo info = infos.get(c);
            values[c] = newDataset.table().column(info.name());
            names[c] = info.name();
            details[c] = detail(newDataset, info);
            numeric[c] = info.type().isNumeric();
            Column<?> column = values[c];
            Double kept = widths.get(info.name());
            columnWidths[c] = kept != null ? kept : grid.preferredWidth(names[c], details[c],
                    () -> java.util.stream.IntStream.range(0, sampleRows).mapToObj(r -> CellText.of(column, r)).iterator());
        }
        rows = new Rows(values, names, details, numeric, newDataset.rowCount());
        grid.setModel(rows, columnWidths, related);
        if (!widths.isEmpty() && widths.size() > 4 * Math.max(16, n)) {
            widths.keySet().retainAll(List.of(names)); // names of long-gone columns
        }
    }

    private static String detail(Dataset data, ColumnInfo info) {
        int missing = data.missingCount(info.name());
        String detail = info.type().label() + (missing > 0 ? String.format(" \u00b7 %,d missing", missing) : "");
        if (info.unparsable() > 0) {
            detail += String.format(" \u00b7 %,d unparsable", info.unparsable());
        }
        return detail;
    }

    /** The rows in the order shown: dataset row indices. */
    public List<Integer> shownRows() {
        int[] order = rows.order;
        return java.util.stream.IntStream.range(0, rows.rowCount()).map(i -> order == null ? i : order[i]).boxed().toList();
    }

    /** The columns shown, left to right. */
    public List<String> columnNames() {
        return List.of(rows.names);
    }

    /** Whether a sort is waiting for its background task. */
    public boolean isSorting() {
        return sortPending;
    }

    /** Where a column's header is on the screen (scrolled into view first), for a robot to click; null if absent. */
    public javafx.geometry.Bounds headerOnScreen(String column) {
        int index = List.of(rows.names).indexOf(column);
        return index < 0 ? null : grid.headerOnScreen(index);
    }

    /** Where a cell is on the screen (scrolled into view first), for a robot to click. Call on the FX thread. */
    public javafx.geometry.Bounds cellOnScreen(int shownRow, String column) {
        return grid.canvas().localToScreen(grid.cellOnCanvas(shownRow, List.of(rows.names).indexOf(column)));
    }

    /** A column's width on the screen, in pixels. */
    public double columnWidth(String column) {
        return grid.columnWidths()[List.of(rows.names).indexOf(column)];
    }

    /** The colour a missing value's cell is painted with. */
    public static final javafx.scene.paint.Color MISSING_COLOR = DataGrid.MISSING_BACKGROUND;

    /**
     * The background colour the grid painted at a cell (scrolled into view first), read from its pixels near the
     * cell's top right corner, clear of the text: what a user sees. Call on the FX thread.
     */
    public javafx.scene.paint.Color cellColor(int shownRow, String column) {
        int index = List.of(rows.names).indexOf(column);
        javafx.geometry.Bounds cell = grid.cellOnCanvas(shownRow, index);
        javafx.scene.image.WritableImage image = grid.canvas().snapshot(null, null);
        return image.getPixelReader().getColor((int) cell.getMaxX() - 3, (int) cell.getMinY() + 3);
    }

    /** A click on a header: ascending, then descending, then the file's order again. */
    private void sortRequested(int column) {
        if (dataset == null) {
            return;
        }
        boolean ascending;
        if (rows.sortColumn != column) {
            ascending = true;
        } else if (rows.sortAscending) {
            ascending = false;
        } else {
            sorting.cancel();
            sortPending = false;
            rows.sorted(-1, true, null);
            grid.setSortIndicator(-1, true);
            grid.rowsChanged();
            return;
        }
        Dataset data = dataset;
        Rows target = rows;
        String name = rows.names[column];
        grid.setSortIndicator(column, ascending);
        sortPending = true;
        sorting.start(tasks.background("Sorting " + String.format("%,d", data.rowCount()) + " rows by " + name,
                p -> RowOrder.sortedBy(data.table(), name, data.type(name), ascending)).onFinished(() -> sortPending = false), order -> {
                    if (dataset == data && rows == target) {
                        target.sorted(column, ascending, order);
                        grid.rowsChanged();
                    }
                });
    }

    private void showColumnMenu(int column, javafx.geometry.Point2D at) {
        if (columnMenu == null || column >= rows.names.length) {
            return;
        }
        ContextMenu menu = menus.computeIfAbsent(rows.names[column], columnMenu);
        menu.show(grid, at.getX(), at.getY());
    }

    /** Copies the selected cells as tab-separated text: the rectangle they span, in the order shown. */
    void copySelection() {
        int[] sel = grid.selection();
        if (sel == null) {
            return;
        }
        long cells = (long) (sel[2] - sel[0] + 1) * (sel[3] - sel[1] + 1);
        Rows source = rows;
        if (cells <= COPY_AT_ONCE) {
            toClipboard(source.text(sel, Progress.NONE));
        } else {
            tasks.background(String.format("Copying %,d cells", cells), p -> source.text(sel, p))
                    .onSuccess(DatasetTable::toClipboard).start();
        }
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The selected cells as the clipboard gets them, or null with nothing selected. */
    public String selectionAsText() {
        int[] sel = grid.selection();
        return sel == null ? null : rows.text(sel, Progress.NONE);
    }

    /** The dataset as the grid sees it: its columns, in the order a sort gave (null: the file's order). */
    private static final class Rows implements GridModel {
        private final Column<?>[] values;
        private final String[] names;
        private final String[] details;
        private final boolean[] numeric;
        private final int rowCount;
        private volatile int[] order;
        private int sortColumn = -1;
        private boolean sortAscending = true;

        Rows(Column<?>[] values, String[] names, String[] details, boolean[] numeric, int rowCount) {
            this.values = values;
            this.names = names;
            this.details = details;
            this.numeric = numeric;
            this.rowCount = rowCount;
        }

        void sorted(int column, boolean ascending, int[] newOrder) {
            sortColumn = column;
            sortAscending = ascending;
            order = newOrder;
        }

        private int source(int row) {
            int[] o = order;
            return o == null ? row : o[row];
        }

        @Override
        public int rowCount() {
            return rowCount;
        }

        @Override
        public int columnCount() {
            return names.length;
        }

        @Override
        public String name(int column) {
            return names[column];
        }

        @Override
        public String detail(int column) {
            return details[column];
        }

        @Override
        public boolean numeric(int column) {
            return numeric[column];
        }

        @Override
        public String text(int row, int column) {
            return CellText.of(values[column], source(row));
        }

        @Override
        public int rowNumber(int row) {
            return source(row) + 1;
        }

        /** Rows sel[0]..sel[2] by columns sel[1]..sel[3] as tab-separated lines; missing values as empty fields. */
        String text(int[] sel, Progress progress) {
            StringBuilder sb = new StringBuilder();
            for (int r = sel[0]; r <= sel[2]; r++) {
                if ((r & 1023) == 0) {
                    progress.checkCancelled();
                    progress.update(r - sel[0], sel[2] - sel[0] + 1L, "Copying");
                }
                for (int c = sel[1]; c <= sel[3]; c++) {
                    if (c > sel[1]) {
                        sb.append('\t');
                    }
                    String value = text(r, c);
                    if (value != null) {
                        sb.append(value);
                    }
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }
}
