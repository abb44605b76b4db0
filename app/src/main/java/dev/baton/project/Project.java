package dev.baton.project;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.Recipe;
import dev.baton.data.Dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workbench's state: the single source the window shows and the project file saves.
 *
 * <p>Not thread-safe: in the window it is changed on the FX thread only (background work hands its results
 * over there); headless callers use it from one thread. Listeners run synchronously after each change.
 */
public final class Project {

    /** What changed, for listeners that only care about some parts. */
    public enum Change {
        /** New data was opened (the imported dataset changed). */
        SOURCE,
        /** The current data changed: new data, or a cleaning step applied, undone or redone. */
        DATA,
        /** The recipe changed. */
        RECIPE,
        /** The project's name or folder changed. */
        FILE,
        /** Alert thresholds or pinned charts changed. */
        EXPLORE,
        /** The training setup, results or the chosen model changed. */
        TRAINING,
        /** The report's settings or commentary changed. */
        REPORT,
        /** The model card's fields changed. */
        HANDOFF,
        /** The unsaved-changes flag changed. */
        DIRTY
    }

    private String name = "Untitled";
    private Path folder;
    private DataRef dataRef;
    private CleaningHistory history;
    private ExploreState explore = ExploreState.empty();
    private dev.baton.train.TrainingSetup trainingSetup;
    private dev.baton.train.Experiment.Leaderboard leaderboard;
    private java.util.List<dev.baton.train.ModelResult> savedResults = java.util.List.of();
    private dev.baton.train.ModelResult savedBaseline;
    private java.util.List<dev.baton.train.HyperparameterSearch.Result> savedSearches = java.util.List.of();
    private String chosen;
    private dev.baton.report.ReportSettings report = dev.baton.report.ReportSettings.empty();
    private dev.baton.bundle.ModelCardFields modelCard = dev.baton.bundle.ModelCardFields.empty();
    /** The bundle last exported from the project as it is now; null once anything a bundle holds has changed. */
    private dev.baton.bundle.ExportedBundle exportedBundle;
    private boolean dirty;
    private String dataNotice;
    private final List<Consumer<Change>> listeners = new ArrayList<>();

    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    private void fire(Change... changes) {
        for (Change change : changes) {
            for (Consumer<Change> listener : List.copyOf(listeners)) {
                listener.accept(change);
            }
        }
    }

    public String name() {
        return name;
    }

    /** The project folder, or null while the project has never been saved. */
    public Path folder() {
        return folder;
    }

    public DataRef dataRef() {
        return dataRef;
    }

    public boolean hasData() {
        return history != null;
    }

    /** The data as imported, or null before any data is opened. */
    public Dataset source() {
        return history == null ? null : history.source();
    }

    /** The data after the recipe: what exploring and training use. Null before any data is opened. */
    public Dataset dataset() {
        return history == null ? null : history.current();
    }

    /** The cleaning session, or null before any data is opened. */
    public CleaningHistory history() {
        return history;
    }

    public Recipe recipe() {
        return history == null ? Recipe.empty() : history.recipe();
    }

    public boolean isDirty() {
        return dirty;
    }

    public ExploreState explore() {
        return explore;
    }

    /** The training setup last used or saved, or null. */
    public dev.baton.train.TrainingSetup trainingSetup() {
        return trainingSetup;
    }

    /** The models trained (or loaded) in this session, or null. */
    public dev.baton.train.Experiment.Leaderboard leaderboard() {
        return leaderboard;
    }

    /** Every model's results: from the leaderboard, or as saved when the models could not be loaded. */
    public java.util.List<dev.baton.train.ModelResult> results() {
        return leaderboard != null ? leaderboard.results() : savedResults;
    }

    /** The baseline's results on the same rows as the models, or null when nothing was trained. */
    public dev.baton.train.ModelResult baseline() {
        return leaderboard != null ? leaderboard.baseline() : savedBaseline;
    }

    /** Every hyperparameter search of the last run (empty without one), from the leaderboard or as saved. */
    public java.util.List<dev.baton.train.HyperparameterSearch.Result> searches() {
        return leaderboard != null ? leaderboard.searches() : savedSearches;
    }

    /** The algorithm id of the model chosen for the report and the bundle, or null. */
    public String chosen() {
        return chosen;
    }

    /** The chosen model, trained and in memory, or null. */
    public dev.baton.train.ModelRun.TrainedModel chosenModel() {
        return leaderboard == null || chosen == null ? null : leaderboard.get(chosen);
    }

    public void setTrainingSetup(dev.baton.train.TrainingSetup setup) {
        this.trainingSetup = setup;
        fire(Change.TRAINING);
        markDirty();
    }

