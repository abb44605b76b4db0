package dev.baton.ui.data;

import dev.baton.data.ColumnInfo;
import dev.baton.data.DatabaseConnection;
import dev.baton.data.DatabaseKind;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Dataset;
import dev.baton.data.QueryRequest;
import dev.baton.ui.controls.Forms;
import dev.baton.ui.task.TaskRunner;
import dev.baton.ui.workbench.SessionPasswords;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Open from database": the connection (PostgreSQL server, or a DuckDB or SQLite file, or DuckDB with no file for SQL
 * over local files), Test connection with the database's tables and columns, the query, and a preview of its first
 * rows with the types Baton gives them. Open returns the query; the workbench reads it with progress and Cancel.
 */
public final class DatabaseDialog {

    private final DatabaseDialogViewModel model;
    private final Dialog<QueryRequest> dialog = new Dialog<>();
    private final TableView<Integer> previewTable = new TableView<>();
    private final TreeView<String> tablesTree = new TreeView<>();
    private final Label error = new Label();
    private final Label notes = new Label();

    public DatabaseDialog(Window owner, TaskRunner tasks, SessionPasswords passwords, DatabaseConnection initial, String initialSql) {
        this.model = new DatabaseDialogViewModel(tasks, passwords, initial, initialSql);
        dialog.initOwner(owner);
        dialog.setTitle("Open from database");
        dialog.setHeaderText("Which rows should Baton read?");
        dialog.setResizable(true);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefSize(1150, 720);
        dialog.getDialogPane().getStyleClass().add("import-dialog");
        Node openNode = dialog.getDialogPane().lookupButton(open);
        openNode.setId("database-open");
        openNode.disableProperty().bind(model.sql.isEmpty());
        // A form that is not complete keeps the dialog open and says what is missing.
        openNode.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                model.request();
            } catch (IllegalArgumentException problem) {
                showError(problem.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == open ? model.request() : null);
        dialog.setOnHidden(e -> model.cancel());
        model.previewProperty().addListener((obs, was, now) -> showPreview(now));
        model.errorProperty().addListener((obs, was, now) -> showError(now));
        model.tables().addListener((javafx.collections.ListChangeListener<DatabaseReader.Table>) c -> showTables());
        KeyCombination previewKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (previewKey.match(e)) {
                model.refreshPreview();
                e.consume();
            }
        });
    }

    public DatabaseDialogViewModel model() {
        return model;
    }

    public Dialog<QueryRequest> dialog() {
        return dialog;
    }

    /** The query to read, or empty if the user cancelled; the password typed is then in the session's passwords. */
    public Optional<QueryRequest> showAndWait() {
        return dialog.showAndWait();
    }

    private Node content() {
        GridPane form = Forms.grid(8, 8);
        int row = 0;
        ComboBox<DatabaseKind> kind = new ComboBox<>();
        kind.getItems().setAll(DatabaseKind.values());
        kind.valueProperty().bindBidirectional(model.kind);
        kind.setId("database-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        form.addRow(row++, new Label("Database"), kind);
        var server = model.kind.isEqualTo(DatabaseKind.POSTGRESQL);
        row = serverRow(form, row, "Host", field(model.host, "database-host", "localhost"), server);
        row = serverRow(form, row, "Port", field(model.port, "database-port", "5432"), server);
        row = serverRow(form, row, "Database name", field(model.database, "database-name", ""), server);
        row = serverRow(form, row, "User", field(model.user, "database-user", System.getProperty("user.name")), server);
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(model.password);
        password.setId("database-password-field");
        password.setPromptText("else PGPASSWORD or ~/.pgpass");
        password.setTooltip(new Tooltip("Kept in memory until Baton closes; never saved in the project."));
        row = serverRow(form, row, "Password", password, server);
        TextField variable = field(model.passwordVariable, "database-password-variable", "or an environment variable");
        variable.setTooltip(new Tooltip("The name of an environment variable that holds the password; the project saves the name, never the value."));
        row = serverRow(form, row, "Password from", variable, server);

        TextField file = field(model.file, "database-file", "");
        file.promptTextProperty().bind(javafx.beans.binding.Bindings.when(model.kind.isEqualTo(DatabaseKind.DUCKDB))
                .then("none: SQL over local files").otherwise("the database file"));
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(e -> chooseFile());
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        Label fileLabel = new Label("File");
        fileRow.visibleProperty().bind(server.not());
        fileRow.managedProperty().bind(fileRow.visibleProperty());
        fileLabel.visibleProperty().bind(fileRow.visibleProperty());
        fileLabel.managedProperty().bind(fileRow.visibleProperty());
        form.addRow(row++, fileLabel, fileRow);

        Button test = new Button("Test connection");
        test.setId("database-test");
        test.setOnAction(e -> model.testConnection());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Button stop = new Button("Cancel query");
        stop.setOnAction(e -> model.cancel());
        stop.visibleProperty().bind(model.busyProperty());
        form.add(new HBox(8, test, busy, stop), 1, row++);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.setId("database-status");
        form.add(status, 0, row++, 2, 1);
        form.setPadding(new Insets(0, 12, 0, 0));
        form.setMinWidth(330);
        form.setPrefWidth(330);

        Label tablesTitle = new Label("Tables (double-click to query one)");
        tablesTitle.getStyleClass().add("section-title");
        tablesTree.setId("database-tables");
        tablesTree.setRoot(new TreeItem<>("Test the connection to list the tables."));
        tablesTree.setShowRoot(true);
        tablesTree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                useSelectedTable();
            }
        });
        tablesTree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                useSelectedTable();
            }
        });
        VBox.setVgrow(tablesTree, Priority.ALWAYS);
        VBox left = new VBox(10, form, tablesTitle, tablesTree);

        Label queryTitle = new Label("Query");
        queryTitle.getStyleClass().add("section-title");
        TextArea query = new TextArea();
        query.setId("database-query");
        query.textProperty().bindBidirectional(model.sql);
        query.setPromptText("SELECT * FROM a_table WHERE ...\n\nDuckDB without a file reads local files: SELECT * FROM 'flights.parquet'");
        query.setStyle("-fx-font-family: monospace;");
        query.setPrefRowCount(7);
        CheckBox asText = new CheckBox("Read arrays, JSON, binary and intervals as text");
        asText.setTooltip(new Tooltip("Baton cannot hold these types: by default such columns are left out, and the notes name them."));
        asText.selectedProperty().bindBidirectional(model.unsupportedAsText);
        Button preview = new Button("Preview");
        preview.setId("database-preview");
        preview.setTooltip(new Tooltip("Run the query for its first " + DatabaseDialogViewModel.PREVIEW_ROWS + " rows (Ctrl+Enter)"));
        preview.setOnAction(e -> model.refreshPreview());
        preview.disableProperty().bind(model.sql.isEmpty());
        preview.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.getStyleClass().add("import-error");
        error.setWrapText(true);
        error.setId("database-error");
        error.setStyle("-fx-font-family: monospace;");
        showError(null);
        notes.getStyleClass().add("import-notes");
        notes.setWrapText(true);
        previewTable.setPlaceholder(new Label("Preview the query to see its first rows and the types Baton gives them."));
        previewTable.setId("database-preview-table");
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        VBox right = new VBox(8, queryTitle, query, new HBox(12, preview, asText), error, previewTable, notes);
        right.setPadding(new Insets(0, 0, 0, 12));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        return split;
    }

    private static int serverRow(GridPane form, int row, String label, Node field, javafx.beans.binding.BooleanBinding server) {
        Label l = new Label(label);
        l.visibleProperty().bind(server);
        l.managedProperty().bind(server);
        field.visibleProperty().bind(server);
        field.managedProperty().bind(server);
        form.addRow(row, l, field);
        return row + 1;
    }

    private static TextField field(javafx.beans.property.StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(model.kind.get() == DatabaseKind.SQLITE ? "SQLite database file" : "DuckDB database file");
        chooser.getExtensionFilters().addAll(model.kind.get() == DatabaseKind.SQLITE
                ? new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite", "*.sqlite3")
                : new FileChooser.ExtensionFilter("DuckDB databases", "*.duckdb", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(dialog.getOwner());
        if (chosen != null) {
            model.file.set(chosen.getAbsolutePath());
        }
    }

    private void useSelectedTable() {
        TreeItem<String> item = tablesTree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        TreeItem<String> tableItem = item.getParent() == tablesTree.getRoot() ? item : item.getParent();
        int index = tablesTree.getRoot().getChildren().indexOf(tableItem);
        if (index >= 0) {
            model.useTable(model.tables().get(index));
        }
    }

    private void showTables() {
        TreeItem<String> root = new TreeItem<>("tables");
        for (DatabaseReader.Table t : model.tables()) {
            TreeItem<String> table = new TreeItem<>(t.qualifiedName());
            for (String column : t.columns()) {
                table.getChildren().add(new TreeItem<>(column));
            }
            root.getChildren().add(table);
        }
        tablesTree.setRoot(root);
        tablesTree.setShowRoot(false);
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
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
            Label name = new Label(info.name());
            name.getStyleClass().add("column-name");
            Label type = new Label(info.type().label());
            type.getStyleClass().add("hint");
            columns.add(PreviewColumns.column(preview, info.name(), new VBox(2, name, type), 110));
        }
        PreviewColumns.show(previewTable, columns, preview);
        notes.setText(preview.notes().isEmpty() ? "" : "\u2022 " + String.join("\n\u2022 ", preview.notes()));
    }
}
