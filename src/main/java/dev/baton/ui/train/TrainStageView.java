package dev.baton.ui.train;

import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import dev.baton.train.Task;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The Train stage: the setup on the left; on the right the live leaderboard (per-model progress while training,
 * metrics when done, the chosen model starred) and the selected model in detail.
 */
public final class TrainStageView {

    private final TrainViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<TrainViewModel.Row> board = new TableView<>();
    private final ModelDetail detail;
    private final SetupPane setup;
    private final Label message = new Label();
    private final StackPane center = new StackPane();
    private final TabPane content;

    public TrainStageView(TrainViewModel model, TaskRunner tasks, Runnable showError) {
        this.model = model;
        this.detail = new ModelDetail(model, tasks);
        this.setup = new SetupPane(model, this::run);
        root.getStyleClass().add("stage-view");
        root.setId("stage-train");
        Label title = new Label("Train");
        title.getStyleClass().add("stage-title");
        Label hint = new Label("Models are compared on the same folds and held-out rows; the chosen one goes into the report and the bundle.");
        hint.getStyleClass().add("muted");
        message.getStyleClass().add("import-error");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        VBox header = new VBox(2, title, hint, message);
        header.getStyleClass().add("stage-header");
        root.setTop(header);

        board.setItems(model.rows);
        board.setId("leaderboard");
        board.setPlaceholder(new Label("Choose what to predict and the algorithms, then Train."));
        board.setPrefHeight(230);
        board.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> detail.show(now));
        rebuildColumns();
        model.metric.addListener((o, was, now) -> rebuildColumns());
        model.task.addListener((o, was, now) -> rebuildColumns());
        model.rows.addListener((javafx.collections.ListChangeListener<TrainViewModel.Row>) c -> {
            if (!model.rows.isEmpty() && board.getSelectionModel().getSelectedItem() == null) {
                board.getSelectionModel().select(0);
            }
        });
        SplitPane right = new SplitPane(board, detail.node());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.38);
        SplitPane models = new SplitPane(setup.node(), right);
        models.setDividerPositions(0.27);
        Tab modelsTab = new Tab("Models", models);
        Tab clustersTab = new Tab("Clusters (k-means)", new ClustersPane(model, tasks).node());
        clustersTab.setId("clusters-tab");
        content = new TabPane(modelsTab, clustersTab);
        content.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(center);
        model.project().addListener(change -> {
            if (change == dev.baton.project.Project.Change.DATA) {
                show();
            }
        });
        show();
    }

    public Node node() {
        return root;
    }

    public TrainViewModel model() {
        return model;
    }

    private void show() {
        if (model.data() == null) {
            Label empty = new Label("Open a dataset in the Data stage first.");
            empty.getStyleClass().add("muted");
            center.getChildren().setAll(empty);
            return;
        }
        setup.refreshTargets(model.data().columnNames());
        center.getChildren().setAll(content);
    }

    public void run() {
        try {
            model.run();
        } catch (dev.baton.util.UserException e) {
            model.messageProperty().set(e.getMessage());
        }
    }

    private void rebuildColumns() {
        board.getColumns().clear();
        TableColumn<TrainViewModel.Row, String> star = new TableColumn<>("\u2605");
        star.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().algorithm().equals(model.chosen()) ? "\u2605" : ""));
        star.setPrefWidth(30);
        TableColumn<TrainViewModel.Row, String> name = new TableColumn<>("algorithm");
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().label));
        name.setPrefWidth(190);
        TableColumn<TrainViewModel.Row, TrainViewModel.Row> progress = new TableColumn<>("progress");
        progress.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        progress.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TrainViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                ProgressBar bar = new ProgressBar();
                bar.progressProperty().bind(row.progress);
                bar.setPrefWidth(90);
                Label status = new Label();
                status.textProperty().bind(row.status);
                status.getStyleClass().add("muted");
                HBox box = new HBox(6, bar, status);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        progress.setPrefWidth(230);
        board.getColumns().addAll(java.util.List.of(star, name, progress));
        Task task = model.task.get();
        if (task == null) {
            return;
        }
        for (String m : Metrics.names(task)) {
            TableColumn<TrainViewModel.Row, String> c = new TableColumn<>(Metrics.label(m) + (m.equals(model.metric.get()) ? " \u25bc" : ""));
            c.setCellValueFactory(cd -> Bindings.createStringBinding(() -> cell(cd.getValue().result().get(), m), cd.getValue().result()));
            c.setPrefWidth(m.equals(model.metric.get()) ? 150 : 125);
            board.getColumns().add(c);
        }
    }

    private static String cell(ModelResult r, String metric) {
        if (r == null) {
            return "";
        }
        if (r.cv() != null && r.cv().containsKey(metric)) {
            return String.format(Locale.ROOT, "%.4f \u00b1 %.4f", r.cv().get(metric).mean(), r.cv().get(metric).std());
        }
        Double v = r.holdout().get(metric);
        return v == null ? "\u2013" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Redraws stars after the chosen model changes. */
    public void refresh() {
        board.refresh();
    }
}
