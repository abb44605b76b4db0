package dev.baton.clean;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * The cleaning session: the imported data, and every version of the recipe the user went through, each with
 * the data after each step. Undo and redo move between versions without recomputing or re-reading anything.
 *
 * <p>A new version reuses the results of the steps it shares with the current one and replays only from the
 * first step that differs: editing, disabling or deleting a step in the middle replays the steps after it.
 * Computing a version is pure (run it off the FX thread); {@link #push} and the undo/redo moves are cheap.
 */
public final class CleaningHistory {

    /** A recipe version: its steps' results (the steps as applied, with their fitted values) and the action that made it. */
    public record Version(List<StepResult> results, String action) {

        public Recipe recipe() {
            return Recipe.of(results.stream().map(StepResult::step).toList());
        }
    }

    private final Dataset source;
    private final List<Version> versions = new ArrayList<>();
    private int current;

    public CleaningHistory(Dataset source) {
        this.source = source;
        versions.add(new Version(List.of(), "Open " + source.name()));
    }

    public Dataset source() {
        return source;
    }

    public Version currentVersion() {
        return versions.get(current);
    }

    /** The data after the current recipe. */
    public Dataset current() {
        List<StepResult> results = currentVersion().results();
        return results.isEmpty() ? source : results.get(results.size() - 1).output();
    }

    public Recipe recipe() {
        return currentVersion().recipe();
    }

    public List<StepResult> results() {
        return currentVersion().results();
    }

    /** The data a step at this position receives. */
    public Dataset inputOf(int index) {
        return index == 0 ? source : results().get(index - 1).output();
    }

    /** Computes the version for a new list of steps, reusing the unchanged prefix of the current one. */
    public Version compute(List<RecipeStep> steps, String action, Progress progress) {
        List<StepResult> old = currentVersion().results();
        List<StepResult> results = new ArrayList<>();
        int same = 0;
        while (same < steps.size() && same < old.size() && steps.get(same).equals(old.get(same).step())) {
            results.add(old.get(same));
            same++;
        }
        Dataset input = same == 0 ? source : results.get(same - 1).output();
        List<RecipeStep> rest = steps.subList(same, steps.size());
        results.addAll(Replay.run(input, rest, Replay.Mode.REFIT, progress));
        return new Version(List.copyOf(results), action);
    }

    /** Makes a computed version current; later versions (the redo list) are dropped. */
    public void push(Version version) {
        while (versions.size() > current + 1) {
            versions.remove(versions.size() - 1);
        }
        versions.add(version);
        current = versions.size() - 1;
    }

    public boolean canUndo() {
        return current > 0;
    }

    public boolean canRedo() {
        return current + 1 < versions.size();
    }

    /** The action undo would revert, or null. */
    public String undoAction() {
        return canUndo() ? versions.get(current).action() : null;
    }

    public String redoAction() {
        return canRedo() ? versions.get(current + 1).action() : null;
    }

    public void undo() {
        if (canUndo()) {
            current--;
        }
    }

    public void redo() {
        if (canRedo()) {
            current++;
        }
    }

    // Actions: each gives the new list of steps; compute() then push() applies it.

    public List<RecipeStep> withAdded(Operation op) {
        List<RecipeStep> steps = new ArrayList<>(recipe().steps());
        steps.add(RecipeStep.of(op));
        return steps;
    }

    public List<RecipeStep> withReplaced(int index, Operation op) {
        List<RecipeStep> steps = new ArrayList<>(recipe().steps());
        steps.set(index, steps.get(index).withOperation(op));
        return steps;
    }

    public List<RecipeStep> withEnabled(int index, boolean enabled) {
        List<RecipeStep> steps = new ArrayList<>(recipe().steps());
        steps.set(index, steps.get(index).withEnabled(enabled));
        return steps;
    }

    public List<RecipeStep> withRemoved(int index) {
        List<RecipeStep> steps = new ArrayList<>(recipe().steps());
        steps.remove(index);
        return steps;
    }

    public List<RecipeStep> withMoved(int from, int to) {
        List<RecipeStep> steps = new ArrayList<>(recipe().steps());
        RecipeStep step = steps.remove(from);
        steps.add(Math.max(0, Math.min(steps.size(), to)), step);
        return steps;
    }
}
