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
    private java.util.function.Function<String, javafx.scene.control.ContextMenu> columnMenu;

    public DatasetTable(TaskRunner tasks) {
        this.tasks = tasks;
        view.getStyleClass().add("dataset-table");
        view.getSelectionModel().setCellSelectionEnabled(true);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        view.setPlaceholder(new Label("No data"));
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

    /** A menu for a column's header (right-click), built for that column when the table is shown. */
    public void setColumnMenu(java.util.function.Function<String, javafx.scene.control.ContextMenu> menu) {
        this.columnMenu = menu;
    }

    public void show(Dataset newDataset) {
        sorting.cancel();
        this.dataset = newDataset;
        view.getSortOrder().clear();
        List<TableColumn<Integer, String>> columns = new ArrayList<>();
        TableColumn<Integer, String> rowNumber = new TableColumn<>("#");
        rowNumber.setSortable(false);
        rowNumber.getStyleClass().add("row-number-column");
        rowNumber.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(""));
        rowNumber.setCellFactory(c -> new RowNumberCell());
        rowNumber.setPrefWidth(70);
        columns.add(rowNumber);
        for (ColumnInfo info : newDataset.columns()) {
            columns.add(column(newDataset, info));
        }
        view.getColumns().setAll(columns);
        view.setItems(rows(RowOrder.natural(newDataset.rowCount())));
    }

    private TableColumn<Integer, String> column(Dataset data, ColumnInfo info) {
        TableColumn<Integer, String> column = new TableColumn<>();
        column.setId(info.name());
        column.setUserData(info.name());
        Label name = new Label(info.name());
        name.getStyleClass().add("column-name");
        int missing = data.missingCount(info.name());
        String detail = info.type().label() + (missing > 0 ? String.format(" \u00b7 %,d missing", missing) : "");
        if (info.unparsable() > 0) {
            detail += String.format(" \u00b7 %,d unparsable", info.unparsable());
        }
        Label meta = new Label(detail);
        meta.getStyleClass().add("column-meta");
        VBox header = new VBox(name, meta);
        header.getStyleClass().add("column-header-box");
        column.setGraphic(header);
        Column<?> values = data.table().column(info.name());
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(CellText.of(values, cd.getValue())));
        column.setCellFactory(c -> new ValueCell(info.type().isNumeric()));
        column.setPrefWidth(Math.max(90, Math.min(260, 8 * Math.max(info.name().length(), detail.length()) + 16)));
        if (columnMenu != null) {
            column.setContextMenu(columnMenu.apply(info.name()));
        }
        return column;
    }

    private void sortRequested() {
        if (dataset == null) {
            return;
        }
        Dataset data = dataset;
        if (view.getSortOrder().isEmpty()) {
            sorting.cancel();
            view.setItems(rows(RowOrder.natural(data.rowCount())));
            return;
        }
        TableColumn<Integer, ?> by = view.getSortOrder().get(0);
        String name = (String) by.getUserData();
        boolean ascending = by.getSortType() == TableColumn.SortType.ASCENDING;
        sorting.start(tasks.background("Sorting by " + name,
                p -> RowOrder.sortedBy(data.table(), name, data.type(name), ascending)), order -> {
                    if (dataset == data) {
                        view.setItems(rows(order));
                    }
                });
    }

    private static ObservableList<Integer> rows(int[] order) {
        return FXCollections.observableList(new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return order[index];
            }

            @Override
            public int size() {
                return order.length;
            }

            @Override
            public int indexOf(Object o) {
                return -1;
            }
        });
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

    private static final class ValueCell extends TableCell<Integer, String> {
        ValueCell(boolean numeric) {
            if (numeric) {
                getStyleClass().add("numeric-cell");
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("missing-cell");
            if (empty) {
                setText(null);
            } else if (item == null) {
                setText("missing");
                getStyleClass().add("missing-cell");
            } else {
                setText(item);
            }
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
