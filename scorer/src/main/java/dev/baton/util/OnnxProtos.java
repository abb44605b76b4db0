package dev.baton.util;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import java.util.List;

/** Small builders for ONNX's protobuf messages: attributes and tensor descriptions, as Baton's graph writers need them. */
public final class OnnxProtos {

    private OnnxProtos() {
    }

    /** A tensor of N rows by {@code width} (no second dimension when width is -1), the rows' count left open. */
    public static OnnxMl.ValueInfoProto tensor(String name, OnnxMl.TensorProto.DataType type, int width) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        if (width >= 0) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    public static OnnxMl.AttributeProto attribute(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static OnnxMl.AttributeProto ints(String name, List<Long> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS).addAllInts(values).build();
    }

    public static OnnxMl.AttributeProto floats(String name, List<Float> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOATS).addAllFloats(values).build();
    }

    public static OnnxMl.AttributeProto attribute(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    public static OnnxMl.AttributeProto strings(String name, List<String> values) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRINGS);
        values.forEach(v -> b.addStrings(ByteString.copyFromUtf8(v)));
        return b.build();
    }
}
