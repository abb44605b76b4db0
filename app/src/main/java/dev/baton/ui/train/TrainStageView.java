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
    /** The algorithm whose row is selected, kept across re-sorts and rebuilt rows. */
    private String selectedAlgorithm;

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
        // Rows are re-sorted and replaced as models finish: the selection follows its algorithm, else the best model.
        model.rows.addListener((javafx.collections.ListChangeListener<TrainViewModel.Row>) c -> {
            if (model.rows.isEmpty()) {
                return;
            }
            String wanted = selectedAlgorithm != null ? selectedAlgorithm : model.chosen();
            TrainViewModel.Row match = model.rows.stream().filter(r -> r.algorithm().equals(wanted)).findFirst().orElse(null);
            if (match != null && board.getSelectionModel().getSelectedItem() != match) {
                board.getSelectionModel().select(match);
            } else if (board.getSelectionModel().getSelectedItem() == null) {
                board.getSelectionModel().select(0);
            }
            TrainViewModel.Row selected = board.getSelectionModel().getSelectedItem();
            if (selected != null) {
                board.scrollTo(selected);
            }
        });
        board.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectedAlgorithm = now.algorithm();
            }
        });
        board.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TrainViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("baseline-row", "below-baseline-row");
                if (!empty && row != null) {
                    if (row.isBaseline()) {
                        getStyleClass().add("baseline-row");
                    } else if (!model.beatsBaseline(row)) {
                        getStyleClass().add("below-baseline-row");
                    }
                }
            }
        });
        Label ranking = new Label();
        ranking.setId("ranking-basis");
        ranking.getStyleClass().add("muted");
        ranking.setWrapText(true);
        ranking.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, on as many lines as it takes
        ranking.textProperty().bind(model.rankingProperty());
        VBox boardBox = new VBox(4, ranking, board);
        VBox.setVgrow(board, javafx.scene.layout.Priority.ALWAYS);
        SplitPane right = new SplitPane(boardBox, detail.node());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.38);
        SplitPane models = new SplitPane(setup.node(), right);
        models.setDividerPositions(0.27);
        Tab modelsTab = new Tab("Models", models);
        Tab clustersTab = new Tab("Clusters (k-means)", new ClustersPane(model, tasks).node());
        clustersTab.setId("clusters-tab");
        content = new TabPane(modelsTab, clustersTab);
        content.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dev.baton.ui.controls.LazyTabs.apply(content);
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
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().label()));
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
        String ranked = model.rankMetric();
        for (String m : Metrics.names(task)) {
            TableColumn<TrainViewModel.Row, String> c = new TableColumn<>(Metrics.labelWithUnit(m, model.target.get())
                    + (m.equals(ranked) ? " \u25bc" : ""));
            c.setCellValueFactory(cd -> Bindings.createStringBinding(() -> cell(cd.getValue().result().get(), m), cd.getValue().result()));
            c.setPrefWidth(m.equals(ranked) ? 150 : 125);
            c.setSortable(false);
            board.getColumns().add(c);
        }
        // The final estimate beside the ranking figure: the held-out rows, scored once per model.
        TableColumn<TrainViewModel.Row, String> held = new TableColumn<>("held out: " + Metrics.label(ranked));
        held.setId("held-out-column");
        held.setCellValueFactory(cd -> Bindings.createStringBinding(() -> {
            ModelResult r = cd.getValue().result().get();
            return r == null ? "" : Metrics.format(ranked, r.holdout().get(ranked));
        }, cd.getValue().result()));
        held.setPrefWidth(130);
        held.setSortable(false);
        board.getColumns().add(held);
        board.getColumns().forEach(c -> c.setSortable(false)); // the ranking is the order; a header click must not re-rank by another figure
    }

    private static String cell(ModelResult r, String metric) {
        if (r == null) {
            return "";
        }
        if (r.cv() != null && r.cv().containsKey(metric)) {
            return Metrics.format(metric, r.cv().get(metric).mean()) + " \u00b1 " + Metrics.format(metric, r.cv().get(metric).std());
        }
        return Metrics.format(metric, r.holdout().get(metric));
    }

    /** Redraws stars after the chosen model changes. */
    public void refresh() {
        board.refresh();
    }
}
