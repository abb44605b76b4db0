package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.project.Project;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline in one ONNX graph when the recipe has steps: the penguins project renames columns, lower-cases
 * Sex, takes the year of a date and fills missing bill lengths with their median, and the graph does all of it from
 * the raw columns. A step without an ONNX form leaves the model-only graph, with the step named.
 */
class OnnxPipelineTest {

    @TempDir
    Path dir;

    /** The project's model exported; its ONNX graph must be the whole pipeline (else the reason it is not). */
    private Bundle exportWithPipeline(Project project, String algorithm, String prefix) throws Exception {
        Path file = dir.resolve(prefix + algorithm + ".baton");
        BundleExporter.Report report = BundleExporter.export(Bundles.request(project, algorithm), file, Progress.NONE);
        Bundle bundle = Bundle.open(file);
        assertThat(bundle.manifest().onnx()).as(report.onnxSummary()).isTrue();
        JsonNode io = Json.mapper().readTree(bundle.entry(BundleFormat.ONNX_IO));
        assertThat(io.path("kind").asText()).as(algorithm + ": " + io.path("preparation").asText()).isEqualTo("pipeline");
        return bundle;
    }

    /** Logistic regression and a random forest on the project's data (holdout 0.2, no folds, seed 42). */
    private static void trainBoth(Project project, String target, List<String> features) {
        var setup = new dev.baton.train.TrainingSetup(target, dev.baton.train.Task.CLASSIFICATION, features, 0.2, 0, 42,
                List.of(dev.baton.train.AlgorithmChoice.of("logistic-regression"), dev.baton.train.AlgorithmChoice.of("random-forest")), "accuracy");
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
    }

    @Test
    void theRecipesStepsAreInTheGraph() throws Exception {
        Project project = dev.baton.report.PenguinsReport.project();
        // The year the recipe takes from Date Egg as a feature too.
        trainBoth(project, "species", List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"));
        for (String algorithm : List.of("logistic-regression", "random-forest")) {
            Bundle bundle = exportWithPipeline(project, algorithm, "");
            JsonNode io = Json.mapper().readTree(bundle.entry(BundleFormat.ONNX_IO));
            // Inputs are the raw columns by their raw names, in the contract's order; outputs in the contract's class order.
            assertThat(io.get("inputs").findValuesAsText("name")).isEqualTo(bundle.contract().inputNames());
            assertThat(io.get("classes").findValuesAsText("classes")).isEmpty();
            assertThat(List.of(io.get("classes").get(0).asText(), io.get("classes").get(1).asText(), io.get("classes").get(2).asText()))
                    .isEqualTo(bundle.contract().classes());
            assertThat(io.at("/parity/labelsDiffering").asInt()).isZero();
            assertThat(io.at("/parity/maxDifference").asDouble()).isLessThanOrEqualTo(1e-5);
            OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, algorithm, List.of(
                    Map.of("Sex", "male"), Map.of("Sex", "Male"), Map.of("Sex", "FEMALE"), Map.of("Sex", "fEmAlE"), Map.of("Sex", "NA"),
                    Map.of("Sex", "\u212Aale"),                       // the Kelvin sign lower-cases to k: no level either way
                    Map.of("Island", "biscoe"),                        // Island is not lower-cased: unseen
                    Map.of("Date Egg", "2008-12-31"), Map.of("Date Egg", "2009-01-01"), Map.of("Date Egg", "1999-03-01"),
                    Map.of("Date Egg", "2000-02-29"), Map.of("Date Egg", "1969-12-31"),
                    Map.of("Culmen Length (mm)", "N/A")));            // filled with the recipe's median, then the preparation's
            BundleVerifier.Result verified = BundleVerifier.verify(bundle);
            assertThat(verified.onnxChecked()).isTrue();
            assertThat(verified.onnxDifferences()).isEmpty();
            assertThat(verified.onnxWhat()).contains("whole pipeline");
        }
    }

