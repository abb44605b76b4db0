package dev.baton.train.learn;

import ai.onnx.proto.OnnxMl;

import java.util.ArrayList;

import static dev.baton.util.OnnxProtos.attribute;
import static dev.baton.util.OnnxProtos.floats;
import static dev.baton.util.OnnxProtos.ints;
import static dev.baton.util.OnnxProtos.strings;
import static dev.baton.util.OnnxProtos.tensor;
import java.util.List;

/**
 * A forest (or one tree) as an ONNX graph: one {@code TreeEnsembleClassifier} or {@code TreeEnsembleRegressor} of the
 * standard {@code ai.onnx.ml} domain, as sklearn-onnx writes scikit-learn's forests. Each leaf carries its class
 * shares (or value) divided by the number of trees, and the ensemble sums them, which is the forest's average.
 * A row goes to a node's true branch when its value is at most the threshold, and so does a missing value (NaN),
 * as in {@link Tree#leaf}.
 */
final class ForestOnnx {

    static final String INPUT = "input";
    static final String PROBABILITIES = "probabilities";
    static final String LABEL = "label";
    static final String PREDICTION = "prediction";

    private ForestOnnx() {
    }

    /**
     * @param exact thresholds and input in doubles ({@code nodes_values_as_tensor}, ai.onnx.ml opset 3), so every split
     *              agrees with the Java trees, which compare doubles; otherwise in floats (opset 1), where a value
     *              between a threshold and its float rounding goes the other way (onnxruntime issue 4130)
     */
    static OnnxMl.ModelProto model(Forest forest, boolean classification, String domain, long version, String docString, boolean exact) {
        int k = forest.outputs;
        List<Long> treeIds = new ArrayList<>();
        List<Long> nodeIds = new ArrayList<>();
        List<Long> featureIds = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        OnnxMl.TensorProto.Builder exactValues = OnnxMl.TensorProto.newBuilder().setName("nodes_values_as_tensor")
                .setDataType(OnnxMl.TensorProto.DataType.DOUBLE_VALUE);
        List<String> modes = new ArrayList<>();
        List<Long> trueIds = new ArrayList<>();
        List<Long> falseIds = new ArrayList<>();
        List<Long> missingTrue = new ArrayList<>();
        List<Long> leafTrees = new ArrayList<>();
        List<Long> leafNodes = new ArrayList<>();
        List<Long> leafIds = new ArrayList<>();
        List<Float> leafWeights = new ArrayList<>();
        float share = 1f / forest.trees.length;
        for (int t = 0; t < forest.trees.length; t++) {
            Tree tree = forest.trees[t];
            for (int n = 0; n < tree.nodes(); n++) {
                treeIds.add((long) t);
                nodeIds.add((long) n);
                boolean leaf = tree.feature()[n] < 0;
                featureIds.add(leaf ? 0L : tree.feature()[n]);
                values.add(leaf ? 0f : (float) tree.threshold()[n]);
                exactValues.addDoubleData(leaf ? 0 : tree.threshold()[n]);
                modes.add(leaf ? "LEAF" : "BRANCH_LEQ");
                trueIds.add(leaf ? 0L : tree.left()[n]);
                falseIds.add(leaf ? 0L : tree.right()[n]);
                missingTrue.add(1L);
                if (leaf) {
                    int at = tree.left()[n] * k;
                    for (int c = 0; c < k; c++) {
                        leafTrees.add((long) t);
                        leafNodes.add((long) n);
                        leafIds.add((long) c);
                        leafWeights.add(tree.values()[at + c] * share);
                    }
                }
            }
        }
        String prefix = classification ? "class_" : "target_";
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder()
                .setOpType(classification ? "TreeEnsembleClassifier" : "TreeEnsembleRegressor")
                .setDomain("ai.onnx.ml")
                .setName("forest")
                .addInput(INPUT)
                .addAttribute(ints("nodes_treeids", treeIds))
                .addAttribute(ints("nodes_nodeids", nodeIds))
                .addAttribute(ints("nodes_featureids", featureIds))
                .addAttribute(exact ? OnnxMl.AttributeProto.newBuilder().setName("nodes_values_as_tensor")
                        .setType(OnnxMl.AttributeProto.AttributeType.TENSOR).setT(exactValues.addDims(values.size())).build()
                        : floats("nodes_values", values))
                .addAttribute(strings("nodes_modes", modes))
                .addAttribute(ints("nodes_truenodeids", trueIds))
                .addAttribute(ints("nodes_falsenodeids", falseIds))
                .addAttribute(ints("nodes_missing_value_tracks_true", missingTrue))
                .addAttribute(ints(prefix + "treeids", leafTrees))
                .addAttribute(ints(prefix + "nodeids", leafNodes))
                .addAttribute(ints(prefix + "ids", leafIds))
                .addAttribute(floats(prefix + "weights", leafWeights))
                .addAttribute(attribute("post_transform", "NONE"));
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("baton-forest")
                .addInput(tensor(INPUT, exact ? OnnxMl.TensorProto.DataType.DOUBLE : OnnxMl.TensorProto.DataType.FLOAT, forest.features));
        if (classification) {
            List<Long> classes = new ArrayList<>();
            for (long c = 0; c < k; c++) {
                classes.add(c);
            }
            node.addAttribute(ints("classlabels_int64s", classes)).addOutput(LABEL).addOutput(PROBABILITIES);
            graph.addOutput(tensor(LABEL, OnnxMl.TensorProto.DataType.INT64, -1))
                    .addOutput(tensor(PROBABILITIES, OnnxMl.TensorProto.DataType.FLOAT, k));
        } else {
            node.addAttribute(attribute("n_targets", 1))
                    .addAttribute(attribute("aggregate_function", "SUM"))
                    .addOutput(PREDICTION);
            graph.addOutput(tensor(PREDICTION, OnnxMl.TensorProto.DataType.FLOAT, 1));
        }
        graph.addNode(node);
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(7)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(exact ? 3 : 1))
                .setProducerName("Baton")
                .setProducerVersion(dev.baton.util.Versions.baton())
                .setDomain(domain)
                .setModelVersion(version)
                .setDocString(docString)
                .setGraph(graph)
                .build();
    }





}
