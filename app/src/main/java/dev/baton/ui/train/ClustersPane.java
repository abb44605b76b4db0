package dev.baton.ui.train;

import dev.baton.util.Format;
import dev.baton.data.Dataset;
import dev.baton.explore.chart.Charts;
import dev.baton.train.ClusterAnalysis;
import dev.baton.train.ClusterCharts;
import dev.baton.ui.controls.Forms;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.explore.ChartView;
import dev.baton.ui.task.TaskHandle;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * k-means as an exploration aid: choose columns and k, see how many rows fall in each cluster, what each cluster
 * looks like in the columns' own units, two columns coloured by cluster, and an elbow curve to help choose k.
 */
final class ClustersPane {

    private record Choice(String column, BooleanProperty included) {
    }

    private final TrainViewModel model;
    private final TaskRunner tasks;
    private final SplitPane root;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final Spinner<Integer> k = new Spinner<>(2, 20, 3);
    private final Button find = new Button("Find clusters");
    private final Button elbow = new Button("Suggest k");
    private final Button cancel = new Button("Cancel");
    private final Label summary = new Label("Choose columns and the number of clusters, then Find clusters.");
    private final TableView<ClusterAnalysis.Cluster> table = new TableView<>();
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private final ChartView chart = new ChartView();
    private ClusterAnalysis.Result result;
    private Dataset resultData;
    private TaskHandle running = TaskHandle.DONE;
    private final dev.baton.ui.task.LatestWins scatter = new dev.baton.ui.task.LatestWins();

