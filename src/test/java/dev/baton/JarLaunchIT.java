package dev.baton;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as users start it, {@code java -jar target/baton.jar ...}: through the second JVM of
 * {@link Launcher}, with the class-data archive {@code mvn package} wrote, output and exit codes are those of
 * running in one JVM.
 */
class JarLaunchIT {

    private static final Path JAR = Path.of("target", "baton.jar");
    private static final Path ARCHIVE = Path.of("target", Launcher.ARCHIVE);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("baton-out", ".txt");
        Path err = Files.createTempFile("baton-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theArchiveBuiltWithTheJarIsOneThisJdkCanMap() throws Exception {
        assertThat(ARCHIVE).isRegularFile();
        assertThat(Launcher.madeFor(JAR.toAbsolutePath(), Path.of(System.getProperty("java.home")))).isTrue();
        // -Xshare:on makes a JVM that cannot use the archive refuse to start instead of going on without it.
        Run run = run(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-Dbaton.launched=true"), "--version");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Baton ");
        // Picocli ships Java 5 class files, which only a static archive holds: its classes load from there too.
        Run logged = run(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-Xlog:class+load=info",
                "-Dbaton.launched=true"), "--version");
        assertThat(logged.out()).contains("picocli.CommandLine source: shared objects file")
                .contains("dev.baton.cli.BatonCommand source: shared objects file");
    }

    @Test
    void aProfileThroughTheSecondJvmPrintsWhatOneJvmPrints() throws Exception {
        Run relaunched = run(List.of(), "profile", "sample-data/penguins.csv", "--json");
        Run single = run(List.of("-Dbaton.launched=true"), "profile", "sample-data/penguins.csv", "--json");

        assertThat(relaunched.exit()).as(relaunched.err()).isZero();
        assertThat(relaunched.err()).isEmpty();
        assertThat(relaunched.out()).isEqualTo(single.out());
        JsonNode profile = Json.mapper().readTree(relaunched.out());
        assertThat(profile.get("rows").asInt()).isEqualTo(344);
        assertThat(profile.get("columns").get(2).get("name").asText()).isEqualTo("bill_length_mm");
        assertThat(profile.get("columns").get(2).get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void exitCodesAndMessagesComeThroughTheSecondJvm() throws Exception {
        Run missing = run(List.of(), "profile", "no-such-file.csv");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("File not found: no-such-file.csv");
        assertThat(missing.out()).isEmpty();

        Run usage = run(List.of(), "profile", "--no-such-option", "sample-data/penguins.csv");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--no-such-option'");
    }
}
