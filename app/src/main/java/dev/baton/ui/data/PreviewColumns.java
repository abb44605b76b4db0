package dev.baton.ui.data;

import dev.baton.data.Dataset;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;

/** The first rows of a dataset in a dialog's preview table: cells as the data table writes them, missing ones marked. */
final class PreviewColumns {

    private PreviewColumns() {
    }

    /** A column of the preview showing {@code name}'s values under {@code header}. */
    static TableColumn<Integer, String> column(Dataset preview, String name, Node header, int minWidth) {
        TableColumn<Integer, String> column = new TableColumn<>();
        column.setSortable(false);
        column.setGraphic(header);
        var values = preview.table().column(name);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(CellText.of(values, cd.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("missing-cell");
                if (!empty && item == null) {
                    getStyleClass().add("missing-cell");
                }
                setText(empty ? null : item == null ? "missing" : item);
            }
        });
        column.setPrefWidth(Math.max(minWidth, Math.min(240, name.length() * 9 + 20)));
        return column;
    }

    /** Shows these columns and one table row per row of the preview. */
    static void show(TableView<Integer> table, List<TableColumn<Integer, String>> columns, Dataset preview) {
        table.getColumns().setAll(columns);
        List<Integer> rows = new ArrayList<>(preview.rowCount());
        for (int i = 0; i < preview.rowCount(); i++) {
            rows.add(i);
        }
        table.getItems().setAll(rows);
    }
}
