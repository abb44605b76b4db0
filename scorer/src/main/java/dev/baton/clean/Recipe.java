package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An ordered list of cleaning steps with their fitted values ({@code "format": "baton-recipe/1"}).
 * Replaying it on new data with the fitted values gives the same result without refitting.
 */
@JsonPropertyOrder({"format", "steps"})
public record Recipe(String format, List<RecipeStep> steps) {

    public static final String FORMAT = "baton-recipe/1";

    public Recipe {
        format = format == null ? FORMAT : format;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static Recipe of(List<RecipeStep> steps) {
        return new Recipe(FORMAT, steps);
    }

    public static Recipe empty() {
        return of(List.of());
    }

    /** The enabled row-wise steps: the preparation a model needs when it scores single rows. */
    public Recipe rowWise() {
        return of(steps.stream().filter(s -> s.enabled() && s.operation().rowWise()).toList());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