    ClustersPane(TrainViewModel model, TaskRunner tasks) {
        this.model = model;
        this.tasks = tasks;
        ListView<Choice> columns = new ListView<>(choices);
        columns.setId("cluster-columns");
        columns.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Choice c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(c.column());
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(c.included());
                setGraphic(box);
            }
        });
        k.setEditable(true);
        k.setPrefWidth(80);
        k.setId("cluster-k");
        find.setId("find-clusters");
        find.setDefaultButton(false);
        find.setOnAction(e -> find());
        elbow.setOnAction(e -> suggest());
        cancel.setOnAction(e -> running.cancel());
        cancel.setDisable(true);
        GridPane form = Forms.grid(8, 6);
        form.addRow(0, new Label("Clusters (k)"), k);
        Label columnsTitle = new Label("Columns");
        columnsTitle.getStyleClass().add("section-title");
        Label note = new Label("Columns are standardized and categories one-hot encoded, so no column dominates by its units. "
                + "Centroids are fitted on at most " + String.format("%,d", ClusterAnalysis.MAX_FIT_ROWS) + " sampled rows; every row is then assigned.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        VBox.setVgrow(columns, Priority.ALWAYS);
        VBox left = new VBox(8, new HBox(6, find, elbow, cancel), form, columnsTitle, columns, note);
        left.setPadding(new javafx.geometry.Insets(8));

        table.setId("cluster-table");
        table.setPlaceholder(new Label("No clusters yet."));
        table.setPrefHeight(170);
        table.setMinHeight(150);
        summary.setWrapText(true);
        summary.setId("cluster-summary");
        x.setOnAction(e -> drawScatter());
        y.setOnAction(e -> drawScatter());
        HBox axes = new HBox(6, new Label("Show"), y, new Label("against"), x);
        axes.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        VBox right = new VBox(8, summary, table, axes, chart.node());
        right.setPadding(new javafx.geometry.Insets(8));
        root = new SplitPane(left, right);
        root.setDividerPositions(0.27);
        model.project().addListener(change -> {
            if (change == dev.baton.project.Project.Change.DATA) {
                refresh();
            }
        });
        // The training features arrive after the data (worked out off the FX thread): offer them when they do.
        model.features.addListener((javafx.collections.ListChangeListener<TrainViewModel.FeatureRow>) c -> offerColumns());
        refresh();
    }

    Node node() {
        return root;
    }

    /** New data: offer its columns, the training features ticked; forget the previous result. */
    private void refresh() {
        running.cancel();
        Dataset data = model.data();
        result = null;
        table.getItems().clear();
        table.getColumns().clear();
        chart.clear();
        summary.setText("Choose columns and the number of clusters, then Find clusters.");
        offerColumns();
    }

    /** The training features of the current data, the numeric ones ticked. */
    private void offerColumns() {
        Dataset data = model.data();
        List<Choice> list = new ArrayList<>();
        if (data != null) {
            for (TrainViewModel.FeatureRow f : model.features) {
                if (data.hasColumn(f.column())) {
                    list.add(new Choice(f.column(), new SimpleBooleanProperty(f.included().get() && Charts.numeric(data.type(f.column())))));
                }
            }
        }
        choices.setAll(list);
    }

    private List<String> chosen() {
        return choices.stream().filter(c -> c.included().get()).map(Choice::column).toList();
    }

    private void busy(boolean on) {
        find.setDisable(on);
        elbow.setDisable(on);
        cancel.setDisable(!on);
    }

    private void find() {
        Dataset data = model.data();
        List<String> columns = chosen();
        int clusters = k.getValue();
        long seed = model.seed.get();
        busy(true);
        running = tasks.background("Finding " + clusters + " clusters", p -> ClusterAnalysis.run(data, columns, clusters, seed, p))
                .onSuccess(r -> show(r, data))
                .onFailure(e -> summary.setText(ErrorDialog.plainMessage(e)))
                .onCancelled(() -> summary.setText("Cancelled; nothing changed."))
                .onFinished(() -> busy(false))
                .start();
    }

    private void suggest() {
        Dataset data = model.data();
        List<String> columns = chosen();
        long seed = model.seed.get();
        busy(true);
        running = tasks.background("Trying 1 to 10 clusters", p -> ClusterAnalysis.elbow(data, columns, 10, seed, p))
                .onSuccess(wss -> {
                    chart.show(ClusterCharts.elbow(wss));
                    summary.setText("The curve falls steeply while clusters split real groups and flattens after; pick k where it bends.");
                })
                .onFailure(e -> summary.setText(ErrorDialog.plainMessage(e)))
                .onCancelled(() -> summary.setText("Cancelled; nothing changed."))
                .onFinished(() -> busy(false))
                .start();
    }

    private void show(ClusterAnalysis.Result r, Dataset data) {
        result = r;
        resultData = data;
        summary.setText(String.format(Locale.ROOT, "%d clusters over %,d rows. Mean silhouette %.2f (%s).", r.k(), r.assignment().length,
                r.silhouette(), quality(r.silhouette())));
        table.getColumns().clear();
        table.getColumns().add(column("cluster", c -> Integer.toString(c.id())));
        table.getColumns().add(column("rows", c -> String.format("%,d (%.0f%%)", c.size(), 100.0 * c.size() / r.assignment().length)));
        for (String col : r.columns()) {
            ClusterAnalysis.Cluster first = r.clusters().get(0);
            if (first.means().containsKey(col)) {
                table.getColumns().add(column("mean " + col, c -> Format.number(c.means().get(col))));
            } else {
                table.getColumns().add(column(col, c -> {
                    ClusterAnalysis.Mode m = c.modes().get(col);
                    return String.format(Locale.ROOT, "%s (%.0f%%)", m.value(), m.share() * 100);
                }));
            }
        }
        table.getItems().setAll(r.clusters());
        List<String> numeric = r.columns().stream().filter(c -> r.clusters().get(0).means().containsKey(c)).toList();
        x.getItems().setAll(numeric);
        y.getItems().setAll(numeric);
        if (numeric.size() >= 2) {
            x.setValue(numeric.get(0));
            y.setValue(numeric.get(1));
        } else if (numeric.size() == 1) {
            x.setValue(numeric.get(0));
            y.setValue(numeric.get(0));
        }
        drawScatter();
    }

    static String quality(double silhouette) {
        if (Double.isNaN(silhouette)) {
            return "not defined";
        }
        return silhouette > 0.7 ? "strong structure" : silhouette > 0.5 ? "reasonable structure"
                : silhouette > 0.25 ? "weak structure" : "little structure: the clusters may be arbitrary";
    }

    private void drawScatter() {
        if (result == null || x.getValue() == null || y.getValue() == null) {
            return;
        }
        ClusterAnalysis.Result r = result;
        Dataset data = resultData;
        String xs = x.getValue();
        String ys = y.getValue();
        // Reads two whole columns: off the FX thread, newest choice wins.
        scatter.start(tasks.background("Drawing the clusters", p -> ClusterCharts.scatter(r, data, xs, ys)).quiet(), chart::show);
    }

    private static TableColumn<ClusterAnalysis.Cluster, String> column(String title,
                                                                       java.util.function.Function<ClusterAnalysis.Cluster, String> value) {
        TableColumn<ClusterAnalysis.Cluster, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
