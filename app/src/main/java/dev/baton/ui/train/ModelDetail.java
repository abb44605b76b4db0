package dev.baton.ui.train;

import dev.baton.explore.chart.ChartData;
import dev.baton.train.Comparison;
import dev.baton.train.Explanation;
import dev.baton.train.Frame;
import dev.baton.train.HyperparameterSearch;
import dev.baton.train.Importance;
import dev.baton.train.Lime;
import dev.baton.train.Metrics;
import dev.baton.train.ModelCharts;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelRun;
import dev.baton.train.Task;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.explore.ChartView;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One model in detail: every metric with its spread, per-class scores, plots, importance and per-row explanations. */
final class ModelDetail {

    private final TrainViewModel model;
    private final TaskRunner tasks;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label("Select a model on the leaderboard");
    private final Button choose = new Button("Choose for hand-off");
    private final GridPane metrics = new GridPane();
    private final TableView<dev.baton.train.Metrics.ClassScores> perClass = new TableView<>();
    private final ComboBox<String> plotKind = new ComboBox<>();
    /** The class the ROC and precision-recall curves are drawn for (one against the rest). */
    private final ComboBox<String> plotClass = new ComboBox<>();
    private final ChartView chart = new ChartView();
    private final LatestWins plots = new LatestWins();
    private final ComboBox<TrainViewModel.Row> compareWith = new ComboBox<>();
    private final Label comparison = new Label();
    private final Spinner<Integer> explainRow = new Spinner<>(1, 1, 1);
    private final TableView<Importance> explanation = new TableView<>();
    private final Label explanationTitle = new Label();
    private TrainViewModel.Row shown;
    private final Label searchSummary = new Label();
    private final TableView<HyperparameterSearch.Trial> trials = new TableView<>();
    private final ComboBox<String> searchParameter = new ComboBox<>();
    private final ChartView searchChart = new ChartView();
    private final LatestWins searchPlots = new LatestWins();

