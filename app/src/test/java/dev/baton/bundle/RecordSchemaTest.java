package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.baton.data.ColumnType;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle's contract.schema.json, checked with a stock JSON Schema validator (networknt, draft 2020-12) against
 * the scorer itself: the golden records pass and the scorer finds nothing in them; each kind of violation fails the
 * schema and is a finding of the same kind for the scorer.
 */
class RecordSchemaTest {

    @TempDir
    static Path dir;
    static Bundle bundle;
    static Schema schema;
    static List<ObjectNode> golden;

    @BeforeAll
    static void export() throws IOException {
        Path file = dir.resolve("penguins.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), file, Progress.NONE);
        bundle = Bundle.open(file);
        JsonNode document = Json.mapper().readTree(bundle.entry(BundleFormat.RECORD_SCHEMA));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        // The document is itself a valid draft 2020-12 schema (checked against the meta-schema the validator ships).
        assertThat(registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")).validate(document)).isEmpty();
        schema = registry.getSchema(document);
        golden = records(bundle.text(BundleFormat.EXAMPLES_INPUT), bundle.contract());
    }

    /** The golden rows as JSON records in their natural form: numbers as numbers, yes/no as booleans, the rest as text, missing as null. */
    static List<ObjectNode> records(String csv, Contract contract) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = GoldenExamples.readInputs(csv, header, new HashSet<>(contract.missingTokens()));
        List<ObjectNode> out = new ArrayList<>();
        for (String[] row : rows) {
            ObjectNode record = Json.mapper().createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                Contract.Input in = contract.input(header.get(c));
                String text = row[c];
                if (text == null) {
                    record.putNull(header.get(c));
                } else if (in.type() == ColumnType.INTEGER) {
                    record.put(header.get(c), Long.parseLong(text));
                } else if (in.type() == ColumnType.DECIMAL) {
                    record.put(header.get(c), Double.parseDouble(text));
                } else if (in.type() == ColumnType.BOOLEAN) {
                    record.put(header.get(c), Boolean.parseBoolean(text));
                } else {
                    record.put(header.get(c), text);
                }
            }
            out.add(record);
        }
        return out;
    }

