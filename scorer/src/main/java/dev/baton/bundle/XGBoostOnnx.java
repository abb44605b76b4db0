package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.ArrayList;

import static dev.baton.util.OnnxProtos.attribute;
import static dev.baton.util.OnnxProtos.floats;
import static dev.baton.util.OnnxProtos.ints;
import static dev.baton.util.OnnxProtos.strings;
import static dev.baton.util.OnnxProtos.tensor;
import java.util.List;

/**
 * A Tribuo XGBoost model as an ONNX graph: its trees, read from XGBoost's own JSON dump, as one
 * {@code TreeEnsembleClassifier} (softmax over the classes' summed leaves, as multi:softprob) or
 * {@code TreeEnsembleRegressor} of the standard {@code ai.onnx.ml} domain, the way onnxmltools writes XGBoost.
 * XGBoost compares 32-bit floats, {@code value < threshold} goes to "yes" and a missing value to the branch its
 * dump names; the operator does the same with {@code BRANCH_LT} on a float input. Touched only when XGBoost is on
 * the class path (an optional dependency of the scorer).
 */
final class XGBoostOnnx {

    /** XGBoost's default base score (1.6), added to every margin; Tribuo does not change it. */
    private static final float BASE_SCORE = 0.5f;

    private XGBoostOnnx() {
    }

    /** The graph, or null when the model is not one this export knows (several boosters, an unknown dump). */
    static byte[] graph(Model<?> model, boolean classification) {
        List<Booster> boosters = ((XGBoostModel<?>) model).getInnerModels();
        if (boosters.size() != 1) {
            return null; // a regressor of several targets: one booster each
        }
        String[] dump;
        try {
            dump = boosters.get(0).getModelDump((String) null, false, "json");
        } catch (XGBoostError e) {
            return null;
        }
        int features = model.getFeatureIDMap().size();
        int classes = classification ? model.getOutputIDInfo().size() : 1;
        if (dump.length % classes != 0) {
            return null;
        }
        Trees t = new Trees();
        try {
            for (int i = 0; i < dump.length; i++) {
                t.add(i, i % classes, dev.baton.util.Json.mapper().readTree(dump[i]));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        String prefix = classification ? "class_" : "target_";
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder()
                .setOpType(classification ? "TreeEnsembleClassifier" : "TreeEnsembleRegressor").setDomain("ai.onnx.ml").setName("xgboost")
                .addInput(OnnxSupport.INPUT_NAME)
                .addAttribute(ints("nodes_treeids", t.treeIds)).addAttribute(ints("nodes_nodeids", t.nodeIds))
                .addAttribute(ints("nodes_featureids", t.featureIds)).addAttribute(floats("nodes_values", t.values))
                .addAttribute(strings("nodes_modes", t.modes)).addAttribute(ints("nodes_truenodeids", t.trueIds))
                .addAttribute(ints("nodes_falsenodeids", t.falseIds)).addAttribute(ints("nodes_missing_value_tracks_true", t.missingTrue))
                .addAttribute(ints(prefix + "treeids", t.leafTrees)).addAttribute(ints(prefix + "nodeids", t.leafNodes))
                .addAttribute(ints(prefix + "ids", t.leafIds)).addAttribute(floats(prefix + "weights", t.leafWeights));
        List<Float> base = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            base.add(BASE_SCORE);
        }
        node.addAttribute(floats("base_values", base));
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("baton-xgboost")
                .addInput(tensor(OnnxSupport.INPUT_NAME, OnnxMl.TensorProto.DataType.FLOAT, features));
        if (classification) {
            List<Long> labels = new ArrayList<>();
            for (long c = 0; c < classes; c++) {
                labels.add(c);
            }
            node.addAttribute(ints("classlabels_int64s", labels)).addAttribute(attribute("post_transform", "SOFTMAX"))
                    .addOutput("label").addOutput("probabilities");
            graph.addOutput(tensor("label", OnnxMl.TensorProto.DataType.INT64, -1))
                    .addOutput(tensor("probabilities", OnnxMl.TensorProto.DataType.FLOAT, classes));
        } else {
            node.addAttribute(attribute("n_targets", 1))
                    .addAttribute(attribute("aggregate_function", "SUM")).addAttribute(attribute("post_transform", "NONE"))
                    .addOutput("prediction");
            graph.addOutput(tensor("prediction", OnnxMl.TensorProto.DataType.FLOAT, 1));
        }
        graph.addNode(node);
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
                .setProducerName("Baton").setProducerVersion(dev.baton.util.Versions.baton()).setDomain("dev.baton").setModelVersion(1)
                .setGraph(graph).build().toByteArray();
    }

    /** The ensemble's node and leaf attributes, tree by tree. */
    private static final class Trees {
        final List<Long> treeIds = new ArrayList<>();
        final List<Long> nodeIds = new ArrayList<>();
        final List<Long> featureIds = new ArrayList<>();
        final List<Float> values = new ArrayList<>();
        final List<String> modes = new ArrayList<>();
        final List<Long> trueIds = new ArrayList<>();
        final List<Long> falseIds = new ArrayList<>();
        final List<Long> missingTrue = new ArrayList<>();
        final List<Long> leafTrees = new ArrayList<>();
        final List<Long> leafNodes = new ArrayList<>();
        final List<Long> leafIds = new ArrayList<>();
        final List<Float> leafWeights = new ArrayList<>();

        void add(int tree, int target, JsonNode node) {
            long id = node.get("nodeid").asLong();
            treeIds.add((long) tree);
            nodeIds.add(id);
            if (node.has("leaf")) {
                featureIds.add(0L);
                values.add(0f);
                modes.add("LEAF");
                trueIds.add(0L);
                falseIds.add(0L);
                missingTrue.add(0L);
                leafTrees.add((long) tree);
                leafNodes.add(id);
                leafIds.add((long) target);
                leafWeights.add((float) node.get("leaf").asDouble());
                return;
            }
            String split = node.get("split").asText();
            if (!split.startsWith("f")) {
                throw new IllegalArgumentException("a split on a named feature: " + split);
            }
            featureIds.add(Long.parseLong(split.substring(1)));
            values.add((float) node.get("split_condition").asDouble());
            modes.add("BRANCH_LT");
            long yes = node.get("yes").asLong();
            trueIds.add(yes);
            falseIds.add(node.get("no").asLong());
            missingTrue.add(node.get("missing").asLong() == yes ? 1L : 0L);
            for (JsonNode child : node.get("children")) {
                add(tree, target, child);
            }
        }
    }





}