    ModelDetail(TrainViewModel model, TaskRunner tasks) {
        this.model = model;
        this.tasks = tasks;
        title.getStyleClass().add("stage-title");
        title.setId("model-title");
        choose.setId("choose-model");
        choose.setOnAction(e -> {
            if (shown != null) {
                model.choose(shown.algorithm());
                updateChoose();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, choose);
        header.setAlignment(Pos.CENTER_LEFT);
        root.setTop(header);

        metrics.setHgap(18);
        metrics.setVgap(3);
        metrics.setId("model-metrics");
        perClass.getColumns().add(column("class", s -> s.label()));
        perClass.getColumns().add(column("precision", s -> f(s.precision())));
        perClass.getColumns().add(column("recall", s -> f(s.recall())));
        perClass.getColumns().add(column("F1", s -> f(s.f1())));
        perClass.getColumns().add(column("rows", s -> Long.toString(s.support())));
        perClass.setPrefHeight(150);
        compareWith.setPromptText("compare with\u2026");
        compareWith.setConverter(dev.baton.ui.controls.Labels.converter(r -> r.label));
        compareWith.valueProperty().addListener((o, was, now) -> compare());
        comparison.setWrapText(true);
        comparison.setId("model-comparison");
        comparison.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines take the height they need, never cut
        VBox numbers = new VBox(8, metrics, perClass, new HBox(8, compareWith), comparison);
        numbers.setPadding(new javafx.geometry.Insets(4, 8, 4, 0));
        javafx.scene.control.ScrollPane numbersScroll = new javafx.scene.control.ScrollPane(numbers);
        numbersScroll.setFitToWidth(true);

        plotKind.valueProperty().addListener((o, was, now) -> drawPlot());
        plotKind.setId("plot-kind");
        plotClass.setId("plot-class");
        plotClass.valueProperty().addListener((o, was, now) -> drawPlot());
        Label classLabel = new Label("for class");
        classLabel.visibleProperty().bind(plotClass.visibleProperty());
        classLabel.managedProperty().bind(plotClass.visibleProperty());
        plotClass.managedProperty().bind(plotClass.visibleProperty());
        plotClass.setVisible(false);
        HBox plotBar = new HBox(8, plotKind, classLabel, plotClass);
        plotBar.setAlignment(Pos.CENTER_LEFT);
        BorderPane plotPane = new BorderPane(chart.node());
        plotPane.setTop(plotBar);

        Button explain = new Button("Explain");
        explain.setOnAction(e -> explain());
        explainRow.setEditable(true);
        TableColumn<Importance, String> feature = column("feature", Importance::column);
        feature.setPrefWidth(320);
        explanation.getColumns().add(feature);
        explanation.getColumns().add(column("local weight", i -> String.format(Locale.ROOT, "%+.4f", i.value())));
        explanation.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        explanationTitle.setMinHeight(Region.USE_PREF_SIZE);
        explanation.setPlaceholder(new Label("Choose a held-out row and press Explain (LIME; models with probabilities)."));
        explanationTitle.setWrapText(true);
        HBox explainBar = new HBox(8, new Label("Held-out row"), explainRow, explain);
        explainBar.setAlignment(Pos.CENTER_LEFT);
        VBox explainPane = new VBox(8, explainBar, explanationTitle, explanation);
        VBox.setVgrow(explanation, Priority.ALWAYS);

        searchSummary.setWrapText(true);
        searchSummary.setId("search-summary");
        searchSummary.setMinHeight(Region.USE_PREF_SIZE);
        trials.setId("search-trials");
        trials.setPlaceholder(new Label("No search for this model: tick Search in the setup to try several settings of each algorithm."));
        searchParameter.setId("search-parameter");
        searchParameter.valueProperty().addListener((o, was, now) -> drawSearch());
        HBox searchBar = new HBox(8, new Label("Score against"), searchParameter);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        BorderPane searchPlot = new BorderPane(searchChart.node());
        searchPlot.setTop(searchBar);
        javafx.scene.control.SplitPane searchSplit = new javafx.scene.control.SplitPane(trials, searchPlot);
        searchSplit.setDividerPositions(0.55);
        VBox searchPane = new VBox(6, searchSummary, searchSplit);
        VBox.setVgrow(searchSplit, Priority.ALWAYS);

        TabPane tabs = new TabPane(new Tab("Metrics", numbersScroll), new Tab("Plots", plotPane), new Tab("Explain a prediction", explainPane),
                new Tab("Search", searchPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().forEach(t -> t.setId("detail-" + t.getText().toLowerCase(Locale.ROOT).replace(' ', '-')));
        dev.baton.ui.controls.LazyTabs.apply(tabs);
        root.setCenter(tabs);
        BorderPane.setMargin(tabs, new javafx.geometry.Insets(6, 0, 0, 0));
        show(null);
    }

    Node node() {
        return root;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String f(Double v) {
        return v == null || v.isNaN() ? "\u2013" : String.format(Locale.ROOT, "%.4f", v);
    }

    void show(TrainViewModel.Row row) {
        shown = row;
        metrics.getChildren().clear();
        perClass.getItems().clear();
        comparison.setText("");
        ModelResult r = row == null ? null : row.result.get();
        choose.setDisable(r == null || model.trained(row.algorithm()) == null);
        if (r == null) {
            title.setText(row == null ? "Select a model on the leaderboard" : row.label + ": " + row.status.get());
            chart.clear();
            showSearch(null); // nothing of an earlier run stays on show while this one trains
            return;
        }
        title.setText(r.label() + (row.isBaseline() ? " \u2014 the yardstick, not a model to hand off" : ""));
        updateChoose();
        int i = 0;
        Label h1 = new Label("metric");
        Label h2 = new Label("held-out rows");
        Label h3 = new Label(r.cv() == null ? "" : "cross-validation (mean \u00b1 sd)");
        for (Label l : List.of(h1, h2, h3)) {
            l.getStyleClass().add("muted");
        }
        metrics.addRow(i++, h1, h2, h3);
        for (String m : Metrics.names(r.task())) {
            if (!r.holdout().containsKey(m)) {
                continue;
            }
            String cv = r.cv() != null && r.cv().containsKey(m)
                    ? Metrics.format(m, r.cv().get(m).mean()) + " \u00b1 " + Metrics.format(m, r.cv().get(m).std()) : "";
            Label value = new Label(Metrics.format(m, r.holdout().get(m)));
            value.getStyleClass().add("stat-value");
            String target = model.project().trainingSetup() == null ? null : model.project().trainingSetup().target();
            metrics.addRow(i++, new Label(Metrics.labelWithUnit(m, target)), value, new Label(cv));
        }
        metrics.addRow(i++, new Label("rows"), new Label(String.format("%,d held out", r.testRows())),
                new Label(String.format(r.cv() == null ? "trained on %,d" : "%,d in the folds, then trained on all of them", r.trainRows())));
        metrics.addRow(i, new Label("training time"), new Label(String.format("%.2f s", r.trainMillis() / 1000.0)), new Label(""));
        if (r.perClass() != null) {
            perClass.getItems().setAll(r.perClass());
        }
        perClass.setVisible(r.perClass() != null);
        compareWith.getItems().setAll(model.rows.stream().filter(x -> x != row && x.result.get() != null).toList());
        compareWith.setValue(null);
        List<String> kinds = row.isBaseline() ? (r.task() == Task.CLASSIFICATION ? List.of("Confusion matrix") : List.of())
                : r.task() == Task.CLASSIFICATION
                ? (r.holdout().containsKey("auc") ? List.of("Confusion matrix", "ROC curves", "Precision and recall", "Calibration", "Feature importance")
                : List.of("Confusion matrix", "Feature importance"))
                : List.of("Predicted against actual", "Residuals", "Feature importance");
        if (r.classes() != null && !r.classes().equals(plotClass.getItems())) {
            plotClass.getItems().setAll(r.classes());
            // Two classes: the second is the positive one, as the AUC takes it.
            plotClass.setValue(r.classes().get(r.classes().size() == 2 ? 1 : 0));
        }
        String keep = plotKind.getValue();
        plotKind.getItems().setAll(kinds);
        plotKind.setValue(kinds.isEmpty() ? null : keep != null && kinds.contains(keep) ? keep : kinds.get(0));
        if (kinds.isEmpty()) {
            chart.clear();
        }
        drawPlot();
        ModelRun.TrainedModel trained = model.trained(row.algorithm());
        int held = trained == null ? 1 : Math.max(1, trained.holdout().size());
        explainRow.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, held, 1));
        explanation.getItems().clear();
        explanationTitle.setText("");
        showSearch(row.isBaseline() ? null : model.search(row.algorithm()));
    }

    /** The configurations a search tried for this model, best first, the chosen one starred; the score against a parameter. */
    private void showSearch(HyperparameterSearch.Result search) {
        shownSearch = search;
        trials.getColumns().clear();
        trials.getItems().clear();
        if (search == null) {
            searchSummary.setText("");
            searchParameter.getItems().clear();
            searchChart.clear();
            return;
        }
        String metric = search.metric();
        searchSummary.setText(String.format(Locale.ROOT, "Tried %d settings of %s, each by cross-validation on the training rows. Chosen: %s.",
                search.trials().size(), search.searched().isEmpty() ? "nothing (no setting to vary)" : String.join(", ", search.searched()),
                search.reason()));
        TableColumn<HyperparameterSearch.Trial, String> mark = column("", t -> t.number() == search.chosen() ? "\u2605 chosen"
                : t.number() == search.best() ? "best" : "");
        mark.setPrefWidth(70);
        trials.getColumns().add(mark);
        TableColumn<HyperparameterSearch.Trial, Number> number = new TableColumn<>("#");
        number.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyIntegerWrapper(cd.getValue().number()));
        number.setPrefWidth(40);
        trials.getColumns().add(number);
        for (String name : search.searched()) {
            TableColumn<HyperparameterSearch.Trial, Number> c = new TableColumn<>(name);
            c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyDoubleWrapper(cd.getValue().parameters().getOrDefault(name, Double.NaN)));
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Number v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : name.equals("maxDepth") && v.doubleValue() == 0 ? "unlimited"
                            : dev.baton.util.Format.number(v.doubleValue()));
                }
            });
            trials.getColumns().add(c);
        }
        TableColumn<HyperparameterSearch.Trial, Number> score = new TableColumn<>("CV " + Metrics.label(metric));
        score.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyDoubleWrapper(cd.getValue().score(metric)));
        score.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                HyperparameterSearch.Trial t = empty ? null : getTableRow().getItem();
                setText(t == null ? null : t.failure() != null ? "failed: " + t.failure()
                        : Metrics.format(metric, t.score(metric)) + " \u00b1 " + Metrics.format(metric, t.cv().get(metric).std()));
            }
        });
        score.setPrefWidth(150);
        if (Metrics.higherIsBetter(metric)) {
            score.setSortType(TableColumn.SortType.DESCENDING);
        }
        trials.getColumns().add(score);
        TableColumn<HyperparameterSearch.Trial, Number> time = new TableColumn<>("CV time (s)");
        time.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyDoubleWrapper(cd.getValue().millis() / 1000.0));
        time.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.1f", v.doubleValue()));
            }
        });
        trials.getColumns().add(time);
        trials.getItems().setAll(search.trials());
        trials.getSortOrder().setAll(List.of(score));
        String keep = searchParameter.getValue();
        searchParameter.getItems().setAll(search.searched());
        searchParameter.setValue(search.searched().isEmpty() ? null : search.searched().contains(keep) ? keep : search.searched().get(0));
        drawSearch();
    }

    private HyperparameterSearch.Result shownSearch;

    private void drawSearch() {
        HyperparameterSearch.Result search = shownSearch;
        String parameter = searchParameter.getValue();
        if (search == null || parameter == null) {
            searchChart.clear();
            return;
        }
        searchPlots.start(tasks.background("Drawing the search", p -> (ChartData) ModelCharts.search(search, parameter)).quiet()
                .onFailure(e -> searchChart.clear()), searchChart::show);
    }

    private void updateChoose() {
        boolean chosen = shown != null && shown.algorithm().equals(model.chosen());
        choose.setText(chosen ? "\u2605 Chosen for hand-off" : "Choose for hand-off");
    }

    private void drawPlot() {
        if (shown == null || shown.result.get() == null || plotKind.getValue() == null) {
            return;
        }
        ModelResult r = shown.result.get();
        ModelRun.TrainedModel trained = model.trained(shown.algorithm());
        String kind = plotKind.getValue();
        boolean perClass = kind.equals("ROC curves") || kind.equals("Precision and recall");
        plotClass.setVisible(perClass);
        int c = r.classes() == null || plotClass.getValue() == null ? 0 : Math.max(0, r.classes().indexOf(plotClass.getValue()));
        // Every trained model with probabilities, the selected one first, on the same held-out rows.
        List<ModelCharts.Scored> overlay = new java.util.ArrayList<>();
        if (trained != null) {
            overlay.add(new ModelCharts.Scored(r.label(), trained.holdout()));
        }
        for (TrainViewModel.Row other : model.rows) {
            ModelRun.TrainedModel t = other == shown || other.isBaseline() ? null : model.trained(other.algorithm());
            if (t != null && t.holdout().hasProbabilities()) {
                overlay.add(new ModelCharts.Scored(other.label(), t.holdout()));
            }
        }
        String target = model.project().trainingSetup() == null ? "target" : model.project().trainingSetup().target();
        plots.start(tasks.background("Drawing " + kind, p -> {
            ChartData data = switch (kind) {
                case "Confusion matrix" -> ModelCharts.confusion(r);
                case "Feature importance" -> ModelCharts.importance(r);
                default -> {
                    if (trained == null) {
                        throw new dev.baton.util.UserException("The model is not loaded; train again to draw this plot.");
                    }
                    yield switch (kind) {
                        case "ROC curves" -> ModelCharts.roc(overlay, r.classes(), c);
                        case "Precision and recall" -> ModelCharts.precisionRecall(overlay, r.classes(), c);
                        case "Calibration" -> ModelCharts.calibration(r, trained.holdout());
                        case "Predicted against actual" -> ModelCharts.predictedVsActual(r, trained.holdout(), target);
                        default -> ModelCharts.residuals(r, trained.holdout(), target);
                    };
                }
            };
            return data;
        }).quiet().onFailure(e -> chart.clear()), chart::show);
    }

    private void compare() {
        TrainViewModel.Row other = compareWith.getValue();
        if (shown == null || other == null) {
            comparison.setText("");
            return;
        }
        Comparison c = model.compare(shown, other);
        if (c == null) {
            comparison.setText("Comparing needs cross-validation (at least 2 folds) for both models.");
            return;
        }
        comparison.setText(String.format(Locale.ROOT, "%s minus %s in %s: %+.4f on average over %d folds; corrected t = %.2f, p = %.3f. %s",
                shown.label, other.label, Metrics.label(c.metric()), c.meanDifference(), c.folds(), c.t(), c.pValue(),
                c.significant(0.05) ? "The difference is real at the 5% level." : "The difference could well be chance (not significant at 5%)."));
    }

    private void explain() {
        if (shown == null) {
            return;
        }
        ModelRun.TrainedModel trained = model.trained(shown.algorithm());
        if (trained == null) {
            explanationTitle.setText("The model is not loaded; train again to explain its predictions.");
            return;
        }
        int index = explainRow.getValue() - 1;
        var data = model.data();
        var setup = model.project().trainingSetup();
        long seed = setup.seed();
        tasks.background("Explaining a prediction", p -> {
            Frame frame = Frame.of(data, setup.target(), setup.task(), setup.features());
            return Lime.explain(trained, frame, index, seed);
        }).onSuccess((Explanation e) -> {
            explanationTitle.setText(String.format(Locale.ROOT, "Row %,d of the data: predicted %s with probability %.3f. Positive weights pushed towards it.",
                    e.row() + 1, e.predicted(), e.probability()));
            explanation.getItems().setAll(e.weights());
        }).onFailure(err -> {
            explanationTitle.setText(ErrorDialog.plainMessage(err));
            explanation.getItems().clear();
        }).start();
    }
}
