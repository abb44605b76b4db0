package dev.baton.bundle;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorer's tests run on what an engineer's project gets from it (its classes and their dependencies, XGBoost and
 * ONNX Runtime left out): none of the workbench's libraries, and at most 15 MB of jars.
 */
class ScorerClosureTest {

    /** Jars on the test class path that come from the test tools, not from the scorer. */
    private static final List<String> TEST_TOOLS = List.of("junit", "assertj", "opentest4j", "apiguardian", "byte-buddy", "surefire");

    private static List<Path> jars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.toString().endsWith(".jar"))
                .filter(p -> TEST_TOOLS.stream().noneMatch(t -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains(t)))
                .toList();
    }

    @Test
    void theScorerBringsNoneOfTheWorkbenchsLibraries() {
        List<String> names = jars().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).isNotEmpty().noneMatch(n -> n.matches("(?i).*(tablesaw|fastutil|javafx|controlsfx|poi|pdfbox|openhtmltopdf|batik|"
                + "duckdb|picocli|onnxruntime|xgboost|jline|opencsv).*"));
        assertThat(names).anyMatch(n -> n.startsWith("tribuo-core")).anyMatch(n -> n.startsWith("jackson-databind"));
    }

    @Test
    void itsClosureIsAtMostFifteenMegabytes() throws Exception {
        long bytes = 0;
        for (Path jar : jars()) {
            bytes += Files.size(jar);
        }
        // The scorer's own classes are a folder here (target/classes), about 0.3 MB as a jar.
        assertThat(bytes).isLessThanOrEqualTo(15_000_000L - 400_000L);
    }
}
