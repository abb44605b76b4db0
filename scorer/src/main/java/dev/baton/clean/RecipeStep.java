package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A step of a recipe: the operation and whether it is switched on. */
@JsonPropertyOrder({"enabled", "operation"})
public record RecipeStep(boolean enabled, Operation operation) {

    public static RecipeStep of(Operation operation) {
        return new RecipeStep(true, operation);
    }

    public RecipeStep withOperation(Operation op) {
        return new RecipeStep(enabled, op);
    }

    public RecipeStep withEnabled(boolean on) {
        return new RecipeStep(on, operation);
    }
}
