package dev.baton.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.baton.util.AtomicFiles;
import dev.baton.util.Json;
import dev.baton.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes recipe files: versioned JSON, each step checked, problems named by step number. */
public final class RecipeFiles {

    private RecipeFiles() {
    }

    public static void write(Recipe recipe, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(recipe));
    }

    public static String toJson(Recipe recipe) {
        try {
            return Json.mapper().writeValueAsString(recipe) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Recipe read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserException("Recipe file not found: " + file);
        } catch (IOException e) {
            throw new UserException("Could not read the recipe " + file + ": " + e.getMessage(), e);
        }
        return fromJson(json, file.getFileName().toString());
    }

    public static Recipe fromJson(String json, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UserException(source + " is not a recipe Baton can read" + Json.where(e) + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserException(source + " is not a Baton recipe.");
        }
        String format = root.path("format").asText(null);
        if (!Recipe.FORMAT.equals(format)) {
            throw new UserException(source + " has format " + (format == null ? "(none)" : "\"" + format + "\"")
                    + "; this Baton reads " + Recipe.FORMAT + " recipes.");
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new UserException(source + " has no list of steps.");
        }
        java.util.List<RecipeStep> out = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode node = steps.get(i);
            RecipeStep step;
            try {
                step = Json.mapper().treeToValue(node, RecipeStep.class);
            } catch (InvalidTypeIdException e) {
                throw new UserException(source + ", step " + (i + 1) + ": unknown operation '" + e.getTypeId() + "'"
                        + (Operations.rowWiseOnly() ? " (Baton's scorer knows only the steps that apply row by row, the only ones a bundle "
                        + "holds; this one may work on the whole table, or come from a newer Baton)." : "."));
            } catch (JsonProcessingException e) {
                throw new UserException(source + ", step " + (i + 1) + ": " + e.getOriginalMessage());
            }
            if (step.operation() == null) {
                throw new UserException(source + ", step " + (i + 1) + " has no operation.");
            }
            try {
                step.operation().check();
            } catch (StepException e) {
                throw new UserException(source + ", step " + (i + 1) + " (" + Operations.name(step.operation()) + "): " + e.getMessage() + ".");
            }
            out.add(step);
        }
        return Recipe.of(out);
    }
}
