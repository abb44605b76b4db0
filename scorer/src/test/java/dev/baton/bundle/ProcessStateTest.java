package dev.baton.bundle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorer is embedded in other people's services: opening and scoring a bundle must leave system properties,
 * logging and the process's defaults as they were. Checked in a fresh JVM, where nothing else has run first, with
 * the scorer's own class path (no workbench on it).
 */
class ProcessStateTest {

    @Test
    void scoringLeavesTheEmbeddingProcessAsItFoundIt() throws Exception {
        Path bundle = FixtureScoringTest.ROOT.resolve("v1-fast-training").resolve("classification-logistic-regression.baton");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ProcessStateProbe.class.getName(), bundle.toString())).redirectErrorStream(true).start();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(output).isZero();
        long examples = Bundle.open(bundle).text(BundleFormat.EXAMPLES_INPUT).lines().count() - 1;
        assertThat(output).contains("scored " + examples + " rows").endsWith("state unchanged\n");
    }
}
