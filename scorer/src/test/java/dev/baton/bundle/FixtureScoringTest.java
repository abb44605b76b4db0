package dev.baton.bundle;

import dev.baton.util.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checked-in bundles, one per algorithm family, scored with nothing but the scorer and what it brings (the
 * optional XGBoost and ONNX Runtime left out): every golden example gives the output the workbench gave it when the
 * bundle was exported; an XGBoost bundle is refused in words that say what to add.
 */
class FixtureScoringTest {

    static final Path ROOT = Path.of("scorer", "src", "test", "resources", "bundles");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(BundleFormat.EXTENSION)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFamilyScoresItsGoldenExamplesAsTheWorkbenchDid(Path file) throws IOException {
        if (file.getFileName().toString().contains("xgboost")) {
            assertThatThrownBy(() -> Bundle.open(file)).isInstanceOf(BundleException.class)
                    .hasMessageContaining("XGBoost is not on the class path").hasMessageContaining("tribuo-classification-xgboost");
            return;
        }
        Bundle bundle = Bundle.open(file);
        BundleVerifier.Result verified = BundleVerifier.verify(bundle);
        assertThat(verified.rows()).isGreaterThanOrEqualTo(40);
        assertThat(verified.javaDifferences()).isEmpty();
        assertThat(verified.onnxChecked()).isFalse();
        if (bundle.entry(BundleFormat.ONNX) != null) {
            assertThat(verified.onnxNote()).contains("ONNX Runtime is not on the class path", "org.tribuo:tribuo-onnx");
        }
        StringWriter out = new StringWriter();
        BatchScoring.csv(bundle.scorer(), new java.io.ByteArrayInputStream(bundle.entry(BundleFormat.EXAMPLES_INPUT)), out, new Violations(), Progress.NONE);
        assertThat(out.toString().lines().count()).isEqualTo(bundle.text(BundleFormat.EXAMPLES_EXPECTED).lines().count());
    }
}
