package dev.baton.bundle;

import dev.baton.project.Project;
import dev.baton.report.PenguinsReport;
import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundleExportTest {

    @TempDir
    static Path dir;
    static Project project;
    static BundleExporter.Report report;
    static Bundle bundle;

    @BeforeAll
    static void export() throws Exception {
        project = PenguinsReport.project();
        report = BundleExporter.export(Bundles.request(project, "logistic-regression"), dir.resolve("penguins.baton"), Progress.NONE);
        bundle = Bundle.open(dir.resolve("penguins.baton"));
        // Kept for a look by eye.
        java.nio.file.Files.createDirectories(Path.of("target", "bundles"));
        java.nio.file.Files.copy(dir.resolve("penguins.baton"), Path.of("target", "bundles", "penguins.baton"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void everyEntryIsThere() {
        assertThat(bundle.entryNames()).contains(BundleFormat.MANIFEST, BundleFormat.MODEL, BundleFormat.PREPARATION, BundleFormat.CONTRACT,
                BundleFormat.RECIPE, BundleFormat.METRICS, BundleFormat.REFERENCE_PROFILE, BundleFormat.EXAMPLES_INPUT,
                BundleFormat.EXAMPLES_EXPECTED, BundleFormat.PROVENANCE, BundleFormat.MODEL_CARD, BundleFormat.ONNX, BundleFormat.ONNX_IO);
        assertThat(report.parityRows()).isEqualTo(69);
        assertThat(report.examples()).isBetween(50, 69);
        assertThat(bundle.manifest().onnx()).isTrue();
    }

    @Test
    void theContractAsksForTheRawColumnsTheModelNeedsAndNotTheTarget() {
        // penguins_raw.csv names: the recipe renames them; species (the target) and unused columns are not asked for.
        assertThat(bundle.contract().inputNames()).containsExactlyInAnyOrder("Island", "Culmen Length (mm)", "Culmen Depth (mm)",
                "Flipper Length (mm)", "Body Mass (g)", "Sex");
        assertThat(bundle.contract().input("Island").categories()).containsExactly("Biscoe", "Dream", "Torgersen");
        assertThat(bundle.contract().classes()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(bundle.recipe().steps()).extracting(s -> s.operation().describe())
                .noneMatch(d -> d.contains("Species")).anyMatch(d -> d.contains("median (44.45)"));
    }

    @Test
    void goldenExamplesVerifyWithJavaAndOnnx() {
        BundleVerifier.Result r = BundleVerifier.verify(bundle);
        assertThat(r.javaDifferences()).isEmpty();
        assertThat(r.onnxChecked()).isTrue();
        assertThat(r.onnxDifferences()).isEmpty();
        assertThat(r.rows()).isEqualTo(report.examples());
    }

    @Test
    void oneRawRecordScoresAsTheWorkbenchDid() {
        // Row 1 of penguins_raw.csv: an Adelie from Torgersen.
        Scorer.Output out = bundle.scorer().score(Map.of("Island", "Torgersen", "Culmen Length (mm)", 39.1, "Culmen Depth (mm)", 18.7,
                "Flipper Length (mm)", 181, "Body Mass (g)", 3750, "Sex", "MALE"));
        assertThat(out.label()).isEqualTo("Adelie");
        assertThat(out.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(out.probabilities().get("Adelie")).isGreaterThan(0.9);
    }
}
