package dev.baton.ui.clean;

import dev.baton.clean.Clustering;
import dev.baton.clean.MergeValues;
import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Find spellings of the same value and merge them, as OpenRefine's cluster-and-edit does: choose a method,
 * review each cluster, untick the ones to leave alone, edit the value to merge into.
 */
public final class ClusterDialog {

    /** A cluster under review: whether to merge it, and into what. */
    public static final class Row {
        final Clustering.Cluster cluster;
        final SimpleBooleanProperty merge = new SimpleBooleanProperty(true);
        final SimpleStringProperty target;

        Row(Clustering.Cluster cluster) {
            this.cluster = cluster;
            this.target = new SimpleStringProperty(cluster.suggested());
        }
    }

    private final Dialog<MergeValues> dialog = new Dialog<>();
    private final ComboBox<String> column = new ComboBox<>();
    private final ComboBox<Clustering.Method> method = new ComboBox<>();
    private final Spinner<Integer> parameter = new Spinner<>(1, 3, 2);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Label status = new Label();
    private final LatestWins search = new LatestWins();

    public ClusterDialog(Window owner, Dataset data, String preselected, TaskRunner tasks) {
        dialog.initOwner(owner);
        dialog.setTitle("Cluster similar values");
        dialog.setHeaderText("Merge different spellings of the same value");
        dialog.setResizable(true);
        column.getItems().setAll(data.columns().stream().filter(c -> c.type().isString()).map(ColumnInfo::name).toList());
        column.setValue(preselected != null && column.getItems().contains(preselected) ? preselected
                : column.getItems().isEmpty() ? null : column.getItems().get(0));
        method.getItems().setAll(Clustering.Method.values());
        method.setValue(Clustering.Method.FINGERPRINT);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Clustering.Method m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Clustering.Method fromString(String s) {
                return null;
            }
        });
        parameter.setPrefWidth(70);
        // OpenRefine's defaults: bigrams, and one edit for nearest neighbours.
        method.valueProperty().addListener((o, was, now) -> parameter.getValueFactory().setValue(now == Clustering.Method.LEVENSHTEIN ? 1 : 2));
        Label parameterLabel = new Label();
        parameterLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> method.getValue() == Clustering.Method.LEVENSHTEIN ? "Radius (edits)" : "n-gram size", method.valueProperty()));
        parameterLabel.visibleProperty().bind(method.valueProperty().isNotEqualTo(Clustering.Method.FINGERPRINT));
        parameter.visibleProperty().bind(parameterLabel.visibleProperty());
        Button find = new Button("Find clusters");
        find.setId("find-clusters");
        find.setOnAction(e -> find(data, tasks));
        HBox controls = new HBox(8, new Label("Column"), column, new Label("Method"), method, parameterLabel, parameter, find);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<Row> table = new TableView<>(rows);
        table.setEditable(true);
        TableColumn<Row, Boolean> merge = new TableColumn<>("Merge");
        merge.setCellValueFactory(cd -> cd.getValue().merge);
        merge.setCellFactory(CheckBoxTableCell.forTableColumn(merge));
        merge.setEditable(true);
        TableColumn<Row, String> values = new TableColumn<>("Values in the cluster (rows)");
        values.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().cluster.values().stream()
                .map(v -> v.value() + " (" + v.count() + ")").collect(Collectors.joining("   "))));
        values.setPrefWidth(520);
        TableColumn<Row, String> target = new TableColumn<>("Merge into");
        target.setCellValueFactory(cd -> cd.getValue().target);
        target.setCellFactory(TextFieldTableCell.forTableColumn());
        target.setEditable(true);
        target.setPrefWidth(220);
        table.getColumns().setAll(java.util.List.of(merge, values, target));
        table.setPlaceholder(new Label("Choose a column and a method, then Find clusters"));
        VBox.setVgrow(table, Priority.ALWAYS);
        status.getStyleClass().add("muted");
        VBox content = new VBox(10, controls, status, table);
        content.setPrefSize(900, 520);
        dialog.getDialogPane().setContent(content);
        ButtonType apply = new ButtonType("Merge selected", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        Node applyButton = dialog.getDialogPane().lookupButton(apply);
        applyButton.setDisable(true);
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> applyButton.setDisable(rows.isEmpty()));
        dialog.setResultConverter(b -> b == apply ? result() : null);
        dialog.setOnHidden(e -> search.cancel());
        if (column.getValue() != null) {
            find(data, tasks);
        }
    }

    private void find(Dataset data, TaskRunner tasks) {
        String c = column.getValue();
        if (c == null) {
            return;
        }
        Clustering.Method m = method.getValue();
        int p = parameter.getValue();
        status.setText("Searching\u2026");
        search.start(tasks.background("Clustering " + c, progress -> {
            Map<String, Integer> counts = Clustering.counts(data.column(c));
            return new Object[]{counts.size(), Clustering.find(counts, m, p, p)};
        }).onFailure(e -> status.setText(ErrorDialog.plainMessage(e))), result -> {
            @SuppressWarnings("unchecked")
            java.util.List<Clustering.Cluster> clusters = (java.util.List<Clustering.Cluster>) result[1];
            rows.setAll(clusters.stream().map(Row::new).toList());
            status.setText(clusters.size() + " cluster" + (clusters.size() == 1 ? "" : "s") + " among " + result[0] + " distinct values of " + c);
        });
    }

    private MergeValues result() {
        Map<Clustering.Cluster, String> accepted = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.merge.get() && r.target.get() != null && !r.target.get().isBlank()) {
                accepted.put(r.cluster, r.target.get().strip());
            }
        }
        MergeValues step = Clustering.mergeStep(column.getValue(), accepted);
        return step.mapping().isEmpty() ? null : step;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public Dialog<MergeValues> dialog() {
        return dialog;
    }

    public Optional<MergeValues> showAndWait() {
        return dialog.showAndWait();
    }
}
