package dev.baton.report;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.FillMissing;
import dev.baton.clean.RecipeFiles;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.project.Project;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Experiment;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A realistic project for report tests: penguins_raw.csv cleaned by the sample recipe plus a median fill, three
 * pinned charts, logistic regression and a random forest with 5-fold cross-validation, and the author's words,
 * some of them hostile.
 */
public final class PenguinsReport {

    public static final String HOSTILE = "<script>alert(1)</script>";

    private PenguinsReport() {
    }

    public static Project project() {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), ImportOptions.detect(), Progress.NONE));
        CleaningHistory history = project.history();
        var steps = new java.util.ArrayList<>(RecipeFiles.read(Path.of("sample-data", "penguins.recipe.json")).steps());
        steps.add(dev.baton.clean.RecipeStep.of(new FillMissing(List.of("bill_length_mm"), FillMissing.Method.MEDIAN, null)));
        project.apply(history.compute(steps, "recipe", Progress.NONE));
        project.pin(ChartSpec.histogram("flipper_length_mm", 20).withCaption("Flipper lengths fall into two groups " + HOSTILE));
        project.pin(ChartSpec.bar("species").withCaption("Adelie penguins are the most common."));
        project.pin(ChartSpec.scatter("bill_length_mm", "bill_depth_mm", "species"));
        TrainingSetup setup = new TrainingSetup("species", Task.CLASSIFICATION,
                List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"), 0.2, 5, 42,
                List.of(AlgorithmChoice.of("logistic-regression"), AlgorithmChoice.of("random-forest")), "accuracy");
        project.setLeaderboard(Experiment.run(project.dataset(), setup, Experiment.Listener.NONE, Progress.NONE));
        project.choose("logistic-regression");
        project.setReportSettings(ReportSettings.empty()
                .withTitle("Telling penguin species apart")
                .withAuthor("A. Analyst & Co")
                .withDate("2026-11-20")
                .withSummary("Three species can be told apart from four body measurements.\n\nThe model is ready for a pilot.")
                .withCommentary(Section.LIMITATIONS, "Only three islands were sampled. " + HOSTILE)
                .withCommentary(Section.EXPLORATION, "Bill shape separates the species best."));
        return project;
    }

    /** The project's report input, with a model card whose intended use and contact are written and limitations not. */
    public static ReportInput input() {
        Project project = project();
        project.setModelCard(new dev.baton.bundle.ModelCardFields("Sorting penguin field records by species.", "", "data-team@example.org"));
        return project.reportInput(LocalDate.of(2026, 11, 22));
    }
}
