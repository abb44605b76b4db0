package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.baton.clean.Operation;
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
        for (JsonSubTypes.Type type : Operation.class.getAnnotation(JsonSubTypes.class).value()) {
            JsonNode op = schema.at("/$defs/op-" + type.name());
            assertThat(op.isMissingNode()).as(type.name() + " has no schema").isFalse();
            TreeSet<String> fields = new TreeSet<>(Arrays.stream(type.value().getRecordComponents()).map(RecordComponent::getName).toList());
            fields.add("op");
            TreeSet<String> inSchema = new TreeSet<>();
            op.get("properties").fieldNames().forEachRemaining(inSchema::add);
            assertThat(inSchema).as(type.name()).isEqualTo(fields);
        }
        assertThat(schema.at("/$defs/operation/oneOf")).hasSize(Operation.class.getAnnotation(JsonSubTypes.class).value().length);
    }

    @Test
    void tribuosProvenanceReadsBackIntoObjects() throws Exception {
        Bundle bundle = Bundle.open(fresh);
        JsonNode marshalled = Json.mapper().readTree(bundle.entry(BundleFormat.PROVENANCE)).get("tribuoMarshalled");
        var back = ProvenanceUtil.unmarshalProvenance(new JsonProvenanceSerialization(false).deserializeFromString(marshalled.toString()));
        assertThat(back).isEqualTo(bundle.model().getProvenance());
    }
}
