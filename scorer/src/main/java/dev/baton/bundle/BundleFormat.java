package dev.baton.bundle;

import java.util.List;

/** The model bundle's layout (DESIGN.md, Model bundle): one zip file, {@code *.baton}, versioned. */
public final class BundleFormat {

    public static final String FORMAT = "baton-bundle/1";
    public static final String EXTENSION = ".baton";

    public static final String MANIFEST = "manifest.json";
    public static final String MODEL = "model/model.tribuo";
    public static final String PREPARATION = "model/preparation.json";
    public static final String ONNX = "model/model.onnx";
    public static final String ONNX_IO = "model/onnx-io.json";
    public static final String CONTRACT = "contract.json";
    /** The contract as a JSON Schema of one input record ({@link RecordSchema}); bundles written before it lack it. */
    public static final String RECORD_SCHEMA = "contract.schema.json";
    public static final String RECIPE = "recipe.json";
    public static final String METRICS = "metrics.json";
    public static final String REFERENCE_PROFILE = "reference-profile.json";
    public static final String EXAMPLES_INPUT = "examples/input.csv";
    public static final String EXAMPLES_EXPECTED = "examples/expected.csv";
    public static final String PROVENANCE = "provenance.json";
    public static final String MODEL_CARD = "MODEL_CARD.md";

    /** Entries every bundle has; ONNX ones are optional. */
    public static final List<String> REQUIRED = List.of(MODEL, PREPARATION, CONTRACT, RECIPE, METRICS, REFERENCE_PROFILE,
            EXAMPLES_INPUT, EXAMPLES_EXPECTED, PROVENANCE, MODEL_CARD);

    /**
     * The JSON Schema (draft 2020-12) of each JSON entry, as a resource next to this class: the on-disk shape of
     * format 1, whatever the Java records that write it look like. Tests validate every exported bundle against them.
     */
    public static final java.util.Map<String, String> SCHEMAS = java.util.Map.of(
            MANIFEST, "schema/manifest.schema.json",
            CONTRACT, "schema/contract.schema.json",
            RECIPE, "schema/recipe.schema.json",
            PREPARATION, "schema/preparation.schema.json",
            ONNX_IO, "schema/onnx-io.schema.json",
            METRICS, "schema/metrics.schema.json",
            PROVENANCE, "schema/provenance.schema.json",
            REFERENCE_PROFILE, "schema/reference-profile.schema.json");

    /**
     * No entry may inflate beyond this, and all of them together not beyond {@link #MAX_TOTAL_BYTES}: reading stops
     * the moment a limit is passed (a zip bomb is refused, not unpacked). The largest entry Baton writes is the
     * model; a forest of 500 deep trees on a million rows is about 300 MB of protobuf.
     */
    public static final long MAX_ENTRY_BYTES = 512L << 20;
    public static final long MAX_TOTAL_BYTES = 768L << 20;
    /**
     * Past {@link #RATIO_FLOOR_BYTES}, an entry that inflates to more than this many times its packed size is refused:
     * what Baton writes packs 2 to 10 times; a zip bomb of zeros, a thousand times.
     */
    public static final int MAX_RATIO = 100;
    public static final long RATIO_FLOOR_BYTES = 16L << 20;
    public static final int MAX_ENTRIES = 64;

    private BundleFormat() {
    }
}
