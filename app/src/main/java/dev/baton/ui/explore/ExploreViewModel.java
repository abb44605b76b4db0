package dev.baton.ui.explore;

import dev.baton.data.Dataset;
import dev.baton.explore.Alert;
import dev.baton.explore.AlertSettings;
import dev.baton.explore.ColumnProfile;
import dev.baton.explore.Correlations;
import dev.baton.explore.Duplicates;
import dev.baton.explore.Exploration;
import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.explore.chart.Charts;
import dev.baton.project.Project;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.clean.CleanViewModel;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Explore stage's state: the exploration of the current data (recomputed off the FX thread when the data or
 * the alert thresholds change, newest run wins), the selected column, and the pinned charts.
 */
public final class ExploreViewModel {

    /** How many repeated rows the overview lists: the most frequent ones. */
    static final int REPEATED_ROWS = 20;

    private final Project project;
    private final TaskRunner tasks;
    private final CleanViewModel clean;
    private final LatestWins explorations = new LatestWins();
    private final ObjectProperty<Exploration> exploration = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty selected = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObservableList<ChartSpec> pins = FXCollections.observableArrayList();

    public ExploreViewModel(Project project, TaskRunner tasks, CleanViewModel clean) {
        this.project = project;
        this.tasks = tasks;
        this.clean = clean;
        project.addListener(change -> {
            if (change == Project.Change.DATA) {
                refresh();
            } else if (change == Project.Change.EXPLORE) {
                if (!project.explore().alerts().equals(settingsInUse)) {
                    refresh();
                }
                pins.setAll(project.explore().pins());
            }
        });
        pins.setAll(project.explore().pins());
        refresh();
    }

    private AlertSettings settingsInUse;

    public void refresh() {
        Dataset data = project.dataset();
        if (data == null) {
            explorations.cancel();
            exploration.set(null);
            return;
        }
        AlertSettings settings = project.explore().alerts();
        settingsInUse = settings;
        busy.set(true);
        explorations.start(tasks.background("Exploring " + data.name(), p -> Exploration.of(data, settings, p))
                .onFailure(e -> {
                    busy.set(false);
                    error.set(ErrorDialog.plainMessage(e));
                })
                .onCancelled(() -> busy.set(false)), result -> {
                    busy.set(false);
                    error.set(null);
                    exploration.set(result);
                    if (selected.get() == null || !data.hasColumn(selected.get())) {
                        selected.set(data.columnNames().isEmpty() ? null : data.columnNames().get(0));
                    }
                });
    }

    /** Finds the rows repeated most often off the FX thread and hands them, with the data they are of, to show. */
    public void findRepeatedRows(BiConsumer<Dataset, List<Duplicates.Repeat>> show) {
        Dataset data = project.dataset();
        if (data == null) {
            return;
        }
        tasks.background("Finding repeated rows", p -> Duplicates.mostRepeated(data, REPEATED_ROWS))
                .onSuccess(repeats -> show.accept(data, repeats)).start();
    }

    public ObjectProperty<Exploration> explorationProperty() {
        return exploration;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<ChartSpec> pins() {
        return pins;
    }

    public Dataset data() {
        return project.dataset();
    }

    /** The column the training setup predicts, or null before one is chosen. */
    public String trainingTarget() {
        return project.trainingSetup() == null ? null : project.trainingSetup().target();
    }

    public ColumnProfile profile(String column) {
        Exploration e = exploration.get();
        if (e == null) {
            return null;
        }
        for (ColumnProfile c : e.profile().columns()) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        return null;
    }

    public long alertCount(String column) {
        Exploration e = exploration.get();
        return e == null ? 0 : e.alerts().stream().filter(a -> a.columns().contains(column)).count();
    }

    public AlertSettings settings() {
        return project.explore().alerts();
    }

    public void setSettings(AlertSettings settings) {
        project.setAlertSettings(settings);
    }

    /** The alert's fix becomes a recipe step, like any other. */
    public void fix(Alert alert) {
        if (alert.fix() != null) {
            clean.add(alert.fix());
        }
    }

    /** Computes a chart's data off the FX thread; only the newest request per {@code slot} is shown. */
    public void chart(LatestWins slot, ChartSpec spec, Consumer<ChartData> show, Consumer<String> failed) {
        Dataset data = project.dataset();
        Exploration e = exploration.get();
        if (data == null) {
            return;
        }
        slot.start(tasks.background("Drawing " + spec.title(), p -> {
            if (spec.kind() == ChartSpec.Kind.HEATMAP && e != null) {
                Correlations.Measure m = spec.measure() == null ? Correlations.Measure.MIXED : spec.measure();
                return (ChartData) Charts.heatmap(e.correlations(), m, spec.title());
            }
            return Charts.data(data, spec, p);
        }).quiet().onFailure(err -> failed.accept(ErrorDialog.plainMessage(err))), show);
    }

    public void pin(ChartSpec spec) {
        project.pin(spec);
    }

    public void unpin(int index) {
        project.unpin(index);
    }

    public void setCaption(int index, String caption) {
        if (!java.util.Objects.equals(project.explore().pins().get(index).caption(), caption)) {
            project.setCaption(index, caption);
        }
    }
}
