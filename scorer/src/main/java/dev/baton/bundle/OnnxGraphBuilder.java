package dev.baton.bundle;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import java.util.ArrayList;
import java.util.List;

/** The nodes and constants of a graph being written, with small builders for the operations Baton's translations use. */
final class OnnxGraphBuilder {

    private final List<OnnxMl.NodeProto> nodes = new ArrayList<>();
    private final List<OnnxMl.TensorProto> constants = new ArrayList<>();
    private int names;

    List<OnnxMl.NodeProto> nodes() {
        return nodes;
    }

    List<OnnxMl.TensorProto> constants() {
        return constants;
    }

    /** The constants some node reads: a translation may make one it then has no use for (a quoted text read as a pattern). */
    List<OnnxMl.TensorProto> usedConstants() {
        java.util.Set<String> read = new java.util.HashSet<>();
        nodes.forEach(n -> read.addAll(n.getInputList()));
        return constants.stream().filter(c -> read.contains(c.getName())).toList();
    }

    String fresh(String op) {
        return "baton/" + op.toLowerCase(java.util.Locale.ROOT) + "_" + (names++);
    }

    String node(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = fresh(op);
        OnnxMl.NodeProto.Builder b = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out);
        for (OnnxMl.AttributeProto a : attributes) {
            b.addAttribute(a);
        }
        nodes.add(b.build());
        return out;
    }

    /** A node with two outputs (the first is returned, the second only named): operators whose outputs are all required. */
    String nodeOfTwoOutputs(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = node(op, inputs, attributes);
        nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1).toBuilder().addOutput(fresh(op)).build());
        return out;
    }

    /** A node of the ai.onnx.ml domain. */
    String mlNode(String op, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = node(op, inputs, attributes);
        nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1).toBuilder().setDomain("ai.onnx.ml").build());
        return out;
    }

    String asDouble(String tensor) {
        return node("Cast", List.of(tensor), dev.baton.util.OnnxProtos.attribute("to", OnnxMl.TensorProto.DataType.DOUBLE_VALUE));
    }

    String add(String x, double v) {
        return node("Add", List.of(x, constant(v)));
    }

    String add(String x, String y) {
        return node("Add", List.of(x, y));
    }

    String sub(String x, double v) {
        return node("Sub", List.of(x, constant(v)));
    }

    String sub(String x, String y) {
        return node("Sub", List.of(x, y));
    }

    String mul(String x, double v) {
        return node("Mul", List.of(x, constant(v)));
    }

    String floorDiv(String x, double v) {
        return node("Floor", List.of(node("Div", List.of(x, constant(v)))));
    }

    String mod(String x, double v) {
        return sub(x, mul(floorDiv(x, v), v));
    }

    String constant(double v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.DOUBLE_VALUE).addDoubleData(v).build());
        return name;
    }

    String constant(boolean v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.BOOL_VALUE).addInt32Data(v ? 1 : 0).build());
        return name;
    }

    String constant(String v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.STRING_VALUE)
                .addStringData(ByteString.copyFromUtf8(v)).build());
        return name;
    }

    /** A scalar (rank 0), as Gather takes an index that removes the axis it picks from. */
    String scalar(long v) {
        String name = fresh("const");
        constants.add(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE).addInt64Data(v).build());
        return name;
    }

    String constantLongs(long... v) {
        String name = fresh("const");
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE)
                .addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        constants.add(t.build());
        return name;
    }

    /** A number that is not one (NaN) or infinite becomes missing (NaN), as the expression language has it. */
    String missingIfNotFinite(String v) {
        return node("Where", List.of(node("Or", List.of(node("IsNaN", List.of(v)), node("IsInf", List.of(v)))), constant(Double.NaN), v));
    }
}