    /** What the scorer finds in these records, per column: "Island: unseen" and the like. */
    static List<String> scorerFindings(List<ObjectNode> records) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ObjectNode r : records) {
            maps.add(Json.mapper().convertValue(r, LinkedHashMap.class));
        }
        List<String> header = new ArrayList<>();
        Violations violations = new Violations();
        bundle.scorer().scoreRows(header, bundle.scorer().rows(maps, header), violations);
        List<String> found = new ArrayList<>();
        violations.columns().forEach((column, counts) -> {
            if (counts.unseen > 0) {
                found.add(column + ": unseen");
            }
            if (counts.outOfRange > 0) {
                found.add(column + ": outOfRange");
            }
            if (counts.wrongType > 0) {
                found.add(column + ": wrongType");
            }
            if (counts.missing > 0) {
                found.add(column + ": missing");
            }
        });
        return found;
    }

    @Test
    void goldenRecordsPassAndTheScorerFindsNothingOutOfTheWayInThem() {
        assertThat(golden).hasSize(60);
        for (ObjectNode record : golden) {
            assertThat(schema.validate(record)).as(record.toString()).isEmpty();
        }
        assertThat(scorerFindings(golden)).allMatch(f -> f.endsWith(": missing"));
    }

    @Test
    void eachKindOfViolationFailsTheSchemaAndIsTheScorersFindingToo() {
        check(r -> r.put("Island", "Atlantis"), "Island: unseen");
        check(r -> r.put("Culmen Length (mm)", 500.0), "Culmen Length (mm): outOfRange");
        check(r -> r.put("Body Mass (g)", 1000), "Body Mass (g): outOfRange");
        check(r -> r.put("Flipper Length (mm)", "long"), "Flipper Length (mm): wrongType");
        check(r -> r.put("Island", true), "Island: wrongType");                  // a yes/no where a category belongs
        check(r -> r.set("Culmen Depth (mm)", Json.mapper().createArrayNode().add(1)), "Culmen Depth (mm): wrongType");
    }

    private static void check(Consumer<ObjectNode> change, String finding) {
        ObjectNode record = firstComplete().deepCopy();
        change.accept(record);
        assertThat(schema.validate(record)).as(finding + ": " + record).isNotEmpty();
        assertThat(scorerFindings(List.of(record))).as(record.toString()).contains(finding);
    }

    @Test
    void aColumnTheRecipeChangesListsItsCategoriesWithoutRequiringThem() {
        // The recipe lower-cases Sex before the model sees it: "male" is as good as "MALE" to the scorer, and passes the schema.
        ObjectNode record = firstComplete().deepCopy().put("Sex", "male");
        assertThat(scorerFindings(List.of(record))).isEmpty();
        assertThat(schema.validate(record)).isEmpty();
        assertThat(schema.getSchemaNode().at("/properties/Sex/anyOf/0/examples")).hasSize(2);
        assertThat(schema.getSchemaNode().at("/properties/Island/anyOf/0/enum")).hasSize(3);
        // What the steps make of a value only the scorer knows: an unseen category there is its finding, not the schema's.
        ObjectNode unknown = firstComplete().deepCopy().put("Sex", "unknown");
        assertThat(scorerFindings(List.of(unknown))).containsExactly("Sex: unseen");
        assertThat(schema.validate(unknown)).isEmpty();
    }

    @Test
    void missingValuesPassWhereTheContractFillsThem() {
        ObjectNode record = firstComplete().deepCopy();
        record.putNull("Island");
        record.put("Sex", "NA");
        record.put("Culmen Length (mm)", "");
        record.remove("Body Mass (g)");
        assertThat(schema.validate(record)).isEmpty();
        assertThat(scorerFindings(List.of(record))).containsExactlyInAnyOrder("Island: missing", "Sex: missing",
                "Culmen Length (mm): missing", "Body Mass (g): missing");
    }

    @Test
    void aColumnTheContractRequiresMustBeThereAndPresent() {
        Contract contract = bundle.contract();
        List<Contract.Input> inputs = new ArrayList<>();
        for (Contract.Input in : contract.inputs()) {
            inputs.add(!in.name().equals("Island") ? in : new Contract.Input(in.name(), in.type(), in.required(), in.categories(), in.min(),
                    in.max(), in.minText(), in.maxText(), Contract.Missing.REJECT, in.unseen(), in.outOfRange(), in.wrongType(), in.format()));
        }
        Schema strict = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                RecordSchema.of(new Contract(contract.target(), contract.task(), contract.classes(), contract.missingTokens(), inputs,
                        contract.derived()), bundle.recipe(), "a test"));
        ObjectNode record = firstComplete().deepCopy();
        assertThat(strict.validate(record)).isEmpty();
        assertThat(strict.validate(record.deepCopy().putNull("Island"))).isNotEmpty();
        assertThat(strict.validate(record.deepCopy().put("Island", "NA"))).isNotEmpty();
        ObjectNode absent = record.deepCopy();
        absent.remove("Island");
        assertThat(strict.validate(absent)).extracting(Object::toString).anyMatch(m -> m.contains("Island"));
    }

    @Test
    void aDateInAnotherLayoutThanTrainingsFails() {
        Contract contract = bundle.contract();
        List<Contract.Input> inputs = new ArrayList<>(contract.inputs());
        inputs.add(new Contract.Input("Date Egg", ColumnType.DATE, true, null, 13826.0, 14579.0, "2007-11-09", "2009-12-01",
                null, null, null, null, "yyyy-MM-dd"));
        Schema withDate = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(RecordSchema.of(
                new Contract(contract.target(), contract.task(), contract.classes(), contract.missingTokens(), inputs, contract.derived()),
                bundle.recipe(), "a test"));
        assertThat(withDate.validate(firstComplete().deepCopy().put("Date Egg", "2008-11-09"))).isEmpty();
        assertThat(withDate.validate(firstComplete().deepCopy().put("Date Egg", "11/09/2008"))).isNotEmpty();
        assertThat(withDate.validate(firstComplete().deepCopy().put("Date Egg", 20081109))).isNotEmpty();
        assertThat(withDate.getSchemaNode().at("/properties/Date Egg/description").asText()).contains("from 2007-11-09 to 2009-12-01");
    }

    @Test
    void dateLayoutsBecomePatterns() {
        assertThat("7/4/2021").matches(RecordSchema.pattern(ColumnType.DATE, "M/d/uuuu"));
        assertThat("07/04/2021").matches(RecordSchema.pattern(ColumnType.DATE, "M/d/uuuu"));
        assertThat("2021-07-04").doesNotMatch(RecordSchema.pattern(ColumnType.DATE, "M/d/uuuu"));
        assertThat("4 Jul 2021").matches(RecordSchema.pattern(ColumnType.DATE, "d MMM uuuu"));
        assertThat("4.7.2021").matches(RecordSchema.pattern(ColumnType.DATE, "d.M.uuuu"));
        assertThat("4x7x2021").doesNotMatch(RecordSchema.pattern(ColumnType.DATE, "d.M.uuuu"));
        assertThat("7/4/2021 9:30 PM").matches(RecordSchema.pattern(ColumnType.DATETIME, "M/d/uuuu h:mm[:ss] a"));
        assertThat("7/4/2021 9:30:15 pm").matches(RecordSchema.pattern(ColumnType.DATETIME, "M/d/uuuu h:mm[:ss] a"));
        assertThat("2021-07-04T21:30").matches(RecordSchema.pattern(ColumnType.DATETIME, "yyyy-MM-dd HH:mm:ss"));
        assertThat("2021-07-04 21:30:15.25").matches(RecordSchema.pattern(ColumnType.DATETIME, "yyyy-MM-dd HH:mm:ss"));
        assertThat("2021-07-04T21:30:15Z").matches(RecordSchema.pattern(ColumnType.DATETIME, "yyyy-MM-ddTHH:mm:ssZ (as UTC)"));
        assertThat(RecordSchema.pattern(ColumnType.DATE, "uuuu'W'w")).isNull(); // a layout it cannot say: no pattern rather than a wrong one
    }

    private static ObjectNode firstComplete() {
        return golden.stream().filter(r -> {
            for (JsonNode v : r) {
                if (v.isNull()) {
                    return false;
                }
            }
            return true;
        }).findFirst().orElseThrow();
    }
}
