package dev.baton.bundle;

import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.project.Project;
import dev.baton.train.Algorithms;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every algorithm of the catalog: its bundle, read back, predicts exactly what the workbench predicted on every
 * held-out row (the export's parity check), its golden examples verify, and where the catalog says it exports to
 * ONNX the graph agrees with the Java model through ONNX Runtime.
 */
class AlgorithmFamiliesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "CLASSIFICATION, penguins.csv, species",
        "REGRESSION, auto-mpg.csv, Miles_per_Gallon"
    })
    void everyAlgorithmRoundTripsThroughItsBundle(Task task, String file, String target) throws Exception {
        Project project = new Project();
        project.setData(DatasetReader.read(Path.of("sample-data", file), ImportOptions.detect(), Progress.NONE));
        var algorithms = Bundles.available(task);
        TrainingSetup setup = Bundles.trainEveryAlgorithm(project, task, target);
        for (Algorithms.Algorithm a : algorithms) {
            var request = new BundleExporter.Request("t", project.history().source(), project.dataset(), project.recipe(), setup,
                    project.leaderboard().get(a.id()), project.baseline(), ModelCardFields.empty(), Instant.parse("2026-01-01T00:00:00Z"));
            Path out = dir.resolve(a.id() + ".baton");
            BundleExporter.Report report = BundleExporter.export(request, out, Progress.NONE);
            assertThat(report.parityRows()).as(a.id()).isEqualTo(project.leaderboard().get(a.id()).holdout().size());
            Bundle bundle = Bundle.open(out);
            assertThat(bundle.manifest().onnx()).as(a.id() + " ONNX (" + report.onnxNote() + ")").isEqualTo(a.onnx());
            if (!a.onnx()) {
                // Said in a sentence: Tribuo's own message for a forest quotes every tree (200 kB in a model card).
                assertThat(report.onnxNote()).as(a.id()).hasSizeLessThan(300).contains("ONNX");
                assertThat(bundle.text("MODEL_CARD.md")).as(a.id()).hasSizeLessThan(20_000);
            }
            if (a.onnx()) {
                // The graph is the whole pipeline, raw columns in, and matched the workbench on every held-out and golden row.
                var io = dev.baton.util.Json.mapper().readTree(bundle.entry(BundleFormat.ONNX_IO));
                System.out.printf("%-28s %s %s%n", a.id(), io.path("kind").asText("model"), io.has("parity") ? io.get("parity") : io.path("preparation").asText());
                assertThat(io.path("kind").asText()).as(a.id() + ": " + io.path("preparation").asText()).isEqualTo("pipeline");
                assertThat(io.at("/parity/labelsDiffering").asInt()).as(a.id()).isZero();
                assertThat(io.at("/parity/maxDifference").asDouble()).as(a.id()).isLessThanOrEqualTo(OnnxSupport.PIPELINE_TOLERANCE);
                assertThat(io.at("/parity/rows").asInt()).as(a.id()).isEqualTo(report.parityRows() + report.examples());
                OnnxParity.sameAsTheJavaScorerOnAwkwardRows(bundle, task.toString(), java.util.List.of());
            }
            BundleVerifier.Result verified = BundleVerifier.verify(bundle);
            assertThat(verified.javaDifferences()).as(a.id()).isEmpty();
            assertThat(verified.onnxDifferences()).as(a.id()).isEmpty();
        }
    }
}
