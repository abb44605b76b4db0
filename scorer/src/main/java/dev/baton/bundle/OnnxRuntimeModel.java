package dev.baton.bundle;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.interop.onnx.OutputTransformer;
import org.tribuo.interop.onnx.RegressorTransformer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A bundle's ONNX graph run by ONNX Runtime through Tribuo's ONNX interop: an optional dependency of the scorer, so
 * this class is only touched after {@link OnnxSupport#runtimeAvailable()}.
 */
final class OnnxRuntimeModel {

    private OnnxRuntimeModel() {
    }

    /** The graph as a Tribuo model backed by ONNX Runtime: it scores the same examples as the Java model. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Model<?> of(byte[] graph, Model<?> javaModel) {
        Map<String, Integer> featureMapping = new HashMap<>();
        ImmutableFeatureMap features = javaModel.getFeatureIDMap();
        for (int i = 0; i < features.size(); i++) {
            featureMapping.put(features.get(i).getName(), i);
        }
        Map outputMapping = new HashMap<>();
        for (Pair<Integer, ? extends Output<?>> p : javaModel.getOutputIDInfo()) {
            outputMapping.put(p.getB(), p.getA());
        }
        boolean classification = javaModel.getOutputIDInfo().getDomain().iterator().next() instanceof Label;
        OutputFactory factory = classification ? dev.baton.train.TribuoBridge.LABELS : dev.baton.train.TribuoBridge.REGRESSORS;
        OutputTransformer transformer = classification ? new LabelTransformer(javaModel.generatesProbabilities()) : new RegressorTransformer();
        Path temp = null;
        try {
            temp = Files.createTempFile("baton-onnx", ".onnx");
            Files.write(temp, graph);
            return ONNXExternalModel.createOnnxModel(factory, featureMapping, outputMapping, new DenseTransformer(), transformer,
                    new OrtSession.SessionOptions(), temp, OnnxSupport.INPUT_NAME);
        } catch (IOException | OrtException | RuntimeException e) {
            throw new BundleException("ONNX Runtime cannot load the bundle's ONNX graph: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new BundleException("ONNX Runtime's native library cannot load on this machine: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the session has read the graph already
                }
            }
        }
    }
}
