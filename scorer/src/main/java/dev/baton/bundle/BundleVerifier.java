package dev.baton.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code bundle verify}: re-scores the golden examples with the Java scorer and, when the bundle has an ONNX graph,
 * with ONNX Runtime, and lists every output that differs from the expected one beyond the tolerance.
 */
public final class BundleVerifier {

    /** What verification found: empty difference lists mean the bundle behaves as exported. */
    /**
     * @param onnxWhat      what the ONNX check ran: the whole pipeline from raw values, or the model on prepared rows
     * @param onnxTolerance the largest difference it allowed
     */
    public record Result(int rows, List<String> javaDifferences, boolean onnxChecked, List<String> onnxDifferences, String onnxNote,
                         String onnxWhat, double onnxTolerance) {

        public boolean ok() {
            return javaDifferences.isEmpty() && onnxDifferences.isEmpty();
        }
    }

    private BundleVerifier() {
    }

    public static Result verify(Bundle bundle) {
        Contract contract = bundle.contract();
        List<String> header = new ArrayList<>();
        List<String[]> rows = GoldenExamples.readInputs(bundle.text(BundleFormat.EXAMPLES_INPUT), header, new HashSet<>(contract.missingTokens()));
        List<GoldenExamples.Expected> expected = GoldenExamples.readExpected(contract, bundle.text(BundleFormat.EXAMPLES_EXPECTED));
        List<String> java = differences(bundle.scorer(), header, rows, expected, bundle.manifest().tolerance(), "the Java scorer");
        List<String> onnx = List.of();
        boolean checked = false;
        byte[] graph = bundle.entry(BundleFormat.ONNX);
        String note = null;
        if (graph != null && !OnnxSupport.runtimeAvailable()) {
            note = "The bundle's ONNX graph was not checked: ONNX Runtime is not on the class path (add the dependency "
                    + "org.tribuo:tribuo-onnx " + Bundle.XGBOOST_VERSION + ", which brings com.microsoft.onnxruntime:onnxruntime).";
        } else if (graph != null) {
            checked = true;
            try {
                if (OnnxSupport.isPipeline(bundle.entry(BundleFormat.ONNX_IO))) {
                    // The whole pipeline: the golden rows' raw values straight into the graph, as an engineer feeds it.
                    onnx = GoldenExamples.differences(expected, PipelineRuntime.score(graph, contract, header, rows),
                            OnnxSupport.PIPELINE_TOLERANCE, "ONNX Runtime");
                } else {
                    Scorer runtime = new Scorer(contract, bundle.recipe(), bundle.preparation(), OnnxRuntimeModel.of(graph, bundle.model()));
                    onnx = differences(runtime, header, rows, expected, OnnxSupport.TOLERANCE, "ONNX Runtime");
                }
            } catch (BundleException e) {
                onnx = List.of(e.getMessage());
            }
        }
        boolean pipeline = graph != null && OnnxSupport.isPipeline(bundle.entry(BundleFormat.ONNX_IO));
        return new Result(rows.size(), java, checked, onnx, note, pipeline ? "ONNX Runtime (the whole pipeline, from raw values)"
                : "ONNX Runtime (the model, on prepared rows)", pipeline ? OnnxSupport.PIPELINE_TOLERANCE : OnnxSupport.TOLERANCE);
    }

    private static List<String> differences(Scorer scorer, List<String> header, List<String[]> rows, List<GoldenExamples.Expected> expected,
                                            double tolerance, String what) {
        try {
            return GoldenExamples.differences(expected, scorer.scoreRows(header, rows, new Violations()), tolerance, what);
        } catch (ContractException e) {
            return List.of(what + " could not score the golden rows: " + e.getMessage());
        }
    }
}
