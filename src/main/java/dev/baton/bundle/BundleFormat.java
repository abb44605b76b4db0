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

    /** No entry may inflate beyond this (a zip bomb is refused, not unpacked). */
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    public static final int MAX_ENTRIES = 64;

    private BundleFormat() {
    }
}
