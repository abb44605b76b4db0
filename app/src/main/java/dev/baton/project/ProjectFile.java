package dev.baton.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.baton.clean.Recipe;

/**
 * The saved form of a project, {@code project.json}: versioned, readable, diff-friendly JSON.
 * Each stage adds its part; a part is null until that stage has something to keep.
 *
 * @param format   always {@link #FORMAT}; a reader refuses any other value
 * @param name     the project's name
 * @param savedWith the Baton version that wrote the file
 * @param data     the data source
 * @param recipe   the cleaning steps with their fitted values
 * @param explore  alert thresholds and pinned charts
 * @param training the training setup, every model's results and the chosen model
 * @param report   the report's title, author, sections and the author's commentary
 * @param modelCard the model card's intended use, limitations and contact, for the bundle
 * @param bundle   the bundle last exported from the project as saved (file name, SHA-256), or null
 */
@JsonPropertyOrder({"format", "name", "savedWith", "data", "recipe", "explore", "training", "report", "modelCard", "bundle"})
public record ProjectFile(String format, String name, String savedWith, DataRef data, Recipe recipe, ExploreState explore,
                          dev.baton.train.TrainingState training, dev.baton.report.ReportSettings report,
                          dev.baton.bundle.ModelCardFields modelCard,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          dev.baton.bundle.ExportedBundle bundle) {

    public static final String FORMAT = "baton-project/1";

    public ProjectFile withName(String value) {
        return new ProjectFile(format, value, savedWith, data, recipe, explore, training, report, modelCard, bundle);
    }

    public ProjectFile withData(DataRef value) {
        return new ProjectFile(format, name, savedWith, value, recipe, explore, training, report, modelCard, bundle);
    }
}
