package dev.baton.ui.train;

import dev.baton.data.Dataset;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Algorithms;
import dev.baton.train.Comparison;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelRun;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.project.Project;
import dev.baton.ui.task.TaskHandle;
import dev.baton.ui.task.TaskRunner;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Train stage's state: the setup (target, task, features, validation, seed, algorithms with their
 * parameters), the live leaderboard while a run goes, and the finished results kept in the project.
 */
public final class TrainViewModel {

    /** A leaderboard row: one algorithm, its progress while training, and its results when done. */
    public static final class Row {
        final String algorithm;
        final String label;
        final DoubleProperty progress = new SimpleDoubleProperty(0);
        final StringProperty status = new SimpleStringProperty("waiting");
        final ObjectProperty<ModelResult> result = new SimpleObjectProperty<>();

        Row(String algorithm, String label) {
            this.algorithm = algorithm;
            this.label = label;
        }

        public String algorithm() {
            return algorithm;
        }

        public ObjectProperty<ModelResult> result() {
            return result;
        }

        public StringProperty status() {
            return status;
        }
    }

    /** A feature column, whether it is used, and why it is left out by default. */
    public static final class FeatureRow {
        final String column;
        final BooleanProperty included;
        final String reason;

        FeatureRow(String column, boolean included, String reason) {
            this.column = column;
            this.included = new SimpleBooleanProperty(included);
            this.reason = reason;
        }

        public String column() {
            return column;
        }

        public BooleanProperty included() {
            return included;
        }

        public String reason() {
            return reason;
        }
    }

    private final Project project;
    private final TaskRunner tasks;
    public final StringProperty target = new SimpleStringProperty();
    public final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    public final DoubleProperty holdout = new SimpleDoubleProperty(0.2);
    public final IntegerProperty folds = new SimpleIntegerProperty(5);
    public final LongProperty seed = new SimpleLongProperty(42);
    public final StringProperty metric = new SimpleStringProperty();
    /** The metrics of the current task, for the "rank by" choice. */
    public final ObservableList<String> metrics = FXCollections.observableArrayList();
    public final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    public final ObservableList<String> selectedAlgorithms = FXCollections.observableArrayList();
    /** Parameters the user changed, per algorithm id. */
    public final Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty();
    private TaskHandle run = TaskHandle.DONE;

    public TrainViewModel(Project project, TaskRunner tasks) {
        this.project = project;
        this.tasks = tasks;
        target.addListener((o, was, now) -> targetChanged());
        task.addListener((o, was, now) -> taskChanged(now));
        metric.addListener((o, was, now) -> sortRows());
        project.addListener(change -> {
            if (change == Project.Change.DATA) {
                dataChanged();
            } else if (change == Project.Change.TRAINING && !running.get()) {
                showResults();
            }
        });
        dataChanged();
    }

