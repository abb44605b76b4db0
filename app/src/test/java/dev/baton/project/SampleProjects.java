package dev.baton.project;

import dev.baton.bundle.ModelCardFields;
import dev.baton.clean.CleaningHistory;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.DropColumns;
import dev.baton.clean.DropMissingRows;
import dev.baton.clean.RecipeFiles;
import dev.baton.clean.RecipeStep;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.explore.Correlations;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.report.ReportSettings;
import dev.baton.report.Section;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sample projects shipped in sample-data/ (run from the repository root:
 * {@code java -cp "target/classes:target/test-classes:target/lib/*" dev.baton.project.SampleProjects}).
 * Everything in them comes from the sample data through Baton's own steps; only the words are written here.
 */
public final class SampleProjects {

    private SampleProjects() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of("sample-data");
        save(penguins(samples), samples.resolve("penguins.baton-project"));
        save(autoMpg(samples), samples.resolve("auto-mpg.baton-project"));
    }

    static void save(Project p, Path folder) throws Exception {
        ProjectStore.save(p.toFile().withName(ProjectStore.nameOf(folder)), folder, p.leaderboard().models());
        System.out.println("Wrote " + folder);
    }

    /** A forest small enough to keep in the repository (a default one of 406 cars is 5 MB of protobuf). */
    static AlgorithmChoice smallForest() {
        return new AlgorithmChoice("random-forest", java.util.Map.of("trees", 50.0, "maxDepth", 8.0), null);
    }

    static Project penguins(Path samples) {
        Project p = new Project();
        p.setData(DatasetReader.read(samples.resolve("penguins_raw.csv"), ImportOptions.detect(), Progress.NONE));
        CleaningHistory history = p.history();
        p.apply(history.compute(RecipeFiles.read(samples.resolve("penguins.recipe.json")).steps(), "Apply the penguins recipe", Progress.NONE));
        p.pin(ChartSpec.histogram("flipper_length_mm", 30).withCaption("Flipper lengths form two groups: Gentoo penguins have the longest."));
        p.pin(ChartSpec.bar("species").withCaption("Adelie is the most common species in the sample, Chinstrap the rarest."));
        p.pin(ChartSpec.scatter("bill_length_mm", "bill_depth_mm", "species")
                .withCaption("Bill length and depth together separate the three species almost perfectly."));
        p.pin(ChartSpec.box("body_mass_g", "species").withCaption("Gentoo penguins are the heaviest."));
        TrainingSetup setup = new TrainingSetup("species", Task.CLASSIFICATION, Features.included(Features.suggest(p.dataset(), "species")),
                0.2, 5, 42, List.of(AlgorithmChoice.of("logistic-regression"), smallForest(), AlgorithmChoice.of("cart")),
                "accuracy");
        p.setLeaderboard(Experiment.run(p.dataset(), setup, Experiment.Listener.NONE, Progress.NONE));
        p.choose("logistic-regression");
        p.setReportSettings(ReportSettings.empty()
                .withTitle("Telling penguin species apart")
                .withAuthor("Baton sample project")
                .withSummary("Body measurements taken in the field are enough to tell Adelie, Chinstrap and Gentoo penguins apart. "
                        + "A logistic regression on bill, flipper and body-mass measurements, island and sex classifies held-out birds "
                        + "almost without error.\n\nThe model is simple enough to explain and is ready for a pilot on new field records.")
                .withCommentary(Section.DATA, "The Palmer Station LTER field records (Gorman, Williams and Fraser, 2014), as published in the "
                        + "palmerpenguins package.")
                .withCommentary(Section.EXPLORATION, "Bill shape is the clearest signal: Chinstrap and Adelie penguins share flipper lengths "
                        + "but differ in bill length.")
                .withCommentary(Section.MODELLING, "Logistic regression and the random forest are equally good here (the difference is not "
                        + "significant); the simpler model was chosen.")
                .withCommentary(Section.LIMITATIONS, "Birds from three islands and three seasons (2007-2009) only. Sex is missing for a few "
                        + "birds; the model treats that as its own category.\n\nNext: check the model on the 2010 season before relying on it."));
        p.setModelCard(new ModelCardFields("Assigning a species to field records of Adelie, Chinstrap and Gentoo penguins measured on "
                + "the Palmer Archipelago, where the species was not recorded.",
                "Only the three species and islands of the training data; other species get one of the three labels. Not validated on "
                        + "birds measured by other teams or instruments.", "Baton sample project (replace with the owner's address)"));
        return p;
    }

    static Project autoMpg(Path samples) {
        Project p = new Project();
        p.setData(DatasetReader.read(samples.resolve("auto-mpg.csv"), ImportOptions.detect(), Progress.NONE));
        CleaningHistory history = p.history();
        List<RecipeStep> steps = new ArrayList<>();
        steps.add(RecipeStep.of(new DropMissingRows(List.of("Miles_per_Gallon"))));
        steps.add(RecipeStep.of(new DatePart("Year", DatePart.Part.YEAR, "model_year")));
        steps.add(RecipeStep.of(new DeriveColumn("power_to_weight", "Horsepower / Weight_in_lbs * 1000")));
        steps.add(RecipeStep.of(new DropColumns(List.of("Name", "Year"))));
        p.apply(history.compute(steps, "Prepare the cars", Progress.NONE));
        p.pin(ChartSpec.scatter("Weight_in_lbs", "Miles_per_Gallon", "Origin").withCaption("Heavier cars use more fuel, whatever their origin."));
        p.pin(ChartSpec.histogram("Miles_per_Gallon", 25).withCaption("Fuel economy ranges from 9 to 47 miles per gallon."));
        p.pin(ChartSpec.heatmap(Correlations.Measure.PEARSON).withCaption("Weight, displacement, horsepower and cylinders move together."));
        TrainingSetup setup = new TrainingSetup("Miles_per_Gallon", Task.REGRESSION,
                Features.included(Features.suggest(p.dataset(), "Miles_per_Gallon")), 0.2, 5, 42,
                List.of(AlgorithmChoice.of("linear-regression"), smallForest(), AlgorithmChoice.of("elastic-net")), "r2");
        p.setLeaderboard(Experiment.run(p.dataset(), setup, Experiment.Listener.NONE, Progress.NONE));
        p.choose("random-forest");
        p.setReportSettings(ReportSettings.empty()
                .withTitle("What drives fuel economy")
                .withAuthor("Baton sample project")
                .withSummary("Weight, engine power and model year explain most of the variation in fuel economy of cars from 1970 to "
                        + "1982. A random forest predicts held-out cars' miles per gallon to within about two miles per gallon on average.")
                .withCommentary(Section.LIMITATIONS, "Cars from 1970-1982 only; modern engines are far more efficient, so the model must not "
                        + "be used for current cars."));
        p.setModelCard(new ModelCardFields("Estimating the fuel economy of 1970s and early-1980s cars from their specifications.",
                "Cars outside 1970-1982 or outside the weight and power ranges seen in training.", "Baton sample project"));
        return p;
    }
}