    @Test
    void numberAndCategoryStepsAreInTheGraph() throws Exception {
        Project project = dev.baton.report.PenguinsReport.project();
        var steps = new java.util.ArrayList<>(project.recipe().steps());
        for (dev.baton.clean.Operation op : List.of(
                dev.baton.clean.Clip.quantiles("flipper_length_mm", 0.05, 0.95),
                new dev.baton.clean.Standardize("body_mass_g"),
                new dev.baton.clean.LogTransform("bill_depth_mm", "10", true, "log_depth"),
                new dev.baton.clean.MissingIndicator("sex", "sex_missing"),
                new dev.baton.clean.MapValues("island", Map.of("Torgersen", "T", "Dream", "D"), false),
                new dev.baton.clean.MergeRare("island", 60, null, null),
                new dev.baton.clean.MergeValues("island", Map.of("D", "Dream again")),
                new dev.baton.clean.BinNumbers("bill_length_mm", List.of(30.0, 40.0, 45.0, 50.0, 60.0), null, "length_bin"),
                new dev.baton.clean.BinNumbers("body_mass_g", null, 4, "mass_bin"))) {
            steps.add(dev.baton.clean.RecipeStep.of(op));
        }
        project.apply(project.history().compute(steps, "more steps", Progress.NONE));
        assertThat(project.dataset().table().stringColumn("island").unique().asList()).containsExactlyInAnyOrder("Biscoe", "Dream again", "Other");
        trainBoth(project, "species", List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "log_depth", "sex_missing",
                        "length_bin", "mass_bin"));
        for (String algorithm : List.of("logistic-regression", "random-forest")) {
            Bundle bundle = exportWithPipeline(project, algorithm, "steps-");
            OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, algorithm, List.of(
                    Map.of("Island", "Torgersen"), Map.of("Island", "Dream"), Map.of("Island", "Biscoe"), Map.of("Island", "T"),
                    Map.of("Culmen Depth (mm)", "-1"), Map.of("Culmen Depth (mm)", "-0.5"), Map.of("Culmen Depth (mm)", "0"),
                    Map.of("Flipper Length (mm)", "100"), Map.of("Flipper Length (mm)", "300"), Map.of("Sex", ""),
                    Map.of("Culmen Length (mm)", "25"), Map.of("Culmen Length (mm)", "45"), Map.of("Culmen Length (mm)", "59.9"),
                    Map.of("Culmen Length (mm)", "70"), Map.of("Body Mass (g)", "1000"), Map.of("Body Mass (g)", "9000")));
            assertThat(BundleVerifier.verify(bundle).onnxDifferences()).isEmpty();
        }
    }

    /** Derived columns: arithmetic, comparisons, three-valued logic, text equality and the number functions, missing values throughout. */
    @Test
    void expressionsAreInTheGraph() throws Exception {
        Project project = dev.baton.report.PenguinsReport.project();
        var steps = new java.util.ArrayList<>(project.recipe().steps());
        for (String[] derived : new String[][]{
            {"ratio", "bill_length_mm / bill_depth_mm * 10"},
            {"heavy", "body_mass_g > 4500 and not (island == 'Biscoe') or isMissing(flipper_length_mm)"},
            {"size", "if(flipper_length_mm >= 200, max(body_mass_g, 4000), coalesce(null, abs(-1 * body_mass_g) % 1000))"},
            {"mix", "log(body_mass_g, 10) + sqrt(flipper_length_mm) - exp(0) + pow(2, 3) + floor(bill_length_mm) - ceil(bill_depth_mm) + min(1, 2, 3)"},
            {"whole", "floor(bill_length_mm)"},
            {"unknown", "body_mass_g > 5000 or null"}}) {
            steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.DeriveColumn(derived[0], derived[1])));
        }
        // Integers from decimals: whole values stay, the rest become missing.
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeType("ratio", dev.baton.data.ColumnType.INTEGER)));
        project.apply(project.history().compute(steps, "derived", Progress.NONE));
        trainBoth(project, "species", List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "ratio", "heavy", "size", "mix",
                        "whole", "unknown"));
        for (String algorithm : List.of("logistic-regression", "random-forest")) {
            Bundle bundle = exportWithPipeline(project, algorithm, "derived-");
            OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, algorithm, List.of(
                    Map.of("Culmen Depth (mm)", "0"), Map.of("Culmen Depth (mm)", "-0"), Map.of("Body Mass (g)", "4500"),
                    Map.of("Body Mass (g)", "4501"), Map.of("Body Mass (g)", "-1000"), Map.of("Body Mass (g)", "0"),
                    Map.of("Flipper Length (mm)", "200"), Map.of("Flipper Length (mm)", "199"), Map.of("Island", "Biscoe"),
                    Map.of("Island", "Dream", "Body Mass (g)", "6000"), Map.of("Culmen Length (mm)", "40", "Culmen Depth (mm)", "20")));
            assertThat(BundleVerifier.verify(bundle).onnxDifferences()).isEmpty();
        }
    }

    /** Trimmed texts compare as Java's strip() leaves them; a text of nothing but spaces becomes missing. */
    @Test
    void trimmedTextsAreInTheGraph() throws Exception {
        Project project = dev.baton.report.PenguinsReport.project();
        var steps = new java.util.ArrayList<>(project.recipe().steps());
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.TrimText(List.of("island", "sex"))));
        project.apply(project.history().compute(steps, "trim", Progress.NONE));
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), project.trainingSetup(), dev.baton.train.Experiment.Listener.NONE,
                Progress.NONE));
        Bundle bundle = exportWithPipeline(project, "logistic-regression", "trim-");
        OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, "trim", List.of(
                Map.of("Island", "  Biscoe "), Map.of("Island", "\tDream\u3000"), Map.of("Island", "   "), Map.of("Island", "\u00A0Biscoe"),
                Map.of("Sex", " MALE "), Map.of("Sex", "\u2003female\n"), Map.of("Sex", " \t ")));
    }

    /** Every part of a date, by civil-from-days arithmetic in the graph, against java.time on leap days and year ends. */
    @Test
    void datePartsAreInTheGraph() throws Exception {
        Project project = new Project();
        project.setData(dev.baton.data.DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), dev.baton.data.ImportOptions.detect(),
                Progress.NONE));
        var steps = new java.util.ArrayList<dev.baton.clean.RecipeStep>();
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ExtractText("Species", dev.baton.clean.ExtractText.Mode.FIRST_WORD, null, null, null)));
        List<String> features = new java.util.ArrayList<>(List.of("Culmen Length (mm)"));
        for (dev.baton.clean.DatePart.Part part : dev.baton.clean.DatePart.Part.values()) {
            String name = "egg_" + part.name().toLowerCase(java.util.Locale.ROOT);
            steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.DatePart("Date Egg", part, name)));
            features.add(name);
        }
        project.apply(project.history().compute(steps, "date parts", Progress.NONE));
        trainBoth(project, "Species", features);
        for (String algorithm : List.of("logistic-regression", "random-forest")) {
            Bundle bundle = exportWithPipeline(project, algorithm, "dates-");
            List<Map<String, String>> dates = new java.util.ArrayList<>();
            for (String d : List.of("2008-02-29", "2008-03-01", "2008-12-31", "2009-01-01", "2000-02-29", "1900-03-01", "1969-12-31",
                    "1970-01-01", "2100-12-31", "1600-01-01", "2024-06-15")) {
                dates.add(Map.of("Date Egg", d));
            }
            OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, algorithm, dates);
        }
    }

    /**
     * Text steps and derived texts and dates: combined columns (a yes/no among them), split columns (literal separators,
     * pieces stripped), lower/upper/trim pending until compared, concatenation, coalesce, if, contains, startsWith,
     * endsWith, and date functions and comparisons with quoted dates.
     */
    @Test
    void textAndDateExpressionsAreInTheGraph() throws Exception {
        Project project = new Project();
        project.setData(dev.baton.data.DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), dev.baton.data.ImportOptions.detect(),
                Progress.NONE));
        var steps = new java.util.ArrayList<dev.baton.clean.RecipeStep>();
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ExtractText("Species", dev.baton.clean.ExtractText.Mode.FIRST_WORD, null, null, null)));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.CombineColumns(List.of("Island", "Clutch Completion"), " / ", "island_clutch")));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.SplitColumn("island_clutch", " / ", false, List.of("isl", "clutch"), true)));
        // First words, compared with the learned ones by a pattern around the raw text (and lower-cased after the cut).
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ExtractText("Stage", dev.baton.clean.ExtractText.Mode.FIRST_WORD, null, null, "stage_word")));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ExtractText("Comments", dev.baton.clean.ExtractText.Mode.FIRST_WORD, null, null, "comment_word")));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeCase(List.of("comment_word"), dev.baton.clean.ChangeCase.Case.LOWER)));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.SplitColumn("Stage", ",", false, List.of("stage_age", "stage_eggs"), false)));
        // Yes/no written as text and read back ("true" and "false" are among the words the readers take).
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeType("clutch", dev.baton.data.ColumnType.CATEGORICAL)));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeType("clutch", dev.baton.data.ColumnType.BOOLEAN)));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeType("isl", dev.baton.data.ColumnType.TEXT)));
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.ChangeType("isl", dev.baton.data.ColumnType.CATEGORICAL)));
        for (String[] derived : new String[][]{
            {"isl_lower", "lower(Island)"},
            {"first", "firstWord(upper(Comments))"},
            {"first_is", "lower(firstWord(Comments)) == 'not' or stage_word == 'Adult,'"},
            {"isl_trim", "trim(upper(if(`Body Mass (g)` > 6000, ' \t ', Island)))"},  // a pending trim that empties a text
            {"isl_sex", "Island + '-' + Sex"},
            {"sex_or", "coalesce(Sex, null, 'unknown')"},
            {"heavy_island", "if(`Body Mass (g)` > 4000, Island, 'light')"},
            {"texty", "contains(Island, 'ream') or startsWith(studyName, 'PAL07') or endsWith(Sex, 'MALE') and lower(Island) == 'biscoe' "
                    + "or trim(upper(Island)) != 'TORGERSEN'"},
            {"joined", "concat(studyName, null, Region)"},
            {"egg_late", "`Date Egg` >= '2008-06-01'"},
            {"egg_parts", "year(`Date Egg`) + month(`Date Egg`) / 100 + day(`Date Egg`) / 10000 + weekday(`Date Egg`) * 1000"},
            {"egg_date", "date(`Date Egg`)"},
            {"egg_span", "daysBetween(`Date Egg`, egg_date) + daysBetween(egg_date, if(egg_late, egg_date, null))"}}) {
            steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.DeriveColumn(derived[0], derived[1])));
        }
        steps.add(dev.baton.clean.RecipeStep.of(new dev.baton.clean.DatePart("egg_date", dev.baton.clean.DatePart.Part.MONTH, "egg_date_month")));
        project.apply(project.history().compute(steps, "texts and dates", Progress.NONE));
        assertThat(project.dataset().table().column("stage_eggs").unique().asStringColumn().asList()).containsExactly("1 Egg Stage");
        assertThat(project.dataset().table().column("clutch").type().name()).isEqualTo("BOOLEAN");
        trainBoth(project, "Species", List.of("Culmen Length (mm)", "isl", "clutch", "stage_eggs", "stage_word", "comment_word", "first",
                "first_is", "isl_lower", "isl_trim", "isl_sex", "sex_or", "heavy_island", "texty", "joined", "egg_late", "egg_parts", "egg_span",
                "egg_date_month"));
        for (String algorithm : List.of("logistic-regression", "random-forest")) {
            Bundle bundle = exportWithPipeline(project, algorithm, "texts-");
            OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, algorithm, List.of(
                    Map.of("Island", "Dream"), Map.of("Island", "dream"), Map.of("Island", "  Torgersen\t"), Map.of("Island", "torgersen"),
                    Map.of("Island", "BISCOE"), Map.of("Island", "Dream / Yes"), Map.of("Island", " / "), Map.of("Island", "   "),
                    Map.of("Island", "\u2003"),
                    Map.of("Clutch Completion", "No"), Map.of("Clutch Completion", "Yes"), Map.of("Clutch Completion", ""),
                    Map.of("Clutch Completion", "YES"), Map.of("Clutch Completion", " n "), Map.of("Clutch Completion", "false"),
                    Map.of("Island", "", "Clutch Completion", ""),
                    Map.of("Stage", "Adult"), Map.of("Stage", "Adult,"), Map.of("Stage", ", 1 Egg Stage"), Map.of("Stage", "Adult, 1 Egg Stage, more"),
                    Map.of("Stage", "Adult,  1 Egg Stage  "), Map.of("Stage", ","), Map.of("Stage", "  Adult,"), Map.of("Stage", "Adult,\t"),
                    Map.of("Stage", "Adult,\t x"), Map.of("Stage", "Adult,\tx"), Map.of("Stage", "\u2003Adult, 1"), Map.of("Stage", " \t Adult, 1"),
                    Map.of("Comments", "Not enough blood"), Map.of("Comments", "  NOT\tenough "), Map.of("Comments", "Nest\t never"),
                    Map.of("Comments", "\tNest"), Map.of("Comments", " \u2003 No x"), Map.of("Comments", "Not\t"), Map.of("Comments", "Not\t x"),
                    Map.of("Comments", "Adult"), Map.of("Comments", "adult not"), Map.of("Comments", "   "),
                    Map.of("Sex", "FEMALE"), Map.of("Sex", "MALE"), Map.of("Sex", ""), Map.of("Sex", "male"),
                    Map.of("studyName", "PAL0708"), Map.of("studyName", "pal0708"), Map.of("studyName", "PAL0910", "Region", ""),
                    Map.of("Body Mass (g)", "4000"), Map.of("Body Mass (g)", "4001", "Island", ""), Map.of("Body Mass (g)", "6001"),
                    Map.of("Date Egg", "2008-06-01"), Map.of("Date Egg", "2008-05-31"), Map.of("Date Egg", "2000-02-29"),
                    Map.of("Date Egg", "1969-12-31")));
            assertThat(BundleVerifier.verify(bundle).onnxDifferences()).isEmpty();
        }
    }

    /** A raw column named like one of the graph's outputs would make an invalid graph: the model-only graph, and why. */
    @Test
    void aColumnNamedLikeAnOutputSaysSo() throws Exception {
        Path csv = dir.resolve("labelled.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(Path.of("sample-data", "penguins.csv")));
        lines.set(0, lines.get(0).replace("island", "label"));
        java.nio.file.Files.write(csv, lines);
        Project project = new Project();
        project.setData(dev.baton.data.DatasetReader.read(csv, dev.baton.data.ImportOptions.detect(), Progress.NONE));
        var setup = new dev.baton.train.TrainingSetup("species", dev.baton.train.Task.CLASSIFICATION,
                List.of("label", "bill_length_mm", "bill_depth_mm"), 0.2, 0, 42, List.of(dev.baton.train.AlgorithmChoice.of("logistic-regression")),
                "accuracy");
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
        Path file = dir.resolve("labelled.baton");
        BundleExporter.Report report = BundleExporter.export(Bundles.request(project, "logistic-regression"), file, Progress.NONE);
        assertThat(report.onnxSummary()).contains("the model alone").contains("'label' has the name of one of the graph's own tensors");
        assertThat(BundleVerifier.verify(Bundle.open(file)).onnxDifferences()).isEmpty();
    }

    /** Steps the standard operators cannot express: the model-only graph, and the step named with the reason in words. */
    @Test
    void aStepWithoutAnOnnxFormLeavesTheModelGraphAndSaysWhichStepAndWhy() throws Exception {
        Map<dev.baton.clean.Operation, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put(new dev.baton.clean.ChangeCase(List.of("island"), dev.baton.clean.ChangeCase.Case.TITLE), "change-case): title case");
        reasons.put(new dev.baton.clean.ReplaceText("island", "o", "0", false), "replace-text): no standard ONNX operator replaces part of a text");
        reasons.put(new dev.baton.clean.ExtractText("island", dev.baton.clean.ExtractText.Mode.REGEX, "(\\w+)", 1, null),
                "extract): no standard ONNX operator returns a pattern's group");
        reasons.put(new dev.baton.clean.RoundNumbers("bill_length_mm", 0), "round): the step rounds half up");
        reasons.put(new dev.baton.clean.ChangeType("flipper_length_mm", dev.baton.data.ColumnType.CATEGORICAL), "Cast to text does not write numbers as Java does");
        reasons.put(new dev.baton.clean.DeriveColumn("island", "island + length(island)", true), "measures a text's length");
        for (var reason : reasons.entrySet()) {
            Project project = dev.baton.report.PenguinsReport.project();
            var steps = new java.util.ArrayList<>(project.recipe().steps());
            steps.add(dev.baton.clean.RecipeStep.of(reason.getKey()));
            project.apply(project.history().compute(steps, "one more step", Progress.NONE));
            project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), project.trainingSetup(), dev.baton.train.Experiment.Listener.NONE,
                    Progress.NONE));
            Path file = dir.resolve("without.baton");
            BundleExporter.export(Bundles.request(project, "logistic-regression"), file, Progress.NONE);
            Bundle bundle = Bundle.open(file);
            assertThat(bundle.manifest().onnx()).isTrue();
            JsonNode io = Json.mapper().readTree(bundle.entry(BundleFormat.ONNX_IO));
            assertThat(io.has("kind")).isFalse();
            assertThat(io.get("preparation").asText()).contains("No graph of the whole pipeline").contains(reason.getValue());
            assertThat(BundleVerifier.verify(bundle).onnxDifferences()).isEmpty();
        }
    }
}
