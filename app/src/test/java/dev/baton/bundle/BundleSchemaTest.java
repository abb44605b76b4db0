package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.baton.clean.Operation;
import dev.baton.clean.Operations;
import dev.baton.project.Project;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle format is defined by its JSON Schemas, not by the Java records that happen to write it: every JSON
 * entry of every bundle Baton writes (fresh ones, and the checked-in fixtures of earlier versions) validates, and a
 * renamed field fails here instead of silently changing the files engineers read.
 */
class BundleSchemaTest {

    @TempDir
    static Path dir;
    static final Map<String, Schema> SCHEMAS = new HashMap<>();
    static Path fresh;

    @BeforeAll
    static void load() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        BundleFormat.SCHEMAS.forEach((entry, resource) -> {
            try (InputStream in = BundleFormat.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                SCHEMAS.put(entry, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // Five-fold cross-validation, a baseline, a recipe with text, date and fill steps: most of what an entry can hold.
        fresh = dir.resolve("penguins.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "random-forest"), fresh, Progress.NONE);
    }

    static List<String> violations(Bundle bundle) throws IOException {
        List<String> out = new ArrayList<>();
        for (var e : SCHEMAS.entrySet()) {
            if (!bundle.entryNames().contains(e.getKey())) {
                continue;
            }
            JsonNode json = Json.mapper().readTree(bundle.entry(e.getKey()));
            e.getValue().validate(json).forEach(error -> out.add(e.getKey() + ": " + error));
        }
        return out;
    }

    @Test
    void aFreshlyExportedBundleMatchesTheSchemas() throws IOException {
        Bundle bundle = Bundle.open(fresh);
        assertThat(bundle.entryNames()).containsAll(BundleFormat.SCHEMAS.keySet().stream()
                .filter(e -> !e.equals(BundleFormat.ONNX_IO)).toList());
        assertThat(violations(bundle)).isEmpty();
    }

    @Test
    void everyFixtureBundleMatchesTheSchemas() throws IOException {
        for (Path fixture : FixtureBundlesTest.fixtures().toList()) {
            assertThat(violations(Bundle.open(fixture))).as(fixture.toString()).isEmpty();
        }
    }

    @Test
    void aRenamedOrUnknownFieldIsNotTheFormat() throws IOException {
        Bundle bundle = Bundle.open(fresh);
        ObjectNode contract = (ObjectNode) Json.mapper().readTree(bundle.entry(BundleFormat.CONTRACT));
        ObjectNode input = (ObjectNode) contract.get("inputs").get(0);
        input.set("kind", input.remove("type"));
        assertThat(SCHEMAS.get(BundleFormat.CONTRACT).validate(contract)).extracting(Object::toString)
                .anyMatch(m -> m.contains("type")).anyMatch(m -> m.contains("kind"));
        ObjectNode metrics = (ObjectNode) Json.mapper().readTree(bundle.entry(BundleFormat.METRICS));
        metrics.put("trainMillis", 1234);
        assertThat(SCHEMAS.get(BundleFormat.METRICS).validate(metrics)).extracting(Object::toString).anyMatch(m -> m.contains("trainMillis"));
    }

    /** Each step of the recipe schema names exactly the fields the step's record has, so renaming one fails here. */
    @Test
    void theRecipeSchemaKnowsEveryStepAndItsFields() throws IOException {
        JsonNode schema;
        try (InputStream in = BundleFormat.class.getResourceAsStream(BundleFormat.SCHEMAS.get(BundleFormat.RECIPE))) {
            schema = Json.mapper().readTree(in);
        }
        for (String name : Operations.names()) {
            JsonNode op = schema.at("/$defs/op-" + name);
            assertThat(op.isMissingNode()).as(name + " has no schema").isFalse();
            TreeSet<String> fields = new TreeSet<>(Arrays.stream(Operations.byName(name).getRecordComponents()).map(RecordComponent::getName).toList());
            fields.add("op");
            TreeSet<String> inSchema = new TreeSet<>();
            op.get("properties").fieldNames().forEachRemaining(inSchema::add);
            assertThat(inSchema).as(name).isEqualTo(fields);
        }
        assertThat(schema.at("/$defs/operation/oneOf")).hasSize(Operations.names().size());
    }

    @Test
    void tribuosProvenanceReadsBackIntoObjects() throws Exception {
        Bundle bundle = Bundle.open(fresh);
        JsonNode marshalled = Json.mapper().readTree(bundle.entry(BundleFormat.PROVENANCE)).get("tribuoMarshalled");
        var back = ProvenanceUtil.unmarshalProvenance(new JsonProvenanceSerialization(false).deserializeFromString(marshalled.toString()));
        assertThat(back).isEqualTo(bundle.model().getProvenance());
    }

    /** A model whose settings a search chose says so in its provenance: what was varied, how many were tried, and why. */
    @Test
    void aSearchedModelsProvenanceSaysWhereItsParametersCameFrom() throws IOException {
        Project project = new Project();
        project.setData(dev.baton.data.DatasetReader.read(Path.of("sample-data", "penguins.csv"), dev.baton.data.ImportOptions.detect(),
                Progress.NONE));
        var setup = new dev.baton.train.TrainingSetup("species", dev.baton.train.Task.CLASSIFICATION,
                List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"), 0.2, 5, 42,
                List.of(dev.baton.train.AlgorithmChoice.of("knn")), "accuracy", 5);
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
        Path file = dir.resolve("searched.baton");
        BundleExporter.export(project.bundleRequest(java.time.Instant.parse("2026-12-07T10:00:00Z")), file, Progress.NONE);
        Bundle bundle = Bundle.open(file);
        assertThat(violations(bundle)).isEmpty();
        JsonNode search = Json.mapper().readTree(bundle.entry(BundleFormat.PROVENANCE)).get("training").get("search");
        var result = project.leaderboard().search("knn");
        assertThat(search.get("parameters")).hasSize(1);
        assertThat(search.get("parameters").get(0).asText()).isEqualTo("k");
        assertThat(search.get("configurations").asInt()).isEqualTo(5);
        assertThat(search.get("chosen").asInt()).isEqualTo(result.chosen());
        assertThat(search.get("reason").asText()).isEqualTo(result.reason());
        assertThat(Json.mapper().readTree(bundle.entry(BundleFormat.PROVENANCE)).get("training").get("parameters").get("k").asDouble())
                .isEqualTo(result.chosenTrial().parameters().get("k"));
        // The model card says so too, in words, for the engineer who reads only that.
        assertThat(bundle.text(BundleFormat.MODEL_CARD)).contains("These settings came from a hyperparameter search of `k`", result.reason());
    }
}