    public Project project() {
        return project;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public Dataset data() {
        return project.dataset();
    }

    private void dataChanged() {
        Dataset data = project.dataset();
        if (data == null) {
            features.clear();
            rows.clear();
            return;
        }
        TrainingSetup saved = project.trainingSetup();
        if (saved != null && data.hasColumn(saved.target())) {
            apply(saved);
        } else if (target.get() == null || !data.hasColumn(target.get())) {
            target.set(Features.defaultTarget(data));
        } else {
            targetChanged();
        }
        showResults();
    }

    /** Fills the form from a saved setup. */
    private void apply(TrainingSetup s) {
        target.set(s.target());
        task.set(s.task());
        holdout.set(s.holdout());
        folds.set(s.folds());
        seed.set(s.seed());
        metric.set(s.metric());
        parameters.clear();
        for (AlgorithmChoice c : s.algorithms()) {
            if (!c.parameters().isEmpty()) {
                parameters.put(c.id(), new LinkedHashMap<>(c.parameters()));
            }
        }
        selectedAlgorithms.setAll(s.algorithms().stream().map(AlgorithmChoice::id).toList());
        for (FeatureRow f : features) {
            f.included.set(s.features().contains(f.column));
        }
    }

    private void targetChanged() {
        Dataset data = project.dataset();
        if (data == null || target.get() == null || !data.hasColumn(target.get())) {
            return;
        }
        List<FeatureRow> list = new ArrayList<>();
        for (Features.Choice c : Features.suggest(data, target.get())) {
            list.add(new FeatureRow(c.column(), c.included(), c.reason()));
        }
        features.setAll(list);
        Task inferred = Features.inferTask(data, target.get());
        if (task.get() != inferred) {
            task.set(inferred);
        } else {
            taskChanged(inferred);
        }
    }

    private void taskChanged(Task now) {
        if (now == null) {
            return;
        }
        List<String> valid = Algorithms.forTask(now).stream().map(Algorithms.Algorithm::id).toList();
        // A new task starts from its defaults, plus whatever else chosen that also exists for it.
        List<String> next = new ArrayList<>(Algorithms.defaults(now));
        selectedAlgorithms.stream().filter(valid::contains).filter(id -> !next.contains(id)).forEach(next::add);
        selectedAlgorithms.setAll(next);
        String keep = metric.get();
        metrics.setAll(Metrics.names(now));
        metric.set(keep);
        if (metric.get() == null || !Metrics.names(now).contains(metric.get())) {
            metric.set(now == Task.CLASSIFICATION ? "accuracy" : "r2");
        }
    }

    public List<Algorithms.Algorithm> catalog() {
        return task.get() == null ? List.of() : Algorithms.forTask(task.get());
    }

    public TrainingSetup setup() {
        List<AlgorithmChoice> choices = new ArrayList<>();
        for (String id : selectedAlgorithms) {
            choices.add(new AlgorithmChoice(id, parameters.getOrDefault(id, Map.of()), null));
        }
        List<String> chosen = features.stream().filter(f -> f.included.get()).map(f -> f.column).toList();
        return new TrainingSetup(target.get(), task.get(), chosen, holdout.get(), folds.get(), seed.get(), choices, metric.get());
    }

    /** Trains every selected algorithm off the FX thread; rows fill in live; the project gets the leaderboard. */
    public void run() {
        Dataset data = project.dataset();
        TrainingSetup s = setup();
        s.check();
        rows.setAll(s.algorithms().stream().map(c -> new Row(c.id(), Algorithms.get(s.task(), c.id()).label())).toList());
        running.set(true);
        message.set(null);
        Experiment.Listener listener = new Experiment.Listener() {
            @Override
            public void progress(String algorithm, double fraction, String text) {
                Platform.runLater(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(fraction);
                    r.status.set(text);
                }));
            }

            @Override
            public void finished(String algorithm, ModelRun.TrainedModel model) {
                Platform.runLater(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(1);
                    r.status.set("done");
                    r.result.set(model.result());
                    sortRows();
                }));
            }

            @Override
            public void failed(String algorithm, Throwable error) {
                Platform.runLater(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(0);
                    r.status.set("failed: " + (error instanceof dev.baton.util.UserException ? error.getMessage() : error.toString()));
                }));
            }
        };
        run = tasks.background("Training " + s.algorithms().size() + " model" + (s.algorithms().size() == 1 ? "" : "s"),
                        progress -> Experiment.run(data, s, listener, progress))
                .onSuccess(board -> {
                    running.set(false);
                    if (project.dataset() == data) {
                        project.setLeaderboard(board);
                    }
                    showResults();
                    if (!board.failures().isEmpty()) {
                        message.set(board.failures().size() + " algorithm" + (board.failures().size() == 1 ? "" : "s") + " failed: "
                                + String.join("; ", board.failures().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
                    }
                })
                .onCancelled(() -> {
                    running.set(false);
                    message.set("Training was cancelled; the previous results are kept.");
                    showResults();
                })
                .onFailure(error -> {
                    running.set(false);
                    message.set(dev.baton.ui.ErrorDialog.plainMessage(error));
                    showResults();
                })
                .start();
    }

    public void cancel() {
        run.cancel();
    }

    private java.util.Optional<Row> find(String algorithm) {
        return rows.stream().filter(r -> r.algorithm.equals(algorithm)).findFirst();
    }

    /** The metric the leaderboard ranks by: the chosen one, else the task's usual one. */
    public String rankMetric() {
        String m = metric.get();
        if (m != null) {
            return m;
        }
        return task.get() == Task.REGRESSION ? "r2" : "accuracy";
    }

    private void sortRows() {
        String m = rankMetric();
        boolean higher = Metrics.higherIsBetter(m);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            double x = a.result.get() == null ? Double.NaN : a.result.get().score(m);
            double y = b.result.get() == null ? Double.NaN : b.result.get().score(m);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) == Double.isNaN(y) ? 0 : (Double.isNaN(x) ? 1 : -1);
            }
            return higher ? Double.compare(y, x) : Double.compare(x, y);
        });
        rows.setAll(sorted);
    }

    /** Shows the project's results (saved or trained) as finished rows. */
    private void showResults() {
        List<Row> list = new ArrayList<>();
        for (ModelResult r : project.results()) {
            Row row = new Row(r.algorithm(), r.label());
            row.result.set(r);
            row.progress.set(1);
            row.status.set(project.leaderboard() == null ? "saved results (model not loaded)" : "done");
            list.add(row);
        }
        rows.setAll(list);
        if (project.trainingSetup() != null && project.trainingSetup().metric() != null) {
            metric.set(project.trainingSetup().metric());
        }
        sortRows();
    }

    public void choose(String algorithm) {
        project.choose(algorithm);
    }

    public String chosen() {
        return project.chosen();
    }

    public ModelRun.TrainedModel trained(String algorithm) {
        return project.leaderboard() == null ? null : project.leaderboard().get(algorithm);
    }

    /** The corrected resampled t-test between two finished rows, or null without cross-validation. */
    public Comparison compare(Row a, Row b) {
        if (a.result.get() == null || b.result.get() == null) {
            return null;
        }
        return Comparison.of(a.result.get(), b.result.get(), rankMetric());
    }
}
