package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.monitor.DriftThresholds;
import dev.baton.monitor.RecentDrift;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bundle serve}'s /metrics read by Prometheus's own Python parser (Debian's python3-prometheus-client), after a
 * known sequence of requests; and /drift over the last records scored.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ServiceMetricsTest {

    @TempDir
    static Path dir;
    static BundleServer server;
    static HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("p.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), file, Progress.NONE);
        Bundle bundle = Bundle.open(file);
        server = BundleServer.start(bundle, "127.0.0.1", 0, 1 << 20, new RecentDrift(bundle, 100, DriftThresholds.DEFAULTS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** name{labels} to value, as prometheus_client.parser reads the exposition (it raises on anything malformed). */
    static Map<String, Double> parse(String exposition) throws IOException, InterruptedException {
        String script = """
                import json, sys
                from prometheus_client.parser import text_string_to_metric_families
                out = []
                for family in text_string_to_metric_families(sys.stdin.read()):
                    for s in family.samples:
                        out.append([s.name, dict(sorted(s.labels.items())), s.value])
                print(json.dumps(out))
                """;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("the Prometheus parser (apt-get install python3-prometheus-client) said:\n" + out).isZero();
        Map<String, Double> samples = new HashMap<>();
        for (JsonNode s : Json.mapper().readTree(out)) {
            StringBuilder key = new StringBuilder(s.get(0).asText());
            if (!s.get(1).isEmpty()) {
                key.append('{');
                s.get(1).fields().forEachRemaining(e -> key.append(e.getKey()).append('=').append(e.getValue().asText()).append(','));
                key.setLength(key.length() - 1);
                key.append('}');
            }
            samples.put(key.toString(), s.get(2).asDouble());
        }
        return samples;
    }

    @Test
    @org.junit.jupiter.api.Order(1) // counts from a fresh server
    void metricsCountWhatWasDoneAndParseAsPrometheusText() throws Exception {
        assertThat(post(BundleServerTest.ADELIE).statusCode()).isEqualTo(200);
        assertThat(post(BundleServerTest.ADELIE).statusCode()).isEqualTo(200);
        assertThat(post("[" + BundleServerTest.ADELIE + "," + BundleServerTest.GENTOO + "]").statusCode()).isEqualTo(200);
        assertThat(post("{\"Island\":\"Dream\"}").statusCode()).isEqualTo(200); // five inputs missing, imputed
        assertThat(post("{not json").statusCode()).isEqualTo(400);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        Map<String, Double> m = parse(get("/metrics").body());

        assertThat(m).containsEntry("baton_requests_total{path=/predict,status=200}", 4.0)
                .containsEntry("baton_requests_total{path=/predict,status=400}", 1.0)
                .containsEntry("baton_requests_total{path=other,status=404}", 1.0)
                .containsEntry("baton_rows_scored_total", 5.0)
                .containsEntry("baton_rows_rejected_total", 0.0)
                .containsEntry("baton_contract_findings_total{column=Sex,kind=missing}", 1.0)
                .containsEntry("baton_contract_findings_total{column=Body Mass (g),kind=missing}", 1.0)
                .containsEntry("baton_request_duration_seconds_count{path=/predict}", 5.0)
                .containsEntry("baton_request_duration_seconds_bucket{le=+Inf,path=/predict}", 5.0)
                .containsEntry("baton_model_info{algorithm=logistic-regression,created_at=2026-11-22T10:00:00Z,target=species,task=classification}", 1.0);
        double adelie = m.get("baton_predictions_total{class=Adelie}");
        double gentoo = m.get("baton_predictions_total{class=Gentoo}");
        double chinstrap = m.get("baton_predictions_total{class=Chinstrap}");
        assertThat(adelie + gentoo + chinstrap).isEqualTo(5.0);
        assertThat(adelie).isGreaterThanOrEqualTo(3.0);
        assertThat(gentoo).isGreaterThanOrEqualTo(1.0);
        // cumulative buckets never decrease
        double previous = 0;
        for (double le : new double[]{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}) {
            double v = m.get("baton_request_duration_seconds_bucket{le=" + ServiceMetrics.number(le) + ",path=/predict}");
            assertThat(v).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void driftCoversTheLastRecordsScored() throws Exception {
        // 150 records of the raw penguins file, as a list
        List<String> lines = Files.readAllLines(Path.of("sample-data", "penguins_raw.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        StringBuilder list = new StringBuilder("[");
        for (int i = 1; i <= 150; i++) {
            String[] f = lines.get(i).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1); // commas outside quotes
            Map<String, Object> record = new HashMap<>();
            for (String column : List.of("Island", "Culmen Length (mm)", "Culmen Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex")) {
                String v = f[header.indexOf(column)];
                record.put(column, v.equals("NA") ? null : v);
            }
            list.append(i > 1 ? "," : "").append(Json.compact().writeValueAsString(record));
        }
        assertThat(post(list.append("]").toString()).statusCode()).isEqualTo(200);
        HttpResponse<String> drift = get("/drift");
        assertThat(drift.statusCode()).isEqualTo(200);
        JsonNode report = Json.mapper().readTree(drift.body());
        assertThat(report.path("rows").asLong()).isEqualTo(100);
        assertThat(report.path("input").asText()).startsWith("the last 100 records scored");
        // the first 150 rows of the file are mostly Adelie penguins from every island: the island and the predicted class drift
        assertThat(report.path("verdict").asText()).isEqualTo("drift");
    }
}
