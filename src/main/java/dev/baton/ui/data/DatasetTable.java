package dev.baton.ui.data;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import tech.tablesaw.columns.Column;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The whole dataset in a virtualized table: rows are indices into the Tablesaw table, so a million rows
 * cost no more than the visible ones. Headers show name, type and missing count; missing cells look
 * distinct; clicking a header sorts (computed off the FX thread); Ctrl+C copies the selected cells.
 */
public final class DatasetTable {

    private final TableView<Integer> view = new TableView<>();
    private final TaskRunner tasks;
    private final LatestWins sorting = new LatestWins();
    private Dataset dataset;
    private RowOrderList rows = new RowOrderList(0);
    private final TableColumn<Integer, String> rowNumberColumn = rowNumberColumn();
    private java.util.function.Function<String, javafx.scene.control.ContextMenu> columnMenu;

    public DatasetTable(TaskRunner tasks) {
        this.tasks = tasks;
        view.getStyleClass().add("dataset-table");
        view.getSelectionModel().setCellSelectionEnabled(true);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        view.setPlaceholder(new Label("No data"));
        // A fixed row height lets the table make cells for the visible columns only: with 40 columns and more,
        // every row otherwise builds and styles a cell for each column on the FX thread.
        view.setFixedCellSize(24);
        // The sort policy only starts a background sort; the result is a new order of the same items list, so
        // nothing here makes the table sort again (replacing the items inside the policy recursed until the stack overflowed).
        view.setSortPolicy(table -> {
            sortRequested();
            return true;
        });
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        view.setOnKeyPressed(e -> {
            if (copy.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    public TableView<Integer> view() {
        return view;
    }

    public Dataset dataset() {
        return dataset;
    }

    private static TableColumn<Integer, String> rowNumberColumn() {
        TableColumn<Integer, String> rowNumber = new TableColumn<>("#");
        rowNumber.setSortable(false);
        rowNumber.getStyleClass().add("row-number-column");
        rowNumber.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(""));
        rowNumber.setCellFactory(c -> new RowNumberCell());
        rowNumber.setPrefWidth(70);
        return rowNumber;
    }

    /** A menu for a column's header (right-click), built for that column when the table is shown. */
    public void setColumnMenu(java.util.function.Function<String, javafx.scene.control.ContextMenu> menu) {
        this.columnMenu = menu;
    }

    /**
     * Shows a dataset. Columns already shown under the same name are kept and given the new values and header
     * (a cleaning step changes one column of forty: making every header and its cells anew styled them all again).
     */
    public void show(Dataset newDataset) {
        sorting.cancel();
        this.dataset = newDataset;
        view.getSortOrder().clear();
        java.util.Map<String, TableColumn<Integer, String>> shown = new java.util.HashMap<>();
        for (TableColumn<Integer, ?> c : view.getColumns()) {
            if (c.getUserData() instanceof String name) {
                @SuppressWarnings("unchecked")
                TableColumn<Integer, String> typed = (TableColumn<Integer, String>) c;
                shown.put(name, typed);
            }
        }
        List<TableColumn<Integer, String>> columns = new ArrayList<>();
        columns.add(rowNumberColumn);
        for (ColumnInfo info : newDataset.columns()) {
            TableColumn<Integer, String> column = shown.get(info.name());
            columns.add(column == null ? column(newDataset, info) : refill(column, newDataset, info));
        }
        if (!columns.equals(view.getColumns())) {
            view.getColumns().setAll(columns);
        }
        rows = new RowOrderList(newDataset.rowCount());
        view.setItems(rows);
    }

    /** The rows in the order shown: dataset row indices. */
    public List<Integer> shownRows() {
        return List.copyOf(rows);
    }

    /** Whether a sort is waiting for its background task. */
    public boolean isSorting() {
        return sortPending;
    }

    private boolean sortPending;

    private TableColumn<Integer, String> column(Dataset data, ColumnInfo info) {
        TableColumn<Integer, String> column = new TableColumn<>();
        column.setId(info.name());
        column.setUserData(info.name());
        Label name = new Label(info.name());
        name.getStyleClass().add("column-name");
        Label meta = new Label();
        meta.getStyleClass().add("column-meta");
        VBox header = new VBox(name, meta);
        header.getStyleClass().add("column-header-box");
        column.setGraphic(header);
        refill(column, data, info);
        column.setPrefWidth(Math.max(90, Math.min(260, 8 * Math.max(info.name().length(), meta.getText().length()) + 16)));
        if (columnMenu != null) {
            column.setContextMenu(columnMenu.apply(info.name()));
        }
        return column;
    }

    /** Points a column at this dataset's values and type, and says its missing and unparsable counts in the header. */
    private TableColumn<Integer, String> refill(TableColumn<Integer, String> column, Dataset data, ColumnInfo info) {
        int missing = data.missingCount(info.name());
        String detail = info.type().label() + (missing > 0 ? String.format(" \u00b7 %,d missing", missing) : "");
        if (info.unparsable() > 0) {
            detail += String.format(" \u00b7 %,d unparsable", info.unparsable());
        }
        ((Label) ((VBox) column.getGraphic()).getChildren().get(1)).setText(detail);
        Column<?> values = data.table().column(info.name());
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(CellText.of(values, cd.getValue())));
        boolean numeric = info.type().isNumeric();
        if (!Boolean.valueOf(numeric).equals(column.getProperties().get("numeric"))) {
            column.getProperties().put("numeric", numeric);
            column.setCellFactory(c -> new ValueCell(numeric));
        }
        return column;
    }

    private void sortRequested() {
        if (dataset == null) {
            return;
        }
        Dataset data = dataset;
        RowOrderList target = rows;
        if (view.getSortOrder().isEmpty()) {
            sorting.cancel();
            sortPending = false;
            target.setOrder(null);
            return;
        }
        TableColumn<Integer, ?> by = view.getSortOrder().get(0);
        String name = (String) by.getUserData();
        boolean ascending = by.getSortType() == TableColumn.SortType.ASCENDING;
        sortPending = true;
        sorting.start(tasks.background("Sorting " + String.format("%,d", data.rowCount()) + " rows by " + name,
                p -> RowOrder.sortedBy(data.table(), name, data.type(name), ascending)).onFinished(() -> sortPending = false), order -> {
                    if (dataset == data && rows == target) {
                        target.setOrder(order);
                    }
                });
    }

    /**
     * The table's items: dataset row indices in the order shown, natural until a sort gives another. A view of the
     * data only: sorting never touches the dataset, the recipe or the history.
     */
    private static final class RowOrderList extends javafx.collections.ObservableListBase<Integer> {
        private final int size;
        private int[] order;

        RowOrderList(int size) {
            this.size = size;
        }

        /** A new order (null: the file's order), announced as every row replaced. */
        void setOrder(int[] newOrder) {
            if (newOrder == order) {
                return;
            }
            List<Integer> before = new AbstractList<>() {
                private final int[] old = order;

                @Override
                public Integer get(int index) {
                    return old == null ? index : old[index];
                }

                @Override
                public int size() {
                    return size;
                }
            };
            order = newOrder;
            beginChange();
            nextReplace(0, size, before);
            endChange();
        }

        @Override
        public Integer get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return order == null ? index : order[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int indexOf(Object o) {
            return -1; // a linear search over a million rows on the FX thread; the table does not need it
        }
    }

    /** Copies the selected cells as tab-separated text: the rectangle they span, in display order. */
    void copySelection() {
        String text = selectionAsText();
        if (text != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    public String selectionAsText() {
        @SuppressWarnings("rawtypes")
        ObservableList<TablePosition> cells = view.getSelectionModel().getSelectedCells();
        if (cells.isEmpty() || dataset == null) {
            return null;
        }
        TreeSet<Integer> rows = new TreeSet<>();
        TreeSet<Integer> cols = new TreeSet<>();
        for (TablePosition<?, ?> p : cells) {
            rows.add(p.getRow());
            cols.add(p.getColumn());
        }
        StringBuilder sb = new StringBuilder();
        for (int r : rows) {
            List<String> line = new ArrayList<>();
            for (int c : cols) {
                TableColumn<Integer, ?> column = view.getVisibleLeafColumn(c);
                Object value = c == 0 ? Integer.toString(r + 1) : column.getCellData(r);
                line.add(value == null ? "" : value.toString());
            }
            sb.append(String.join("\t", line)).append('\n');
        }
        return sb.toString();
    }

    /** A missing value's look, as a pseudo-class: switching it restyles one cell, a style class the whole row of them. */
    static final javafx.css.PseudoClass MISSING = javafx.css.PseudoClass.getPseudoClass("missing");

    private static final class ValueCell extends TableCell<Integer, String> {
        ValueCell(boolean numeric) {
            getStyleClass().add("value-cell");
            if (numeric) {
                getStyleClass().add("numeric-cell");
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean missing = !empty && item == null;
            pseudoClassStateChanged(MISSING, missing);
            setText(empty ? null : missing ? "missing" : item);
        }
    }

    private static final class RowNumberCell extends TableCell<Integer, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : Integer.toString(getIndex() + 1));
        }
    }
}
