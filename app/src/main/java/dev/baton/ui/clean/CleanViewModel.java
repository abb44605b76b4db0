package dev.baton.ui.clean;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.DryRun;
import dev.baton.clean.Operation;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeFiles;
import dev.baton.clean.RecipeStep;
import dev.baton.clean.Replay;
import dev.baton.clean.StepResult;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.project.Project;
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

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Clean stage's state and actions. Every change to the recipe is computed off the FX thread and then
 * made current in one step, so the table, the recipe list and undo/redo always agree.
 */
public final class CleanViewModel {

    /** A step's preview: what it would change on the data it receives. */
    public record Preview(Dataset input, StepResult result) {
    }

    private final Project project;
    private final TaskRunner tasks;
    private final LatestWins previews = new LatestWins();
    private final ObservableList<StepResult> steps = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> current = new SimpleObjectProperty<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public CleanViewModel(Project project, TaskRunner tasks) {
        this.project = project;
        this.tasks = tasks;
        project.addListener(change -> {
            if (change == Project.Change.DATA || change == Project.Change.RECIPE) {
                refresh();
            }
        });
        refresh();
    }

    private void refresh() {
        CleaningHistory h = project.history();
        steps.setAll(h == null ? List.of() : h.results());
        current.set(project.dataset());
        canUndo.set(h != null && h.canUndo());
        canRedo.set(h != null && h.canRedo());
        undoText.set(h != null && h.canUndo() ? "Undo: " + h.undoAction() : "Undo");
        redoText.set(h != null && h.canRedo() ? "Redo: " + h.redoAction() : "Redo");
    }

    public ObservableList<StepResult> steps() {
        return steps;
    }

    public ObjectProperty<Dataset> currentProperty() {
        return current;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public StringProperty redoTextProperty() {
        return redoText;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean hasData() {
        return project.hasData();
    }

    /** The data a step receives: the current data for a new step, or the output of the step before. */
    public Dataset inputFor(int index) {
        return index < 0 ? project.dataset() : project.history().inputOf(index);
    }

    public void add(Operation op) {
        change(project.history().withAdded(op), op.describe());
    }

    public void replace(int index, Operation op) {
        change(project.history().withReplaced(index, op), "Edit step " + (index + 1));
    }

    public void setEnabled(int index, boolean enabled) {
        change(project.history().withEnabled(index, enabled), (enabled ? "Enable" : "Disable") + " step " + (index + 1));
    }

    public void remove(int index) {
        change(project.history().withRemoved(index), "Delete step " + (index + 1));
    }

    public void move(int from, int to) {
        if (from != to) {
            change(project.history().withMoved(from, to), "Move step " + (from + 1));
        }
    }

    /** Replaces the whole recipe (a loaded recipe file). */
    public void replaceRecipe(Recipe recipe, String action) {
        change(recipe.steps(), action);
    }

    private void change(List<RecipeStep> newSteps, String action) {
        CleaningHistory history = project.history();
        busy.set(true);
        tasks.background(action, progress -> {
                    CleaningHistory.Version version = history.compute(newSteps, action, progress);
                    if (!version.results().isEmpty()) {
                        version.results().get(version.results().size() - 1).output().summarized();
                    }
                    return version;
                })
                .onSuccess(version -> {
                    if (project.history() == history) {
                        project.apply(version);
                    }
                })
                .onFinished(() -> busy.set(false))
                .start();
    }

    public void undo() {
        project.undo();
    }

    public void redo() {
        project.redo();
    }

    /** Previews an operation on the data the step at {@code index} would receive (-1: appended at the end). */
    public void preview(Operation op, int index, Consumer<Preview> show, Consumer<Throwable> failed) {
        Dataset input = inputFor(index);
        previews.start(tasks.background("Previewing", p -> new Preview(input, Replay.step(input, RecipeStep.of(op), Replay.Mode.REFIT)))
                .quiet().onFailure(failed), show);
    }

    public void cancelPreview() {
        previews.cancel();
    }

    public void saveRecipe(Path file, Runnable done) {
        Recipe recipe = project.recipe();
        tasks.background("Saving the recipe", p -> {
            RecipeFiles.write(recipe, file);
            return file;
        }).onSuccess(f -> done.run()).start();
    }

    /** Reads a recipe and dry-runs it on the current imported data. */
    public void checkRecipe(Path recipeFile, Consumer<DryReport> show) {
        Dataset source = project.source();
        tasks.background("Checking " + recipeFile.getFileName(), p -> {
            Recipe recipe = RecipeFiles.read(recipeFile);
            return new DryReport(recipe, source.name(), DryRun.run(source, recipe, p));
        }).onSuccess(show).start();
    }

    /** Reads another data file and dry-runs the current recipe on it. */
    public void checkOnFile(Path dataFile, Consumer<DryReport> show) {
        Recipe recipe = project.recipe();
        tasks.background("Checking the recipe on " + dataFile.getFileName(), p -> {
            Dataset other = DatasetReader.read(dataFile, ImportOptions.detect(), p.slice(0, 0.5));
            return new DryReport(recipe, other.name(), DryRun.run(other, recipe, p.slice(0.5, 1)));
        }).onSuccess(show).start();
    }

    /** A dry run's result: the recipe, the data it was tried on, and each step's report. */
    public record DryReport(Recipe recipe, String dataName, List<DryRun.StepReport> steps) {
        public boolean ok() {
            return steps.stream().allMatch(DryRun.StepReport::ok);
        }
    }
}
