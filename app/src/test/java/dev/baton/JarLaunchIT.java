package dev.baton;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged jar as users start it, {@code java -jar app/target/baton.jar ...}: one process, whose output and exit
 * codes are the command's, and which leaves nothing behind when it is killed.
 */
class JarLaunchIT {

    private static final Path JAR = Path.of("app", "target", "baton.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("baton-out", ".txt");
        Path err = Files.createTempFile("baton-err", ".txt");
        try {
            Process p = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: %s", List.of(args)).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aProfilePrintsItsJsonAndNothingElse() throws Exception {
        Run run = run("profile", "sample-data/penguins.csv", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode profile = Json.mapper().readTree(run.out());
        assertThat(profile.get("rows").asInt()).isEqualTo(344);
        assertThat(profile.get("columns").get(2).get("name").asText()).isEqualTo("bill_length_mm");
        assertThat(profile.get("columns").get(2).get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void exitCodesAndMessages() throws Exception {
        Run missing = run("profile", "no-such-file.csv");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("File not found: no-such-file.csv");
        assertThat(missing.out()).isEmpty();

        Run usage = run("profile", "--no-such-option", "sample-data/penguins.csv");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void aKilledServerLeavesNoProcessAndNoListeningPort() throws Exception {
        Path bundle = dir.resolve("penguins.baton");
        Run export = run("bundle", "export", "sample-data/penguins.baton-project", "--out", bundle.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process server = new ProcessBuilder(command("bundle", "serve", bundle.toString(), "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers(port)) {
                assertThat(System.nanoTime()).as("the server started").isLessThan(deadline);
                Thread.sleep(200);
            }
            // Baton runs in the process the user started: it has no child that could outlive it.
            assertThat(server.descendants().count()).isZero();
        } finally {
            server.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        int closed = port;
        assertThatThrownBy(() -> answers(closed, true)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aKilledRunWritesNothingAfterwards() throws Exception {
        Path out = dir.resolve("out");
        Process run = new ProcessBuilder(command("run", "sample-data/penguins.baton-project", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        Thread.sleep(1500); // importing and training; the bundle, then the report, come later (the PDF last, 3.5 s in)
        assertThat(run.descendants().count()).isZero();
        assertThat(run.isAlive()).as("the run is killed before it ends").isTrue();
        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // What is there when the process is gone (the bundle, if the run got that far) stays exactly as it is.
        java.util.Map<Path, String> killed = listing(out);
        assertThat(killed).doesNotContainKey(out.resolve("penguins-report.pdf"));
        Thread.sleep(8000);
        assertThat(listing(out)).isEqualTo(killed);
    }

    /** Each file under {@code dir} with its size and time of modification; empty when there is no such folder. */
    private static java.util.Map<Path, String> listing(Path dir) throws IOException {
        java.util.Map<Path, String> files = new java.util.TreeMap<>();
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                for (Path p : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                    files.put(p, java.nio.file.Files.size(p) + " " + java.nio.file.Files.getLastModifiedTime(p));
                }
            }
        }
        return files;
    }

    private static boolean answers(int port) {
        try {
            return answers(port, true);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(int port, boolean unused) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        }
    }

    /** With SOURCE_DATE_EPOCH set, two runs of {@code report} write byte-identical HTML and PDF. */
    @Test
    void reportsAreReproducibleWithSourceDateEpoch() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path html = dir.resolve("r" + i + ".html");
            Path pdf = dir.resolve("r" + i + ".pdf");
            ProcessBuilder b = new ProcessBuilder(command("report", "sample-data/penguins.baton-project", "--html", html.toString(),
                    "--pdf", pdf.toString())).redirectErrorStream(true);
            b.environment().put("SOURCE_DATE_EPOCH", "1765000000");
            Process p = b.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            files.add(Files.readAllBytes(html));
            files.add(Files.readAllBytes(pdf));
        }
        assertThat(files.get(2)).isEqualTo(files.get(0));
        assertThat(files.get(3)).isEqualTo(files.get(1));
        // 1765000000 s is 2025-12-06T05:46:40Z: the footer says so.
        assertThat(new String(files.get(0), StandardCharsets.UTF_8)).contains("<time datetime=\"2025-12-06T05:46:40Z\">");
    }

    /**
     * With SOURCE_DATE_EPOCH set, training the same data twice (in two folders) and exporting gives byte-identical
     * bundles: Baton's learners stamp their models with that time, and nothing else in a bundle depends on the run.
     */
    @Test
    void bundlesAreReproducibleWithSourceDateEpoch() throws Exception {
        List<byte[]> bundles = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path folder = Files.createDirectories(dir.resolve("repro" + i));
            Path bundle = folder.resolve("penguins.baton");
            for (List<String> args : List.of(
                    List.of("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "random-forest,logistic-regression",
                            "--choose", "random-forest", "--save-project", folder.resolve("penguins").toString()),
                    List.of("bundle", "export", folder.resolve("penguins.baton-project").toString(), "--out", bundle.toString()))) {
                ProcessBuilder b = new ProcessBuilder(command(args.toArray(String[]::new))).redirectErrorStream(true);
                b.environment().put("SOURCE_DATE_EPOCH", "1765000000");
                Process p = b.start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(output).isZero();
            }
            bundles.add(Files.readAllBytes(bundle));
        }
        assertThat(bundles.get(1)).isEqualTo(bundles.get(0));
    }
}
