package dev.baton.bundle;

import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeStep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which row-wise steps and which raw columns the model's features depend on. Walking the recipe backwards from
 * the features, a step is kept when it writes a column still needed, and then the columns it reads are needed.
 * Steps that only touched the target or unused columns (renaming the target, keeping columns) are left out, so
 * the scorer never asks for the target or for columns the model does not use.
 */
public final class Lineage {

    /** The steps to replay at scoring time, in order, and the raw columns they and the model read. */
    public record Result(Recipe recipe, List<String> inputs) {
    }

    private Lineage() {
    }

    /** The raw columns one feature is made from, through the recipe's row-wise steps (the feature itself when none touch it). */
    public static List<String> inputsOf(Recipe recipe, String feature, List<String> sourceColumns) {
        return of(recipe, List.of(feature), sourceColumns).inputs();
    }

    public static Result of(Recipe recipe, List<String> features, List<String> sourceColumns) {
        List<RecipeStep> steps = recipe.rowWise().steps();
        Set<String> needed = new LinkedHashSet<>(features);
        List<RecipeStep> kept = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            RecipeStep step = steps.get(i);
            List<String> writes = step.operation().outputs();
            if (writes.stream().noneMatch(needed::contains)) {
                continue;
            }
            kept.add(step);
            needed.removeAll(writes);
            needed.addAll(step.operation().inputs());
        }
        Collections.reverse(kept);
        List<String> inputs = sourceColumns.stream().filter(needed::contains).toList();
        return new Result(Recipe.of(kept), inputs);
    }
}
