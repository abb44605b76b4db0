package dev.baton.clean;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import dev.baton.util.UserException;

import java.util.ArrayList;
import java.util.List;

/** Runs recipe steps over a dataset. */
public final class Replay {

    /** REFIT fits every step on the data it meets (the workbench); FITTED uses the values stored in the recipe (new data, scoring). */
    public enum Mode { REFIT, FITTED }

    private Replay() {
    }

    /** Runs every step; a step that cannot apply is flagged with its reason and passes its input on. */
    public static List<StepResult> run(Dataset source, List<RecipeStep> steps, Mode mode, Progress progress) {
        List<StepResult> results = new ArrayList<>();
        Dataset current = source;
        for (int i = 0; i < steps.size(); i++) {
            progress.checkCancelled();
            progress.update(i, steps.size(), "Step " + (i + 1) + " of " + steps.size());
            StepResult result = step(current, steps.get(i), mode);
            results.add(result);
            current = result.output();
        }
        progress.update(steps.size(), steps.size(), "Done");
        return results;
    }

    /** Applies one step, catching what makes it fail. */
    public static StepResult step(Dataset input, RecipeStep step, Mode mode) {
        if (!step.enabled()) {
            return new StepResult(step, StepResult.Status.DISABLED, input, null, null, null);
        }
        Operation op = step.operation();
        try {
            op.check();
            for (String column : op.inputs()) {
                if (!input.hasColumn(column)) {
                    throw StepException.missingColumn(column);
                }
            }
            Operation fitted = mode == Mode.REFIT || !op.hasFit() ? Steps.fit(op, input) : op;
            Dataset output = Steps.apply(fitted, input);
            Change change = fitted.reordersRows() ? Change.reordered(input, output) : Change.between(input, output);
            return new StepResult(step.withOperation(fitted), StepResult.Status.APPLIED, output, change, null, conversionNote(input, output));
        } catch (StepException e) {
            return new StepResult(step, StepResult.Status.FAILED, input, null, e.getMessage(), null);
        }
    }

    /**
     * Applies one step with its fitted values, without measuring what it changed: the scoring path, where only
     * the result matters. Throws {@link StepException} naming the column when it cannot apply.
     */
    public static Dataset applyFitted(Dataset input, RecipeStep step) {
        if (!step.enabled()) {
            return input;
        }
        Operation op = step.operation();
        op.check();
        for (String column : op.inputs()) {
            if (!input.hasColumn(column)) {
                throw StepException.missingColumn(column);
            }
        }
        return Steps.apply(op.hasFit() ? op : Steps.fit(op, input), input);
    }

    /** Values a step could not convert (a type change): they are missing now, and the user should know how many. */
    private static String conversionNote(Dataset input, Dataset output) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        for (dev.baton.data.ColumnInfo info : output.columns()) {
            long before = input.hasColumn(info.name()) ? input.info(info.name()).unparsable() : 0;
            if (info.unparsable() > before) {
                notes.add(String.format("%,d value%s of %s did not fit %s and %s missing now, e.g. %s", info.unparsable(),
                        info.unparsable() == 1 ? "" : "s", info.name(), info.type().label(), info.unparsable() == 1 ? "is" : "are",
                        info.examples().isEmpty() ? "" : "'" + info.examples().get(0).text() + "'"));
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Replays a saved recipe on new data with its fitted values, strictly: the first step that cannot apply
     * stops everything with a message naming the step and the column.
     */
    public static Dataset strict(Dataset source, Recipe recipe, Progress progress) {
        Dataset current = source;
        List<RecipeStep> steps = recipe.steps();
        for (int i = 0; i < steps.size(); i++) {
            progress.checkCancelled();
            progress.update(i, steps.size(), "Step " + (i + 1) + " of " + steps.size());
            StepResult result = step(current, steps.get(i), Mode.FITTED);
            if (result.failed()) {
                throw new UserException("Step " + (i + 1) + " (" + Operations.name(steps.get(i).operation()) + ": "
                        + steps.get(i).operation().describe() + ") cannot apply: " + result.problem() + ".");
            }
            current = result.output();
        }
        return current;
    }
}
