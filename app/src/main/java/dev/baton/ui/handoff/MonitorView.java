package dev.baton.ui.handoff;

import dev.baton.monitor.DriftReport;
import dev.baton.monitor.Evaluation;
import dev.baton.monitor.Monitoring;
import dev.baton.train.Metrics;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Monitor new data: a bundle and a data file in, the drift of every input and output (and, when the file has the
 * target, how the model does on it) out; a column's reference and new distributions side by side when selected.
 */
final class MonitorView {

    private final MonitorViewModel model;
    private final Supplier<Window> window;
    private final VBox root = new VBox(8);
    private final Label bundleName = new Label("No bundle chosen");
    private final Label dataName = new Label("No data chosen");
    private final Button check = new Button("Check drift");
    private final Button export = new Button("Export page\u2026");
    private final Label verdict = new Label();
    private final Label evaluation = new Label();
    private final TableView<DriftReport.ColumnDrift> columns = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label tests = new Label();

    MonitorView(MonitorViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        root.setId("monitor");
        root.setPadding(new Insets(8));
        Label hint = new Label("Before deciding to retrain: compare a file of new data with the training data the bundle describes "
                + "(its reference profile), input by input and for the model's outputs. When the file has the target column, the "
                + "model is also evaluated on it against its held-out figures.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Button chooseBundle = new Button("Bundle\u2026");
        chooseBundle.setId("monitor-bundle");
        chooseBundle.setOnAction(e -> chooseBundle());
        Button chooseData = new Button("New data\u2026");
        chooseData.setId("monitor-data");
        chooseData.setOnAction(e -> chooseData());
        Button chooseQuery = new Button("From database\u2026");
        chooseQuery.setId("monitor-query");
        chooseQuery.setTooltip(new Tooltip("New data as the result of a query on PostgreSQL, DuckDB or SQLite"));
        chooseQuery.setOnAction(e -> chooseQuery());
        check.setId("monitor-check");
        check.setTooltip(new Tooltip("Compare the new data with the bundle's reference (Ctrl+Shift+D)"));
        check.setOnAction(e -> model.check());
        export.setId("monitor-export");
        export.setOnAction(e -> exportPage());
        bundleName.getStyleClass().add("muted");
        dataName.getStyleClass().add("muted");
        Label message = new Label();
        message.getStyleClass().add("import-error");
        message.setWrapText(true);
        message.textProperty().bind(model.message);
        message.visibleProperty().bind(model.message.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        verdict.setId("monitor-verdict");
        verdict.setWrapText(true);
        evaluation.setId("monitor-evaluation");
        evaluation.setWrapText(true);
        evaluation.managedProperty().bind(evaluation.visibleProperty());

        columns.setId("monitor-columns");
        columns.setPlaceholder(new Label("Choose a bundle and a data file, then Check drift."));
        columns.getColumns().add(column("input or output", DriftReport.ColumnDrift::name, 180));
        columns.getColumns().add(column("verdict", c -> c.verdict().label(), 110));
        columns.getColumns().add(column("importance", c -> c.importance() == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * c.importance()), 80));
        columns.getColumns().add(column("PSI", c -> String.format(Locale.ROOT, "%.3f", c.tests().get(0).value()), 70));
        columns.getColumns().add(column("distance", c -> c.tests().size() < 2 ? "" : String.format(Locale.ROOT, "%s %.3f",
                c.tests().get(1).test(), c.tests().get(1).value()), 150));
        columns.getColumns().add(column("missing: training \u2192 new", c -> String.format(Locale.ROOT, "%.1f%% \u2192 %.1f%%",
                100 * c.referenceMissing(), 100 * c.missing()), 170));
        columns.getColumns().add(column("why", DriftReport.ColumnDrift::summary, 260));
        columns.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showColumn(now));
        chart.setId("monitor-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getYAxis().setLabel("share of rows");
        tests.setWrapText(true);
        tests.getStyleClass().add("muted");
        // Labels that wrap keep their full height: the verdict and the tests are sentences, not captions.
        for (Label l : new Label[]{hint, verdict, evaluation, tests}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        chart.setMinHeight(220);
        javafx.scene.control.ScrollPane testsPane = new javafx.scene.control.ScrollPane(tests);
        testsPane.setFitToWidth(true);
        testsPane.setPrefViewportHeight(90);
        testsPane.setMinHeight(60);
        VBox detail = new VBox(6, chart, testsPane);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(columns, detail);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getChildren().addAll(hint, new HBox(10, chooseBundle, bundleName), new HBox(10, chooseData, chooseQuery, dataName),
                new HBox(10, check, export), message, verdict, evaluation, split);
        model.bundle.addListener((o, was, now) -> bundleName.setText(now == null ? "No bundle chosen" : now.toString()));
        model.data.addListener((o, was, now) -> showDataName());
        model.query.addListener((o, was, now) -> showDataName());
        model.result.addListener((o, was, now) -> show(now));
        show(null);
    }

    Node node() {
        return root;
    }

    void chooseBundle() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The bundle to monitor");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Baton model bundle", "*.baton"));
        File f = chooser.showOpenDialog(window.get());
        if (f != null) {
            model.bundle.set(f.toPath());
        }
    }

    void chooseData() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("New data to compare with the training data");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or JSON lines", "*.csv", "*.jsonl", "*.ndjson"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(window.get());
        if (f != null) {
            model.data.set(f.toPath());
        }
    }

    /** New data from a query: the database dialog, its Open making the query the data to check. */
    void chooseQuery() {
        var current = model.query.get();
        new dev.baton.ui.data.DatabaseDialog(window.get(), model.tasks(), model.passwords(),
                current == null ? null : current.connection(), current == null ? null : current.sql())
                .showAndWait().ifPresent(model.query::set);
    }

    private void showDataName() {
        if (model.data.get() != null) {
            dataName.setText(model.data.get().toString());
        } else if (model.query.get() != null) {
            String sql = model.query.get().sql().strip().replaceAll("\\s+", " ");
            dataName.setText(model.query.get().connection().describe() + ": " + (sql.length() > 80 ? sql.substring(0, 77) + "\u2026" : sql));
        } else {
            dataName.setText("No data chosen");
        }
    }

    void check() {
        model.check();
    }

    private void exportPage() {
        Monitoring.Check c = model.result.get();
        if (c == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the monitoring page");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML page", "*.html"));
        String name = c.drift().input().replaceAll("\\.[A-Za-z]+$", "");
        chooser.setInitialFileName(name + "-monitoring.html");
        File f = chooser.showSaveDialog(window.get());
        if (f != null) {
            model.export(f.toPath());
        }
    }

    private void show(Monitoring.Check c) {
        export.setDisable(c == null);
        columns.getItems().clear();
        chart.getData().clear();
        tests.setText("");
        verdict.getStyleClass().removeAll("verdict-drift", "verdict-watch", "verdict-ok");
        if (c == null) {
            verdict.setText("");
            evaluation.setVisible(false);
            return;
        }
        DriftReport r = c.drift();
        verdict.setText(String.format(Locale.ROOT, "%s: %s. %,d rows compared with %,d training rows. Rule: %s.",
                r.verdict().label().toUpperCase(Locale.ROOT), r.reason(), r.rows(), r.referenceRows(), r.rule()));
        verdict.getStyleClass().add(switch (r.verdict()) {
            case DRIFT -> "verdict-drift";
            case WATCH -> "verdict-watch";
            default -> "verdict-ok";
        });
        List<DriftReport.ColumnDrift> all = new ArrayList<>(r.columns());
        all.addAll(r.outputs());
        columns.getItems().setAll(all);
        Evaluation.Report e = c.evaluation();
        evaluation.setVisible(e != null);
        if (e != null) {
            StringBuilder text = new StringBuilder("Evaluation on " + String.format(Locale.ROOT, "%,d", e.rowsEvaluated()) + " labelled rows: "
                    + e.statement());
            List<String> others = new ArrayList<>();
            for (Evaluation.Comparison m : e.metrics()) {
                if (!m.metric().equals(e.mainMetric())) {
                    others.add(String.format(Locale.ROOT, "%s %s (held out %s%s)", Metrics.label(m.metric()), Metrics.format(m.metric(),
                            m.now().value()), m.holdout() == null ? "\u2013" : Metrics.format(m.metric(), m.holdout().value()),
                            m.significant() ? ", significantly " + m.change() : ""));
                }
            }
            if (!others.isEmpty()) {
                text.append(" Also: ").append(String.join("; ", others)).append('.');
            }
            evaluation.setText(text.toString());
        }
        if (!all.isEmpty()) {
            columns.getSelectionModel().select(0);
        }
    }

    private void showColumn(DriftReport.ColumnDrift c) {
        chart.getData().clear();
        if (c == null) {
            tests.setText("");
            return;
        }
        chart.setTitle(c.name());
        XYChart.Series<String, Number> reference = new XYChart.Series<>();
        reference.setName("training");
        XYChart.Series<String, Number> current = new XYChart.Series<>();
        current.setName("new data");
        List<DriftReport.Bin> bins = c.bins().size() > 60 ? c.bins().subList(0, 60) : c.bins();
        for (DriftReport.Bin b : bins) {
            reference.getData().add(new XYChart.Data<>(b.label(), b.reference()));
            current.getData().add(new XYChart.Data<>(b.label(), b.current()));
        }
        chart.getData().add(reference);
        chart.getData().add(current);
        StringBuilder text = new StringBuilder();
        for (DriftReport.Test t : c.tests()) {
            text.append(String.format(Locale.ROOT, "%s %.4f (%s)%s%s%n", t.test(), t.value(), t.why(),
                    t.verdict() == null ? "" : ": " + t.verdict().label(), t.note() == null ? "" : "; " + t.note()));
        }
        if (c.unseen() != null) {
            text.append("never seen in training: ").append(String.join(", ", c.unseen().stream()
                    .map(v -> v.value() + " (" + v.count() + ")").toList()));
        }
        tests.setText(text.toString());
    }

    private static TableColumn<DriftReport.ColumnDrift, String> column(String title, Function<DriftReport.ColumnDrift, String> value,
                                                                       double width) {
        TableColumn<DriftReport.ColumnDrift, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
