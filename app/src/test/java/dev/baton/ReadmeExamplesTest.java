package dev.baton;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleExporter;
import dev.baton.bundle.BundleServer;
import dev.baton.project.ProjectLoader;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's examples, run as written against the sample project's bundle: they cannot drift from the code (the Java one: the scorer's ReadmeJavaExampleTest). */
class ReadmeExamplesTest {

    @TempDir
    static Path dir;
    static Path bundle;
    static String readme;

    @BeforeAll
    static void exportTheSampleBundle() throws Exception {
        readme = Files.readString(Path.of("README.md"));
        var penguins = ProjectLoader.open(Path.of("sample-data", "penguins.baton-project"), Progress.NONE).project();
        bundle = dir.resolve("penguins.baton");
        BundleExporter.export(penguins.bundleRequest(Instant.parse("2026-12-01T00:00:00Z")), bundle, Progress.NONE);
    }

    @Test
    void theCurlExampleGetsAPrediction() throws Exception {
        Matcher curl = Pattern.compile("curl -s localhost:8080/predict -d '([^']*)'").matcher(readme);
        assertThat(curl.find()).as("the README has its curl example").isTrue();
        try (BundleServer server = BundleServer.start(Bundle.open(bundle), "127.0.0.1", 0, BundleServer.DEFAULT_MAX_REQUEST_BYTES)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/predict")).POST(HttpRequest.BodyPublishers.ofString(curl.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode answer = Json.mapper().readTree(r.body());
            assertThat(answer.get("label").asText()).isEqualTo("Chinstrap"); // Dream, 46.5 mm culmen: a Chinstrap
            assertThat(answer.get("probabilities").size()).isEqualTo(3);
        }
    }

    /** The Python example's feeds, as written, through ONNX Runtime on the sample bundle's whole-pipeline graph. */
    @Test
    void thePythonOnnxExampleGivesItsLabel() throws Exception {
        int from = readme.indexOf("session = ort.InferenceSession(");
        int to = readme.indexOf("session.run(", from);
        assertThat(from).as("the README has its Python example").isPositive();
        Matcher feed = Pattern.compile("\"([^\"]+)\": np\\.array\\(\\[\\[(?:\"([^\"]*)\"|([-0-9.]+))\\]\\]").matcher(readme.substring(from, to));
        ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        java.util.Map<String, ai.onnxruntime.OnnxTensor> feeds = new java.util.HashMap<>();
        while (feed.find()) {
            feeds.put(feed.group(1), feed.group(2) != null ? ai.onnxruntime.OnnxTensor.createTensor(env, new String[][]{{feed.group(2)}})
                    : ai.onnxruntime.OnnxTensor.createTensor(env, new double[][]{{Double.parseDouble(feed.group(3))}}));
        }
        Bundle b = Bundle.open(bundle);
        assertThat(feeds.keySet()).containsExactlyInAnyOrderElementsOf(b.contract().inputNames());
        try (ai.onnxruntime.OrtSession session = env.createSession(b.entry(dev.baton.bundle.BundleFormat.ONNX), new ai.onnxruntime.OrtSession.SessionOptions());
             ai.onnxruntime.OrtSession.Result result = session.run(feeds)) {
            String[] label = (String[]) result.get("label").get().getValue();
            assertThat(label).containsExactly("Gentoo");
            assertThat(readme.substring(to, readme.indexOf('\n', to))).contains("[\"Gentoo\"]");
        } finally {
            feeds.values().forEach(ai.onnxruntime.OnnxTensor::close);
        }
    }
}