    /** A finished training run; the best model is chosen unless the chosen one was trained again. */
    public void setLeaderboard(dev.baton.train.Experiment.Leaderboard board) {
        this.exportedBundle = null;
        this.leaderboard = board;
        this.trainingSetup = board.setup();
        if (chosen == null || board.get(chosen) == null) {
            chosen = board.models().isEmpty() ? null : board.models().get(0).result().algorithm();
        }
        fire(Change.TRAINING);
        markDirty();
    }

    public void choose(String algorithm) {
        if (!java.util.Objects.equals(algorithm, chosen)) {
            this.exportedBundle = null;
        }
        this.chosen = algorithm;
        fire(Change.TRAINING);
        markDirty();
    }

    public dev.baton.report.ReportSettings reportSettings() {
        return report;
    }

    public void setReportSettings(dev.baton.report.ReportSettings settings) {
        if (!settings.equals(report)) {
            this.report = settings;
            fire(Change.REPORT);
            markDirty();
        }
    }

    public dev.baton.bundle.ModelCardFields modelCard() {
        return modelCard;
    }

    /** The bundle exported from the project as it is now, or null. */
    public dev.baton.bundle.ExportedBundle exportedBundle() {
        return exportedBundle;
    }

    /** A bundle of the chosen model was written: the report names it (file and SHA-256) until the project changes. */
    public void noteExported(dev.baton.bundle.ExportedBundle bundle) {
        this.exportedBundle = bundle;
        fire(Change.REPORT);
        markDirty();
    }

    public void setModelCard(dev.baton.bundle.ModelCardFields fields) {
        if (!fields.equals(modelCard)) {
            this.exportedBundle = null;
            this.modelCard = fields;
            fire(Change.HANDOFF);
            markDirty();
        }
    }

    /** What the model bundle is made from; null model when no trained model is chosen or loaded. */
    public dev.baton.bundle.BundleExporter.Request bundleRequest(java.time.Instant now) {
        return new dev.baton.bundle.BundleExporter.Request(name, history == null ? null : history.source(), dataset(),
                history == null ? dev.baton.clean.Recipe.empty() : history.recipe(), trainingSetup, chosenModel(), baseline(), modelCard, now,
                searches().stream().filter(s -> s.algorithm().equals(chosen)).findFirst().orElse(null));
    }

    /** What the report reads from this project. */
    public dev.baton.report.ReportInput reportInput(java.time.LocalDate today) {
        return new dev.baton.report.ReportInput(name, history == null ? null : history.source(), dataset(),
                history == null ? List.of() : history.results(), explore.alerts(), explore.pins(), trainingState(), leaderboard,
                report, today, dataNotice, modelCard, exportedBundle);
    }

    /**
     * Says, in the report and wherever the data's origin is shown, that the data is not the file the project was
     * saved with. Cleared when other data or another project is opened.
     */
    public void noteChangedData(String notice) {
        this.dataNotice = notice;
        fire(Change.REPORT);
    }

    /** The notice about changed data, or null. */
    public String dataNotice() {
        return dataNotice;
    }

    /** The saved form of training, or null when nothing was set up. */
    public dev.baton.train.TrainingState trainingState() {
        if (trainingSetup == null) {
            return null;
        }
        return new dev.baton.train.TrainingState(trainingSetup, results(), chosen, baseline(), searches());
    }

    /**
     * Drops every model and result (after the data changed under a saved project: they were computed on the
     * earlier file). The training setup stays, so training again reproduces them on this data.
     */
    public void discardResults() {
        this.exportedBundle = null;
        this.leaderboard = null;
        this.savedResults = java.util.List.of();
        this.savedBaseline = null;
        this.savedSearches = java.util.List.of();
        this.chosen = null;
        fire(Change.TRAINING);
        markDirty();
    }

    /** Makes loaded models current (after opening a project). */
    public void restoreModels(dev.baton.train.Experiment.Leaderboard board) {
        this.leaderboard = board;
        fire(Change.TRAINING);
    }

    public void setAlertSettings(dev.baton.explore.AlertSettings settings) {
        explore = new ExploreState(settings, explore.pins());
        fire(Change.EXPLORE);
        markDirty();
    }

    /** Pins a chart for the report; it goes last. */
    public void pin(dev.baton.explore.chart.ChartSpec chart) {
        java.util.List<dev.baton.explore.chart.ChartSpec> pins = new java.util.ArrayList<>(explore.pins());
        pins.add(chart);
        explore = new ExploreState(explore.alerts(), pins);
        fire(Change.EXPLORE);
        markDirty();
    }

    public void unpin(int index) {
        java.util.List<dev.baton.explore.chart.ChartSpec> pins = new java.util.ArrayList<>(explore.pins());
        pins.remove(index);
        explore = new ExploreState(explore.alerts(), pins);
        fire(Change.EXPLORE);
        markDirty();
    }

