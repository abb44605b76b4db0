package dev.baton.ui.train;

import dev.baton.data.Dataset;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Algorithms;
import dev.baton.train.Baseline;
import dev.baton.train.Comparison;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelRun;
import dev.baton.train.Ranking;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.project.Project;
import dev.baton.ui.task.TaskHandle;
import dev.baton.ui.task.TaskRunner;
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
        final boolean baseline;

        Row(String algorithm, String label) {
            this(algorithm, label, false);
        }

        private Row(String algorithm, String label, boolean baseline) {
            this.algorithm = algorithm;
            this.label = label;
            this.baseline = baseline;
        }

        /** The baseline's row: shown for comparison, never chosen. */
        public boolean isBaseline() {
            return baseline;
        }

        public String label() {
            return label;
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
    /** Whether to search hyperparameters, and how many configurations per algorithm. */
    public final BooleanProperty search = new SimpleBooleanProperty(false);
    public final IntegerProperty searchSize = new SimpleIntegerProperty(20);
    /** The metrics of the current task, for the "rank by" choice. */
    public final ObservableList<String> metrics = FXCollections.observableArrayList();
    public final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
    public final ObservableList<String> selectedAlgorithms = FXCollections.observableArrayList();
    /** Parameters the user changed, per algorithm id. */
    public final Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    /** True while a run with a hyperparameter search goes on; {@link #stopSearch()} then ends the searches early. */
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private volatile java.util.concurrent.atomic.AtomicBoolean stopSearch = new java.util.concurrent.atomic.AtomicBoolean();
    private final StringProperty message = new SimpleStringProperty();
    /** What the leaderboard's figures are, in words (the ranking basis and the held-out rows). */
    private final StringProperty ranking = new SimpleStringProperty("");
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

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty rankingProperty() {
        return ranking;
    }

    public Dataset data() {
        return project.dataset();
    }

    /**
     * New data: the target and features are worked out off the FX thread (which columns are constant, ID-like or
     * free text is a pass over every column) and then filled in; a saved setup for this data comes back whole.
     */
    private void dataChanged() {
        Dataset data = project.dataset();
        if (data == null) {
            suggestions.cancel();
            features.clear();
            rows.clear();
            return;
        }
        TrainingSetup saved = project.trainingSetup();
        if (saved != null && data.hasColumn(saved.target())) {
            suggest(data, saved.target(), saved);
        } else if (target.get() != null && data.hasColumn(target.get())) {
            suggest(data, target.get(), null);
        } else {
            suggest(data, null, null);
        }
        showResults();
    }

    /** The user chose another column to predict. */
    private void targetChanged() {
        Dataset data = project.dataset();
        if (applying || data == null) {
            return;
        }
        if (target.get() == null || !data.hasColumn(target.get())) {
            suggestions.cancel();
            features.clear();
            return;
        }
        suggest(data, target.get(), null);
    }

    /** What {@link Features} suggests for a target (null: the default target, if any column's name says so). */
    private record Suggestion(Dataset data, String target, List<Features.Choice> choices, Task task) {
    }

    private void suggest(Dataset data, String wanted, TrainingSetup saved) {
        suggestions.start(tasks.background("Choosing features", p -> {
            String t = wanted != null ? wanted : Features.defaultTarget(data);
            return new Suggestion(data, t, t == null ? List.of() : Features.suggest(data, t), t == null ? null : Features.inferTask(data, t));
        }).quiet(), s -> {
            if (project.dataset() == s.data()) {
                apply(s, saved);
            }
        });
    }

    /** Fills the form from a suggestion, and from the saved setup when it is for this target. */
    private void apply(Suggestion s, TrainingSetup saved) {
        applying = true;
        try {
            target.set(s.target());
            List<FeatureRow> list = new ArrayList<>();
            for (Features.Choice c : s.choices()) {
                list.add(new FeatureRow(c.column(), c.included(), c.reason()));
            }
            features.setAll(list);
            if (saved != null && saved.target().equals(s.target())) {
                task.set(saved.task());
                holdout.set(saved.holdout());
                folds.set(saved.folds());
                seed.set(saved.seed());
                metric.set(saved.metric());
                search.set(saved.searches());
                if (saved.searches()) {
                    searchSize.set(saved.search());
                }
                parameters.clear();
                for (AlgorithmChoice c : saved.algorithms()) {
                    if (!c.parameters().isEmpty()) {
                        parameters.put(c.id(), new LinkedHashMap<>(c.parameters()));
                    }
                }
                selectedAlgorithms.setAll(saved.algorithms().stream().map(AlgorithmChoice::id).toList());
                for (FeatureRow f : features) {
                    f.included.set(saved.features().contains(f.column));
                }
            } else if (s.task() != null && task.get() != s.task()) {
                task.set(s.task());
            } else {
                taskChanged(s.task());
            }
        } finally {
            applying = false;
        }
    }

    /** Whether a background suggestion is being filled in (its target change is not the user's). */
    private boolean applying;
    private final dev.baton.ui.task.LatestWins suggestions = new dev.baton.ui.task.LatestWins();

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
        return new TrainingSetup(target.get(), task.get(), chosen, holdout.get(), folds.get(), seed.get(), choices, metric.get(),
                search.get() ? searchSize.get() : 0);
    }

    /** Trains every selected algorithm off the FX thread; rows fill in live; the project gets the leaderboard. */
    public void run() {
        Dataset data = project.dataset();
        TrainingSetup s = setup();
        s.check();
        rows.setAll(s.algorithms().stream().map(c -> new Row(c.id(), Algorithms.get(s.task(), c.id()).label())).toList());
        running.set(true);
        searching.set(s.searches());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        stopSearch = stop;
        message.set(null);
        Experiment.Listener listener = new Experiment.Listener() {
            @Override
            public void progress(String algorithm, double fraction, String text) {
                tasks.later(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(fraction);
                    r.status.set(text);
                }));
            }

            @Override
            public void finished(String algorithm, ModelRun.TrainedModel model) {
                tasks.later(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(1);
                    r.status.set("done");
                    r.result.set(model.result());
                    sortRows();
                }));
            }

            @Override
            public void failed(String algorithm, Throwable error) {
                tasks.later(() -> find(algorithm).ifPresent(r -> {
                    r.progress.set(0);
                    r.status.set("failed: " + (error instanceof dev.baton.util.UserException ? error.getMessage() : error.toString()));
                }));
            }
        };
        run = tasks.background("Training " + s.algorithms().size() + " model" + (s.algorithms().size() == 1 ? "" : "s"),
                        progress -> Experiment.run(data, s, listener, progress, stop::get))
                .onSuccess(board -> {
                    running.set(false);
                    searching.set(false);
                    if (project.dataset() == data) {
                        project.setLeaderboard(board);
                    }
                    showResults();
                    if (board.searches().stream().anyMatch(dev.baton.train.HyperparameterSearch.Result::stopped)) {
                        message.set("The search was stopped early: each algorithm's settings were chosen among the configurations that finished.");
                    }
                    if (!board.failures().isEmpty()) {
                        message.set(board.failures().size() + " algorithm" + (board.failures().size() == 1 ? "" : "s") + " failed: "
                                + String.join("; ", board.failures().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
                    }
                })
                .onCancelled(() -> {
                    running.set(false);
                    searching.set(false);
                    message.set("Training was cancelled; the previous results are kept."
                            + (s.searches() ? " (Stop search ends a search early and keeps the configurations that finished.)" : ""));
                    showResults();
                })
                .onFailure(error -> {
                    running.set(false);
                    searching.set(false);
                    message.set(dev.baton.ui.controls.ErrorDialog.plainMessage(error));
                    showResults();
                })
                .start();
    }

    public void cancel() {
        run.cancel();
    }

    /** Ends the running searches early: no more configurations are tried, the chosen ones are trained from those that finished. */
    public void stopSearch() {
        stopSearch.set(true);
    }

    /** The hyperparameter search of an algorithm in the current results, or null. */
    public dev.baton.train.HyperparameterSearch.Result search(String algorithm) {
        return project.searches().stream().filter(r -> r.algorithm().equals(algorithm)).findFirst().orElse(null);
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

    /** Finished models by {@link Ranking}, then those still training, the baseline last. */
    private void sortRows() {
        java.util.Comparator<ModelResult> order = Ranking.order(rankMetric());
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            if (a.baseline != b.baseline) {
                return a.baseline ? 1 : -1;
            }
            ModelResult x = a.result.get();
            ModelResult y = b.result.get();
            if (x == null || y == null) {
                return x == y ? 0 : (x == null ? 1 : -1);
            }
            return order.compare(x, y);
        });
        if (!sorted.equals(rows)) {
            rows.setAll(sorted);
        }
    }

    /** Whether a finished model beats the baseline by the ranking figure (true while unknown). */
    public boolean beatsBaseline(Row row) {
        ModelResult r = row.result.get();
        return row.baseline || r == null || Baseline.beaten(r, project.baseline(), rankMetric());
    }

    /**
     * Shows the project's results (saved or trained) as finished rows, with the baseline last. Rows already shown
     * for the same results are kept, so that choosing a model keeps the selection where it is.
     */
    private void showResults() {
        List<ModelResult> results = project.results();
        ModelResult base = project.baseline();
        List<ModelResult> shownResults = rows.stream().filter(r -> !r.baseline).map(r -> r.result.get()).toList();
        boolean same = shownResults.size() == results.size() && shownResults.containsAll(results)
                && rows.stream().filter(r -> r.baseline).map(r -> r.result.get()).findFirst().orElse(null) == base;
        if (!same) {
            List<Row> list = new ArrayList<>();
            for (ModelResult r : results) {
                Row row = new Row(r.algorithm(), r.label());
                row.result.set(r);
                row.progress.set(1);
                row.status.set(project.leaderboard() == null ? "saved results (model not loaded)" : "done");
                list.add(row);
            }
            if (base != null) {
                Row row = new Row(Baseline.ID, base.label(), true);
                row.result.set(base);
                row.progress.set(1);
                row.status.set("for comparison");
                list.add(row);
            }
            rows.setAll(list);
        }
        if (project.trainingSetup() != null && project.trainingSetup().metric() != null) {
            metric.set(project.trainingSetup().metric());
        }
        for (Row row : rows) {
            if (!row.baseline && row.result.get() != null && !beatsBaseline(row)) {
                row.status.set("does not beat the baseline");
            }
        }
        updateRanking();
        sortRows();
    }

    private void updateRanking() {
        TrainingSetup s = project.trainingSetup();
        ModelResult base = project.baseline();
        if (s == null || base == null) {
            ranking.set("");
            return;
        }
        ranking.set("Ranked by " + Ranking.basis(s, base.trainRows(), base.testRows()) + "; " + Ranking.holdoutBasis(base.testRows()) + ".");
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
