package dev.baton.report;

import dev.baton.clean.StepResult;
import dev.baton.data.Dataset;
import dev.baton.explore.AlertSettings;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.train.Experiment;
import dev.baton.train.TrainingState;

import java.time.LocalDate;
import java.util.List;

/**
 * What the report reads from a project, gathered by the caller (the window, the CLI) so that this package does
 * not depend on the project's classes.
 *
 * @param source      the data as imported
 * @param data        the data after the recipe
 * @param steps       the recipe's steps as they were applied, with what each changed
 * @param training    the training setup, every model's results and the chosen one; null before training
 * @param leaderboard the trained models themselves when loaded (for plots that need predictions); may be null
 * @param today       the date to print when the settings do not fix one
 * @param dataNotice  said on the title page when the data is not the file the project was saved with; null otherwise
 * @param bundle      the bundle exported from the project as it is, for the lineage; null when none was
 */
public record ReportInput(String projectName, Dataset source, Dataset data, List<StepResult> steps, AlertSettings alertSettings,
                          List<ChartSpec> pins, TrainingState training, Experiment.Leaderboard leaderboard,
                          ReportSettings settings, LocalDate today, String dataNotice, dev.baton.bundle.ModelCardFields modelCard,
                          dev.baton.bundle.ExportedBundle bundle) {

    public ReportInput(String projectName, Dataset source, Dataset data, List<StepResult> steps, AlertSettings alertSettings,
                       List<ChartSpec> pins, TrainingState training, Experiment.Leaderboard leaderboard,
                       ReportSettings settings, LocalDate today, String dataNotice, dev.baton.bundle.ModelCardFields modelCard) {
        this(projectName, source, data, steps, alertSettings, pins, training, leaderboard, settings, today, dataNotice, modelCard, null);
    }

    public ReportInput(String projectName, Dataset source, Dataset data, List<StepResult> steps, AlertSettings alertSettings,
                       List<ChartSpec> pins, TrainingState training, Experiment.Leaderboard leaderboard,
                       ReportSettings settings, LocalDate today) {
        this(projectName, source, data, steps, alertSettings, pins, training, leaderboard, settings, today, null, null, null);
    }

    public ReportInput {
        steps = steps == null ? List.of() : List.copyOf(steps);
        pins = pins == null ? List.of() : List.copyOf(pins);
        alertSettings = alertSettings == null ? AlertSettings.defaults() : alertSettings;
        settings = settings == null ? ReportSettings.empty() : settings;
        modelCard = modelCard == null ? dev.baton.bundle.ModelCardFields.empty() : modelCard;
    }
}
