package dev.baton.clean;

import dev.baton.data.Dataset;

/**
 * What happened to one step during a replay: the step as applied (with the values it fitted), its output,
 * what it changed, or why it could not apply (then its output is its input, and the step is flagged).
 * An applied step may carry a note (values a type change could not convert); a failed one its problem.
 */
public record StepResult(RecipeStep step, Status status, Dataset output, Change change, String problem, String note) {

    public enum Status { APPLIED, DISABLED, FAILED }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
