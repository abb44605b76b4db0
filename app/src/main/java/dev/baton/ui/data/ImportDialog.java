package dev.baton.ui.data;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.DataFormat;
import dev.baton.data.Dataset;
import dev.baton.data.ImportOptions;
import dev.baton.data.LineEnding;
import dev.baton.data.RaggedRows;
import dev.baton.ui.controls.Forms;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Choose how a file is read: detected options, editable, with a live preview of the first rows as they will
 * be parsed, and a type chooser on every column.
 */
public final class ImportDialog {

    private final ImportDialogViewModel model;
    private final Dialog<ImportOptions> dialog = new Dialog<>();
    private final TableView<Integer> previewTable = new TableView<>();
    private final Label error = new Label();
    private final Label notes = new Label();

    public ImportDialog(Window owner, java.nio.file.Path file, ImportOptions initial, TaskRunner tasks) {
        this.model = new ImportDialogViewModel(file, initial, tasks);
        dialog.initOwner(owner);
        dialog.setTitle("Import " + file.getFileName());
        dialog.setHeaderText("How should " + file.getFileName() + " be read?");
        dialog.setResizable(true);
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(importButton, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefSize(1100, 680);
        dialog.getDialogPane().getStyleClass().add("import-dialog");
        Node importNode = dialog.getDialogPane().lookupButton(importButton);
        importNode.disableProperty().bind(model.previewProperty().isNull());
        dialog.setResultConverter(button -> button == importButton ? model.options() : null);
        dialog.setOnHidden(e -> model.cancel());
        model.previewProperty().addListener((obs, was, now) -> showPreview(now));
        model.errorProperty().addListener((obs, was, now) -> {
            error.setText(now == null ? "" : now);
            error.setVisible(now != null);
            error.setManaged(now != null);
        });
    }

    public ImportDialogViewModel model() {
        return model;
    }

    public Dialog<ImportOptions> dialog() {
        return dialog;
    }

    public Optional<ImportOptions> showAndWait() {
        model.start();
        return dialog.showAndWait();
    }

    private Node content() {
        GridPane form = Forms.grid(8, 8);
        form.getStyleClass().add("import-form");
        int row = 0;
        form.addRow(row++, new Label("Format"), choice(model.format, Arrays.asList(DataFormat.values()), DataFormat::description, false));
        form.addRow(row++, new Label("Encoding"), choice(model.encoding,
                Arrays.asList(null, "UTF-8", "UTF-16", "windows-1252", "ISO-8859-1", "UTF-16LE", "UTF-16BE"), s -> s, true));
        form.addRow(row++, new Label("Delimiter"), choice(model.delimiter, Arrays.asList(null, ',', ';', '\t', '|', ' '),
                c -> ImportOptions.nameOf(c), false));
        form.addRow(row++, new Label("Quote"), choice(model.quote, Arrays.asList(null, '"', '\''), String::valueOf, false));
        form.addRow(row++, new Label("First row"), choice(model.header, Arrays.asList(null, true, false),
                b -> b ? "column names" : "data", false));
        form.addRow(row++, new Label("Line ends"), choice(model.lineEnding, Arrays.asList(null, LineEnding.LF, LineEnding.CRLF,
                LineEnding.CR), LineEnding::escaped, false));
        TextField tokens = new TextField();
        tokens.textProperty().bindBidirectional(model.missingTokens);
        tokens.setPromptText("NA, N/A, null, NaN");
        form.addRow(row++, new Label("Missing"), tokens);
        CheckBox empty = new CheckBox("Empty cells are missing");
        empty.selectedProperty().bindBidirectional(model.emptyIsMissing);
        form.add(empty, 1, row++);
        form.addRow(row++, new Label("Ragged rows"), choice(model.raggedRows, Arrays.asList(RaggedRows.values()), r -> switch (r) {
            case ERROR -> "stop and show them";
            case PAD -> "pad with missing";
            case SKIP -> "skip them";
        }, false));
        ComboBox<String> sheets = new ComboBox<>(model.sheets);
        sheets.valueProperty().bindBidirectional(model.sheet);
        sheets.setPromptText("first sheet");
        Label sheetLabel = new Label("Sheet");
        sheets.visibleProperty().bind(model.format.isEqualTo(DataFormat.EXCEL));
        sheetLabel.visibleProperty().bind(sheets.visibleProperty());
        form.addRow(row, sheetLabel, sheets);
        form.setPadding(new Insets(0, 12, 0, 0));
        form.setMinWidth(300);

        error.getStyleClass().add("import-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        notes.getStyleClass().add("import-notes");
        notes.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Label previewTitle = new Label("Preview of the first " + ImportDialogViewModel.PREVIEW_ROWS + " rows; choose a column's type in its header");
        previewTitle.getStyleClass().add("section-title");
        previewTable.setPlaceholder(new Label("Reading..."));
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        VBox right = new VBox(8, new HBox(8, previewTitle, busy), error, previewTable, notes);
        BorderPane pane = new BorderPane();
        pane.setLeft(form);
        pane.setCenter(right);
        return pane;
    }

    private <T> ComboBox<T> choice(ObjectProperty<T> property, List<T> values, java.util.function.Function<T, String> label,
                                   boolean editable) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "detect" : label.apply(value);
            }

            @Override
            @SuppressWarnings("unchecked")
            public T fromString(String text) {
                if (text == null || text.isBlank() || text.equals("detect")) {
                    return null;
                }
                for (T v : values) {
                    if (v != null && label.apply(v).equals(text)) {
                        return v;
                    }
                }
                return editable ? (T) text.trim() : null;
            }
        });
        box.setEditable(editable);
        box.setPromptText("detect");
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private void showPreview(Dataset preview) {
        if (preview == null) {
            previewTable.getColumns().clear();
            previewTable.setItems(null);
            notes.setText("");
            return;
        }
        List<TableColumn<Integer, String>> columns = new ArrayList<>();
        for (ColumnInfo info : preview.columns()) {
            ComboBox<ColumnType> type = new ComboBox<>();
            type.getItems().setAll(ColumnType.values());
            type.setValue(model.typeOf(info.name()));
            type.getStyleClass().add("type-choice");
            type.setOnAction(e -> model.setType(info.name(), type.getValue()));
            type.setId("type-" + info.name());
            Label name = new Label(info.name());
            name.getStyleClass().add("column-name");
            columns.add(PreviewColumns.column(preview, info.name(), new VBox(2, name, type), 135));
        }
        PreviewColumns.show(previewTable, columns, preview);
        ImportOptions resolved = preview.source() == null ? null : preview.source().options();
        List<String> lines = new ArrayList<>();
        if (resolved != null && resolved.format() == DataFormat.DELIMITED) {
            lines.add("Read as " + resolved.encoding() + ", " + ImportOptions.nameOf(resolved.delimiter()) + "-separated, quote "
                    + resolved.quote() + ", line ends " + resolved.lineEnding().escaped() + ", first row "
                    + (Boolean.TRUE.equals(resolved.header()) ? "holds column names." : "is data."));
        }
        lines.addAll(preview.notes());
        notes.setText(String.join("\n", lines));
    }

    /** Exposed for tests: the type overrides chosen so far. */
    Map<String, ColumnType> overrides() {
        return new LinkedHashMap<>(model.types);
    }
}