    public void setCaption(int index, String caption) {
        java.util.List<dev.baton.explore.chart.ChartSpec> pins = new java.util.ArrayList<>(explore.pins());
        pins.set(index, pins.get(index).withCaption(caption));
        explore = new ExploreState(explore.alerts(), pins);
        fire(Change.EXPLORE);
        markDirty();
    }

    /**
     * Makes a freshly imported dataset the data of a new, unsaved project named after it: nothing of the previous
     * data (recipe, pins, models, the chosen model, the report's commentary, the model card) is kept, so no figure
     * of another dataset can be shown or saved with this one.
     */
    public void setData(Dataset imported) {
        Objects.requireNonNull(imported);
        reset();
        this.name = imported.name();
        this.history = new CleaningHistory(imported);
        this.dataRef = imported.source() == null ? null : DataRef.of(imported.source());
        fire(ALL);
        markDirty();
    }

    private static final Change[] ALL = {Change.FILE, Change.SOURCE, Change.DATA, Change.RECIPE, Change.EXPLORE, Change.TRAINING,
            Change.REPORT, Change.HANDOFF};

    private void reset() {
        this.exportedBundle = null;
        this.dataNotice = null;
        this.name = "Untitled";
        this.folder = null;
        this.dataRef = null;
        this.history = null;
        this.explore = ExploreState.empty();
        this.trainingSetup = null;
        this.leaderboard = null;
        this.savedResults = java.util.List.of();
        this.savedBaseline = null;
        this.savedSearches = java.util.List.of();
        this.chosen = null;
        this.report = dev.baton.report.ReportSettings.empty();
        this.modelCard = dev.baton.bundle.ModelCardFields.empty();
    }

    /** Makes a computed recipe version current (after adding, editing, removing or moving a step). */
    public void apply(CleaningHistory.Version version) {
        this.exportedBundle = null;
        history.push(version);
        fire(Change.DATA, Change.RECIPE);
        markDirty();
    }

    public void undo() {
        if (history != null && history.canUndo()) {
            this.exportedBundle = null;
            history.undo();
            fire(Change.DATA, Change.RECIPE);
            markDirty();
        }
    }

    public void redo() {
        if (history != null && history.canRedo()) {
            this.exportedBundle = null;
            history.redo();
            fire(Change.DATA, Change.RECIPE);
            markDirty();
        }
    }

    /** After saving: the project now lives in this folder and matches it. */
    public void savedAs(Path projectFolder, String projectName) {
        this.folder = projectFolder;
        this.name = projectName;
        fire(Change.FILE);
        markClean();
    }

    public void markDirty() {
        if (!dirty) {
            dirty = true;
            fire(Change.DIRTY);
        }
    }

    public void markClean() {
        if (dirty) {
            dirty = false;
            fire(Change.DIRTY);
        }
    }

    /** The saved form of the current state. */
    public ProjectFile toFile() {
        return new ProjectFile(ProjectFile.FORMAT, name, dev.baton.util.Versions.baton(), dataRef,
                history == null ? null : history.recipe(), explore, trainingState(), report, modelCard, exportedBundle);
    }

    /** Replaces the whole state with an opened project's: its cleaning session (null when its data could not be found). */
    public void restore(ProjectFile file, Path projectFolder, CleaningHistory session) {
        this.dataNotice = null;
        this.name = file.name();
        this.folder = projectFolder;
        // The file actually read, by its absolute path: a later Save As elsewhere makes its relative path from there.
        this.dataRef = session != null && session.source().source() != null ? DataRef.of(session.source().source())
                : file.data() == null ? null
                : file.data().fromQuery() ? file.data()
                : new DataRef(file.data().location(projectFolder), null, file.data().fingerprint(), file.data().options());
        this.history = session;
        this.explore = file.explore() == null ? ExploreState.empty() : file.explore();
        this.trainingSetup = file.training() == null ? null : file.training().setup();
        this.savedResults = file.training() == null ? java.util.List.of() : file.training().results();
        this.savedBaseline = file.training() == null ? null : file.training().baseline();
        this.savedSearches = file.training() == null ? java.util.List.of() : file.training().searches();
        this.chosen = file.training() == null ? null : file.training().chosen();
        this.leaderboard = null;
        this.report = file.report() == null ? dev.baton.report.ReportSettings.empty() : file.report();
        this.modelCard = file.modelCard() == null ? dev.baton.bundle.ModelCardFields.empty() : file.modelCard();
        this.exportedBundle = file.bundle();
        fire(ALL);
        markClean();
    }

    /** Back to an empty, unsaved project. */
    public void clear() {
        reset();
        fire(ALL);
        markClean();
    }
}
