package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bundle serve} over real HTTP on loopback. */
class BundleServerTest {

    @TempDir
    static Path dir;
    static BundleServer server;
    static HttpClient client = HttpClient.newHttpClient();

    static final String ADELIE = "{\"Island\":\"Torgersen\",\"Culmen Length (mm)\":39.1,\"Culmen Depth (mm)\":18.7,"
            + "\"Flipper Length (mm)\":181,\"Body Mass (g)\":3750,\"Sex\":\"MALE\"}";
    static final String GENTOO = "{\"Island\":\"Biscoe\",\"Culmen Length (mm)\":46.1,\"Culmen Depth (mm)\":13.2,"
            + "\"Flipper Length (mm)\":211,\"Body Mass (g)\":4500,\"Sex\":\"FEMALE\"}";

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("p.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), file, Progress.NONE);
        server = BundleServer.start(Bundle.open(file), "127.0.0.1", 0, 4096);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneRecordAndAList() throws Exception {
        HttpResponse<String> one = post("/predict", ADELIE);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode json = Json.mapper().readTree(one.body());
        assertThat(json.get("label").asText()).isEqualTo("Adelie");
        assertThat(json.get("probabilities").get("Adelie").asDouble()).isGreaterThan(0.9);

        HttpResponse<String> list = post("/predict", "[" + ADELIE + "," + GENTOO + "," + ADELIE.replace("39.1", "\"long\"") + "]");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(list.body());
        assertThat(body.get("predictions").get(0).get("label").asText()).isEqualTo("Adelie");
        assertThat(body.get("predictions").get(1).get("label").asText()).isEqualTo("Gentoo");
        assertThat(body.get("predictions").get(2).get("error").asText()).isEqualTo("Culmen Length (mm): 'long' is not a decimal value");
        assertThat(body.get("summary").get("rejected").asInt()).isEqualTo(1);
        assertThat(body.get("summary").get("columns").get("Culmen Length (mm)").get("wrongType").asInt()).isEqualTo(1);
    }

    @Test
    void hostileJsonGetsA400NamingTheProblem() throws Exception {
        // A number no double can hold, whatever its spelling.
        for (String huge : new String[]{"1e400", "-1e400", "1E+309", "123456789" + "0".repeat(400)}) {
            HttpResponse<String> r = post("/predict", ADELIE.replace("39.1", huge));
            assertThat(r.statusCode()).as(huge).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(huge).startsWith("Culmen Length (mm): ")
                    .contains("too large for a number");
        }
        // A key given twice: which value was meant is unknowable.
        HttpResponse<String> twice = post("/predict", ADELIE.replace("{\"Island\":\"Torgersen\",", "{\"Island\":\"Torgersen\",\"Island\":\"Dream\","));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(twice.body()).get("error").asText()).contains("Duplicate field 'Island'");
        // Deeply nested JSON is refused by the parser's limits, with a 400, not a crash.
        HttpResponse<String> deep = post("/predict", "[".repeat(1500) + "]".repeat(1500));
        assertThat(deep.statusCode()).isEqualTo(400);
        // The server is still there.
        assertThat(post("/predict", ADELIE).statusCode()).isEqualTo(200);
    }

    @Test
    void aValueOfTheWrongKindFollowsTheWrongTypePolicyAndTheAnswerSaysWhatWasFound() throws Exception {
        // Island is a category: true, a list or an object is a value of the wrong kind (treated as missing here,
        // the contract's wrongType policy), never an unseen category.
        for (String wrong : new String[]{"true", "[\"Dream\"]", "{\"name\":\"Dream\"}"}) {
            HttpResponse<String> r = post("/predict", ADELIE.replace("\"Torgersen\"", wrong));
            JsonNode body = Json.mapper().readTree(r.body());
            var island = dev.baton.bundle.Bundle.open(dir.resolve("p.baton")).contract().inputs().stream()
                    .filter(i -> i.name().equals("Island")).findFirst().orElseThrow();
            if (island.wrongType() == Contract.WrongType.REJECT) {
                assertThat(r.statusCode()).as(wrong).isEqualTo(400);
                assertThat(body.get("error").asText()).as(wrong).contains("Island: a yes/no, list or object is not a categorical value");
            } else {
                assertThat(r.statusCode()).as(wrong).isEqualTo(200);
                assertThat(body.get("findings").get("Island").get("wrongType").asInt()).as(wrong).isEqualTo(1);
                assertThat(body.get("findings").get("Island").get("unseen").asInt()).as(wrong).isZero();
            }
        }
        // A clean record reports no findings; one outside the training range says so.
        JsonNode clean = Json.mapper().readTree(post("/predict", ADELIE).body());
        assertThat(clean.get("findings").size()).isZero();
        JsonNode far = Json.mapper().readTree(post("/predict", ADELIE.replace("3750", "9999")).body());
        assertThat(far.get("findings").get("Body Mass (g)").get("outOfRange").asInt()).isEqualTo(1);
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        HttpResponse<String> notJson = post("/predict", "{\"Island\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(notJson.body()).get("error").asText()).startsWith("The body is not valid JSON");

        // Only the island: the other columns are absent, imputed as the contract's missing policy says, and reported.
        HttpResponse<String> partial = post("/predict", "{\"Island\":\"Dream\"}");
        assertThat(partial.statusCode()).isEqualTo(200);
        JsonNode findings = Json.mapper().readTree(partial.body()).get("findings");
        assertThat(findings.get("Culmen Length (mm)").get("missing").asInt()).isEqualTo(1);
        assertThat(findings.get("Sex").get("missing").asInt()).isEqualTo(1);

        HttpResponse<String> tooBig = post("/predict", "[" + (ADELIE + ",").repeat(40) + ADELIE + "]");
        assertThat(tooBig.statusCode()).isEqualTo(413);

        assertThat(get("/predict").statusCode()).isEqualTo(405);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(post("/predict", "42").statusCode()).isEqualTo(400);
    }

    @Test
    void schemaHealthAndMetricsAnswer() throws Exception {
        JsonNode schema = Json.mapper().readTree(get("/schema").body());
        assertThat(schema.get("target").asText()).isEqualTo("species");
        assertThat(schema.get("inputs")).hasSize(6);
        JsonNode record = Json.mapper().readTree(get("/record-schema").body());
        assertThat(record.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(record.get("properties")).hasSize(6);
        JsonNode health = Json.mapper().readTree(get("/health").body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("algorithm").asText()).isEqualTo("logistic-regression");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(get("/drift").statusCode()).isEqualTo(404); // started without a drift window
    }
}
