package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model of {@link ForestTrainer}: class shares (classification) or values (regression) averaged over trees. It
 * is a Tribuo model, stored in Tribuo's protobuf envelope with the trees as a small binary layout that is checked
 * when read (every child after its parent, every feature and leaf in range), never Java serialization.
 * {@link #predict(String[], double[][])} scores rows of numbers directly, without Tribuo's examples.
 */
public final class ForestModel<T extends Output<T>> extends Model<T> {

    public static final int CURRENT_VERSION = 0;
    private static final int MAGIC = 0x42_46_52_31; // "BFR1"
    private static final long serialVersionUID = 1L;

    private final transient Forest forest;
    private final boolean classification;
    /** Class names by output id, or the one regression dimension. */
    private final String[] outputNames;

    ForestModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs, Forest forest) {
        super(name, provenance, features, outputs, outputs.getDomain().iterator().next() instanceof Label);
        this.forest = forest;
        this.classification = generatesProbabilities;
        this.outputNames = new String[outputs.size()];
        for (int id = 0; id < outputNames.length; id++) {
            T output = outputs.getOutput(id);
            outputNames[id] = output instanceof Label l ? l.getLabel() : ((Regressor) output).getNames()[0];
        }
        if (forest.features != features.size() || forest.outputs != (classification ? outputNames.length : 1)) {
            throw new IllegalArgumentException("The forest has " + forest.features + " features and " + forest.outputs
                    + " outputs; the model's domains have " + features.size() + " and " + outputNames.length);
        }
    }

    /** Class names in the order of {@link #predict(String[], double[][])}'s columns (one column for regression). */
    public List<String> outputNames() {
        return List.of(outputNames);
    }

    public int trees() {
        return forest.trees.length;
    }

    /**
     * Class shares (one column per class of {@link #outputNames()}) or the value (one column) for rows whose
     * columns are the features {@code names}; features the model does not know are ignored, missing ones are 0.
     */
    public double[][] predict(String[] names, double[][] rows) {
        int[] id = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            id[j] = featureIDMap.getID(names[j]);
        }
        int p = forest.features;
        double[][] ordered = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] x = new double[p];
            double[] row = rows[i];
            for (int j = 0; j < id.length; j++) {
                if (id[j] >= 0) {
                    x[id[j]] = row[j];
                }
            }
            ordered[i] = x;
        }
        return forest.predict(ordered);
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        double[] x = new double[forest.features];
        int used = 0;
        for (Feature feature : example) {
            int id = featureIDMap.getID(feature.getName());
            if (id >= 0) {
                x[id] = feature.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("No features found in Example " + example);
        }
        double[] out = new double[forest.outputs];
        forest.predict(x, out);
        return prediction(out, used, example);
    }

    @SuppressWarnings("unchecked")
    private Prediction<T> prediction(double[] out, int used, Example<T> example) {
        if (!classification) {
            return new Prediction<>((T) new Regressor(outputNames[0], out[0]), used, example);
        }
        int best = 0;
        Map<String, T> scores = new LinkedHashMap<>();
        for (int c = 0; c < out.length; c++) {
            if (out[c] > out[best]) {
                best = c;
            }
            scores.put(outputNames[c], (T) new Label(outputNames[c], out[c]));
        }
        return new Prediction<>((T) new Label(outputNames[best], out[best]), scores, used, example, true);
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
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected ForestModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new ForestModel<>(newName, newProvenance, featureIDMap, outputIDInfo, forest);
    }

    @Override
    public ModelProto serialize() {
        byte[] meta = createDataCarrier().serialize().toByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(ForestModel.class.getName())
                .setSerializedData(Any.pack(BytesValue.of(ByteString.copyFrom(bytes.toByteArray())))).build();
    }

    /** Tribuo's deserialization factory: reads what {@link #serialize()} wrote, refusing anything out of range. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ForestModel<?> deserializeFromProto(int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown forest model version " + version + "; this Baton reads version " + CURRENT_VERSION);
        }
        ByteString data = message.unpack(BytesValue.class).getValue();
        try (DataInputStream in = new DataInputStream(data.newInput())) {
            Reader reader = new Reader(in, data.size());
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
                trees[t] = reader.tree(features, outputs);
            }
            Forest forest = new Forest(trees, outputs, features, importance);
            return new ForestModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), carrier.outputDomain(), forest);
        } catch (IOException e) {
            throw new IllegalArgumentException("The forest model is cut short or damaged: " + e.getMessage(), e);
        }
    }

    /** Reads counts that cannot claim more bytes than are left, so a damaged file cannot ask for gigabytes. */
    private record Reader(DataInputStream in, int size) {

        int count(int bytesEach) throws IOException {
            int n = in.readInt();
            if (n < 0 || (long) n * bytesEach > size) {
                throw new IllegalArgumentException("A count of " + n + " does not fit a model of " + size + " bytes");
            }
            return n;
        }

        byte[] bytes() throws IOException {
            byte[] b = new byte[count(1)];
            in.readFully(b);
            return b;
        }

        Tree tree(int features, int outputs) throws IOException {
            int nodes = count(20);
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
            float[] values = new float[count(4)];
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
}
