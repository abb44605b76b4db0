package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;

/**
 * The ONNX side of a bundle: Tribuo's export of the model graph, the description of its input vector that an
 * engineer needs to feed it outside Baton; scoring through ONNX Runtime is {@link OnnxRuntimeModel}'s, loaded only when
 * ONNX Runtime is on the class path.
 */
public final class OnnxSupport {

    public static final String INPUT_NAME = "input";
    /** ONNX graphs compute in 32-bit floats, so they agree with the Java model to about this much. */
    public static final double TOLERANCE = 1e-4;

    /**
     * How raw columns become the ONNX input vector.
     *
     * @param features the feature names in the order of the input vector's positions
     * @param outputs  the class labels in the order of the output's positions (classification), or the regression target
     */
    @JsonPropertyOrder({"inputName", "inputShape", "features", "outputs", "probabilities", "preparation", "tolerance"})
    public record Io(String inputName, String inputShape, List<String> features, List<String> outputs, boolean probabilities,
                     String preparation, double tolerance) {
    }

    /** How far the whole-pipeline graph's probabilities may be from the Java scorer's (the model part computes in floats). */
    public static final double PIPELINE_TOLERANCE = 1e-5;

    /** One input of the whole-pipeline graph: a contract column. */
    @JsonPropertyOrder({"name", "tensor", "type", "meaning"})
    public record PipelineInput(String name, String tensor, String type, String meaning) {
    }

    /** How the whole-pipeline graph reproduced the Java scorer at export: rows scored both ways and the largest difference. */
    @JsonPropertyOrder({"rows", "labelsDiffering", "maxDifference", "measuredOn"})
    public record Parity(int rows, int labelsDiffering, double maxDifference, String measuredOn) {
    }

    /**
     * model/onnx-io.json of a whole-pipeline graph ({@link PipelineGraph}): raw columns in, the contract's outputs out.
     *
     * @param outputs the graph's outputs: label and probabilities (or scores) for classification, prediction for regression
     */
    @JsonPropertyOrder({"kind", "inputs", "missingTokens", "outputs", "classes", "probabilities", "opset", "mlOpset", "minimumOnnxRuntime",
            "tolerance", "parity"})
    public record PipelineIo(String kind, List<PipelineInput> inputs, List<String> missingTokens, List<String> outputs, List<String> classes,
                             boolean probabilities, int opset, int mlOpset, String minimumOnnxRuntime, Double tolerance, Parity parity) {

        public PipelineIo withParity(Parity measured) {
            return new PipelineIo(kind, inputs, missingTokens, outputs, classes, probabilities, opset, mlOpset, minimumOnnxRuntime,
                    PIPELINE_TOLERANCE, measured);
        }
    }

    /** Whether an onnx-io.json describes a whole-pipeline graph (raw columns in) rather than the model alone. */
    public static boolean isPipeline(byte[] onnxIo) {
        if (onnxIo == null) {
            return false;
        }
        try {
            return "pipeline".equals(dev.baton.util.Json.mapper().readTree(onnxIo).path("kind").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private OnnxSupport() {
    }

    /** A library's message cut to a line a model card can hold (Tribuo quotes whole models in some). */
    static String shortened(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "\u2026";
    }

    /** The ONNX graph, or null with the reason when the algorithm does not export. */
    public record Export(byte[] graph, Io io, String reason) {
    }

    public static Export export(Model<?> model, String algorithmLabel) {
        String noExport = algorithmLabel + " models have no ONNX export in Tribuo " + dev.baton.util.Versions.mavenVersion(
                "org.tribuo", "tribuo-core") + "; use the Tribuo model (model/model.tribuo) through Baton's scorer.";
        byte[] graph;
        if (model instanceof dev.baton.train.learn.ForestModel<?> forest) {
            // Baton's own trees and forests: the standard tree-ensemble operator of ai.onnx.ml.
            graph = forest.onnxGraph("dev.baton", 1);
        } else if (model.getClass().getName().equals("org.tribuo.common.xgboost.XGBoostModel")) {
            // XGBoost's trees from its own dump, as onnxmltools writes them (Tribuo has no export for them). Named, not
            // referenced: XGBoost is an optional dependency, and XGBoostOnnx is loaded only for its models.
            graph = XGBoostOnnx.graph(model, model.getOutputIDInfo().getDomain().iterator().next() instanceof Label);
            if (graph == null) {
                return new Export(null, null, "the trees of this " + algorithmLabel + " model could not be written as an ONNX graph; "
                        + "use the Tribuo model (model/model.tribuo) through Baton's scorer.");
            }
        } else {
            if (!(model instanceof ONNXExportable exportable)) {
                return new Export(null, null, noExport);
            }
            // An ensemble exports only if its members do; Tribuo's own message would quote every member.
            if (model instanceof org.tribuo.ensemble.EnsembleModel<?> ensemble
                    && ensemble.getModels().stream().anyMatch(member -> !(member instanceof ONNXExportable))) {
                return new Export(null, null, noExport);
            }
            try {
                graph = exportable.exportONNXModel("dev.baton", 1).toByteArray();
            } catch (RuntimeException e) {
                return new Export(null, null, "Tribuo could not export this " + algorithmLabel + " model to ONNX: "
                        + shortened(String.valueOf(e.getMessage())));
            }
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            VariableInfo info = features.get(i);
            order.add(info.getName());
        }
        List<String> outputs = new ArrayList<>();
        for (Pair<Integer, ? extends Output<?>> p : model.getOutputIDInfo()) {
            outputs.add(p.getB() instanceof Label l ? l.getLabel() : String.join(",", ((Regressor) p.getB()).getNames()));
        }
        Io io = new Io(INPUT_NAME, "[rows, " + order.size() + "] float32", order, outputs, model.generatesProbabilities(),
                "Apply recipe.json's steps to the raw columns (contract.json), then model/preparation.json: numbers get their median "
                        + "when missing (and a 1 in NAME@missing) and are standardized when the preparation says so; each category "
                        + "becomes a 1 in NAME@VALUE (all 0 for a category never seen). Features absent from a row are 0. Put each "
                        + "feature at its position in 'features'.", TOLERANCE);
        return new Export(graph, io, null);
    }

    /** Whether ONNX Runtime and Tribuo's bridge to it are on the class path: the scorer does not require them. */
    public static boolean runtimeAvailable() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, OnnxSupport.class.getClassLoader());
            Class.forName("org.tribuo.interop.onnx.ONNXExternalModel", false, OnnxSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
