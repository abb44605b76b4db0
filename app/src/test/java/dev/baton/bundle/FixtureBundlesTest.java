package dev.baton.bundle;

import dev.baton.clean.FillMissing;
import dev.baton.clean.RecipeFiles;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.project.Project;
import dev.baton.train.Algorithms;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bundles written by an earlier Baton, one per algorithm of the catalog, checked in under
 * {@code src/test/resources/bundles/}: every later version must open them and score their examples exactly as the
 * version that wrote them did ("baton-bundle/1" is read forever, or a version 2 comes with a reader for 1).
 * Classification bundles carry the sample recipe (text, date and expression steps); regression ones none.
 *
 * <p>To add the bundles of a new format version: {@code mvn test -Dtest=FixtureBundlesTest -Dbaton.fixtures.write=v2}.
 * Within a format version, a folder per change of the models inside: {@code v1} (Tribuo's trainers),
 * {@code v1-fast-training} (Baton's own forests, trees, logistic and linear regression).
 */
class FixtureBundlesTest {

    static final Path ROOT = Path.of("scorer", "src", "test", "resources", "bundles");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(BundleFormat.EXTENSION)).sorted().toList().stream();
        }
    }

    @Test
    void thereIsABundleOfEveryAlgorithmOfFormatVersionOne() throws IOException {
        List<String> names = fixtures().filter(f -> f.getParent().getFileName().toString().equals("v1"))
                .map(f -> f.getFileName().toString()).toList();
        assertThat(names).hasSize(19).contains("classification-xgboost.baton", "regression-knn.baton", "classification-libsvm-rbf.baton");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void anOldBundleOpensAndScoresItsExamplesAsWhenItWasWritten(Path file) throws IOException {
        Bundle bundle = Bundle.open(file);
        BundleVerifier.Result verified = BundleVerifier.verify(bundle);
        assertThat(verified.rows()).isPositive();
        assertThat(verified.javaDifferences()).isEmpty();
        assertThat(verified.onnxDifferences()).isEmpty();
        // The same again as an engineer's batch, CSV in and out, against the expected file the bundle carries.
        StringWriter out = new StringWriter();
        Violations violations = new Violations();
        BatchScoring.csv(bundle.scorer(), new java.io.ByteArrayInputStream(bundle.entry(BundleFormat.EXAMPLES_INPUT)), out, violations, Progress.NONE);
        assertThat(out.toString().lines().count()).isEqualTo(bundle.text(BundleFormat.EXAMPLES_EXPECTED).lines().count());
    }

    @Test
    @EnabledIfSystemProperty(named = "baton.fixtures.write", matches = "v\\d+(-[a-z0-9-]+)?")
    void writeFixtures() throws IOException {
        Path dir = ROOT.resolve(System.getProperty("baton.fixtures.write"));
        Files.createDirectories(dir);
        write(penguins(), Task.CLASSIFICATION, "species", dir);
        Project mpg = new Project();
        mpg.setData(DatasetReader.read(Path.of("sample-data", "auto-mpg.csv"), ImportOptions.detect(), Progress.NONE));
        write(mpg, Task.REGRESSION, "Miles_per_Gallon", dir);
    }

    /** penguins_raw.csv cleaned by the sample recipe and a median fill, as in the sample project. */
    private static Project penguins() {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), ImportOptions.detect(), Progress.NONE));
        var steps = new java.util.ArrayList<>(RecipeFiles.read(Path.of("sample-data", "penguins.recipe.json")).steps());
        steps.add(dev.baton.clean.RecipeStep.of(new FillMissing(List.of("bill_length_mm"), FillMissing.Method.MEDIAN, null)));
        project.apply(project.history().compute(steps, "recipe", Progress.NONE));
        return project;
    }

    private static void write(Project project, Task task, String target, Path dir) throws IOException {
        var algorithms = Bundles.available(task);
        TrainingSetup setup = Bundles.trainEveryAlgorithm(project, task, target);
        for (Algorithms.Algorithm a : algorithms) {
            var request = new BundleExporter.Request("fixture " + a.id(), project.history().source(), project.dataset(), project.recipe(),
                    setup, project.leaderboard().get(a.id()), project.baseline(),
                    new ModelCardFields("A test fixture: read by every later Baton.", "Sample data only.", "baton@example.org"),
                    Instant.parse("2026-12-07T00:00:00Z"));
            BundleExporter.export(request, dir.resolve(task.name().toLowerCase(java.util.Locale.ROOT) + "-" + a.id() + BundleFormat.EXTENSION),
                    Progress.NONE);
        }
    }
}
