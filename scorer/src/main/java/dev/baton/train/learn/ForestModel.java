package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A model of {@link ForestTrainer}: class shares (classification) or values (regression) averaged over trees. It
 * is a Tribuo model, stored in Tribuo's protobuf envelope with the trees as a small binary layout that is checked
 * when read (every child after its parent, every feature and leaf in range), never Java serialization.
 */
public final class ForestModel<T extends Output<T>> extends ArrayModel<T> {

    public static final int CURRENT_VERSION = 0;
    private static final int MAGIC = 0x42_46_52_31; // "BFR1"
    private static final long serialVersionUID = 1L;

    private final transient Forest forest;

    ForestModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, Forest forest) {
        super(name, provenance, features, outputs, isClassification(outputs));
        this.forest = forest;
        if (forest.features != features.size() || forest.outputs != (classification() ? outputs.size() : 1)) {
            throw new IllegalArgumentException("The forest has " + forest.features + " features and " + forest.outputs
                    + " outputs; the model's domains have " + features.size() + " and " + outputs.size());
        }
    }

    public int trees() {
        return forest.trees.length;
    }

    /** The forest as an ONNX graph of the standard tree-ensemble operator (see {@link ForestOnnx}). */
    public byte[] onnxGraph(String domain, long version) {
        return ForestOnnx.model(forest, classification(), domain, version, getName(), false).toByteArray();
    }

    /** The same trees reading doubles and splitting on double thresholds: every split as the Java trees make it. */
    public byte[] exactOnnxGraph(String domain, long version) {
        return ForestOnnx.model(forest, classification(), domain, version, getName(), true).toByteArray();
    }

    @Override
    double[][] predictOrdered(double[][] rows) {
        return forest.predict(rows);
    }

    /** The features by mean decrease in impurity, for all outputs together. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        List<Pair<String, Double>> list = new ArrayList<>();
        for (int f = 0; f < forest.features; f++) {
            list.add(new Pair<>(featureIDMap.get(f).getName(), forest.importance[f]));
        }
        list.sort(Comparator.comparing((Pair<String, Double> pair) -> pair.getB()).reversed());
        return Map.of(Model.ALL_OUTPUTS, n < 0 ? list : list.subList(0, Math.min(n, list.size())));
    }

    @Override
    protected ForestModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new ForestModel<>(newName, newProvenance, featureIDMap, outputIDInfo, forest);
    }

    @Override
    public ModelProto serialize() {
        byte[] meta = createDataCarrier().serialize().toByteArray();
        return StoredForm.envelope(ForestModel.class, CURRENT_VERSION, out -> {
            out.writeInt(MAGIC);
            out.writeInt(meta.length);
            out.write(meta);
            out.writeInt(forest.outputs);
            out.writeInt(forest.features);
            for (double v : forest.importance) {
                out.writeDouble(v);
            }
            out.writeInt(forest.trees.length);
            for (Tree t : forest.trees) {
                out.writeInt(t.nodes());
                for (int i = 0; i < t.nodes(); i++) {
                    out.writeInt(t.feature()[i]);
                    out.writeDouble(t.threshold()[i]);
                    out.writeInt(t.left()[i]);
                    out.writeInt(t.right()[i]);
                }
                out.writeInt(t.values().length);
                for (float v : t.values()) {
                    out.writeFloat(v);
                }
            }
        });
    }

    /** Tribuo's deserialization factory: reads what {@link #serialize()} wrote, refusing anything out of range. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ForestModel<?> deserializeFromProto(int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown forest model version " + version + "; this Baton reads version " + CURRENT_VERSION);
        }
        StoredForm.Input reader = StoredForm.open(message);
        try (DataInputStream in = reader.in()) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("Not a forest model");
            }
            byte[] meta = reader.bytes();
            ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(meta));
            int outputs = reader.count(16);
            int features = reader.count(8);
            double[] importance = new double[features];
            for (int f = 0; f < features; f++) {
                importance[f] = in.readDouble();
            }
            Tree[] trees = new Tree[reader.count(4)];
            if (trees.length == 0) {
                throw new IllegalArgumentException("A forest model without trees");
            }
            for (int t = 0; t < trees.length; t++) {
                trees[t] = tree(reader, features, outputs);
            }
            Forest forest = new Forest(trees, outputs, features, importance);
            return new ForestModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), carrier.outputDomain(), forest);
        } catch (IOException e) {
            throw new IllegalArgumentException("The forest model is cut short or damaged: " + e.getMessage(), e);
        }
    }

    private static Tree tree(StoredForm.Input reader, int features, int outputs) throws IOException {
        DataInputStream in = reader.in();
        int nodes = reader.count(20);
        if (nodes == 0) {
            throw new IllegalArgumentException("A tree without nodes");
        }
        int[] feature = new int[nodes];
        double[] threshold = new double[nodes];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            feature[i] = in.readInt();
            threshold[i] = in.readDouble();
            left[i] = in.readInt();
            right[i] = in.readInt();
        }
        float[] values = new float[reader.count(4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        for (int i = 0; i < nodes; i++) {
            boolean ok = feature[i] < 0
                    ? feature[i] == -1 && left[i] >= 0 && ((long) left[i] + 1) * outputs <= values.length
                    : feature[i] < features && left[i] > i && left[i] < nodes && right[i] > i && right[i] < nodes;
            if (!ok) {
                throw new IllegalArgumentException("Tree node " + i + " points outside the tree");
            }
        }
        return new Tree(feature, threshold, left, right, values, outputs);
    }
}
