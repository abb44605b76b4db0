package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * k nearest neighbours by Euclidean distance over all training rows (brute force, as scikit-learn's {@code brute}):
 * the class shares among the k (the first class of the most votes wins) or their mean target. Distances are
 * computed a block of training rows at a time, feature by feature over a column, which the JIT turns into vector
 * instructions, for a few queries at once; features that are 0 in a query (most one-hot columns) cost nothing.
 * Ties in distance go to the earlier training row.
 */
public final class NeighboursModel<T extends Output<T>> extends ArrayModel<T> {

    public static final int CURRENT_VERSION = 0;
    private static final int MAGIC = 0x424b4e31; // "BKN1"
    /** Training rows per block: a block of one column and the queries' partial sums fit the first-level cache. */
    private static final int BLOCK = 512;
    private static final int GROUP = 4;
    private static final long serialVersionUID = 1L;

    private final int k;
    /** [feature][training row] */
    private final transient double[][] columns;
    /** Squared length of each training row. */
    private final transient double[] norms;
    private final transient int[] labels;
    private final transient double[] targets;

    NeighboursModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<T> outputs,
                    int k, double[][] columns, int[] labels, double[] targets) {
        super(name, provenance, features, outputs, isClassification(outputs));
        int rows = labels != null ? labels.length : targets.length;
        if (k < 1 || columns.length != features.size() || rows == 0) {
            throw new IllegalArgumentException("k must be at least 1, with a column per feature and at least one row");
        }
        this.k = Math.min(k, rows);
        this.columns = columns;
        this.labels = labels;
        this.targets = targets;
        this.norms = new double[rows];
        for (double[] column : columns) {
            if (column.length != rows) {
                throw new IllegalArgumentException("Every column needs " + rows + " rows");
            }
            for (int i = 0; i < rows; i++) {
                norms[i] += column[i] * column[i];
            }
        }
    }

    private int rows() {
        return norms.length;
    }

    @Override
    double[][] predictOrdered(double[][] queries) {
        int outputs = classification() ? outputIDInfo.size() : 1;
        double[][] out = new double[queries.length][outputs];
        int chunk = 64;
        dev.baton.util.Parallel.forEach((queries.length + chunk - 1) / chunk, part -> {
            double[][] dots = new double[GROUP][BLOCK];
            int[][] nearest = new int[GROUP][k];
            double[][] distance = new double[GROUP][k];
            int end = Math.min(queries.length, (part + 1) * chunk);
            for (int q = part * chunk; q < end; q += GROUP) {
                int count = Math.min(GROUP, end - q);
                neighbours(queries, q, count, dots, nearest, distance);
                for (int g = 0; g < count; g++) {
                    vote(nearest[g], out[q + g]);
                }
            }
        });
        return out;
    }

    /**
     * The k nearest training rows of queries [from, from + count), nearest first. A few queries share each block
     * of a training column while it is in the first-level cache.
     */
    private void neighbours(double[][] queries, int from, int count, double[][] dots, int[][] nearest, double[][] distance) {
        for (int g = 0; g < count; g++) {
            java.util.Arrays.fill(distance[g], Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(nearest[g], -1);
        }
        int n = rows();
        for (int start = 0; start < n; start += BLOCK) {
            int size = Math.min(BLOCK, n - start);
            for (int g = 0; g < count; g++) {
                java.util.Arrays.fill(dots[g], 0, size, 0);
            }
            for (int f = 0; f < columns.length; f++) {
                double[] column = columns[f];
                if (count == GROUP) {
                    double v0 = queries[from][f];
                    double v1 = queries[from + 1][f];
                    double v2 = queries[from + 2][f];
                    double v3 = queries[from + 3][f];
                    if (v0 != 0 && v1 != 0 && v2 != 0 && v3 != 0) {
                        // All four use this feature (a number column): one pass, each value loaded once.
                        double[] d0 = dots[0];
                        double[] d1 = dots[1];
                        double[] d2 = dots[2];
                        double[] d3 = dots[3];
                        for (int i = 0; i < size; i++) {
                            double c = column[start + i];
                            d0[i] += v0 * c;
                            d1[i] += v1 * c;
                            d2[i] += v2 * c;
                            d3[i] += v3 * c;
                        }
                        continue;
                    }
                }
                for (int g = 0; g < count; g++) {
                    double v = queries[from + g][f];
                    if (v == 0) {
                        continue;
                    }
                    double[] dot = dots[g];
                    for (int i = 0; i < size; i++) {
                        dot[i] += v * column[start + i];
                    }
                }
            }
            for (int g = 0; g < count; g++) {
                keepNearest(dots[g], start, size, nearest[g], distance[g]);
            }
        }
    }

    /** |x - t|² = |x|² + |t|² - 2 x.t; |x|² is the same for every t, so it is left out of the ranking. */
    private void keepNearest(double[] dot, int start, int size, int[] nearest, double[] distance) {
        double worst = distance[k - 1];
        for (int i = 0; i < size; i++) {
            double d = norms[start + i] - 2 * dot[i];
            if (d < worst) {
                int at = k - 1;
                while (at > 0 && distance[at - 1] > d) {
                    distance[at] = distance[at - 1];
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                distance[at] = d;
                nearest[at] = start + i;
                worst = distance[k - 1];
            }
        }
    }

    private void vote(int[] nearest, double[] out) {
        if (classification()) {
            for (int r : nearest) {
                out[labels[r]] += 1.0 / k;
            }
        } else {
            double sum = 0;
            for (int r : nearest) {
                sum += targets[r];
            }
            out[0] = sum / k;
        }
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of(); // neighbours weigh no feature above another
    }

    @Override
    protected NeighboursModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new NeighboursModel<>(newName, newProvenance, featureIDMap, outputIDInfo, k, columns, labels, targets);
    }

    @Override
    public ModelProto serialize() {
        byte[] meta = createDataCarrier().serialize().toByteArray();
        return StoredForm.envelope(NeighboursModel.class, CURRENT_VERSION, out -> {
            out.writeInt(MAGIC);
            out.writeInt(meta.length);
            out.write(meta);
            out.writeInt(k);
            out.writeBoolean(labels != null);
            out.writeInt(columns.length);
            out.writeInt(rows());
            for (double[] column : columns) {
                for (double v : column) {
                    out.writeDouble(v);
                }
            }
            for (int i = 0; i < rows(); i++) {
                if (labels != null) {
                    out.writeInt(labels[i]);
                } else {
                    out.writeDouble(targets[i]);
                }
            }
        });
    }

    /** Tribuo's deserialization factory: reads what {@link #serialize()} wrote, refusing anything out of range. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static NeighboursModel<?> deserializeFromProto(int version, String className, Any message) throws InvalidProtocolBufferException {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown neighbours model version " + version + "; this Baton reads version " + CURRENT_VERSION);
        }
        StoredForm.Input reader = StoredForm.open(message);
        try (DataInputStream in = reader.in()) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("Not a neighbours model");
            }
            ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(reader.bytes()));
            int k = in.readInt();
            boolean classification = in.readBoolean();
            int features = reader.count(8);
            int rows = reader.count(8);
            if ((long) features * rows * 8 > reader.size() || features != carrier.featureDomain().size()) {
                throw new IllegalArgumentException("The neighbours model's rows do not fit its size or its features");
            }
            double[][] columns = new double[features][rows];
            for (double[] column : columns) {
                for (int i = 0; i < rows; i++) {
                    column[i] = in.readDouble();
                }
            }
            int[] labels = classification ? new int[rows] : null;
            double[] targets = classification ? null : new double[rows];
            int classes = carrier.outputDomain().size();
            for (int i = 0; i < rows; i++) {
                if (classification) {
                    labels[i] = in.readInt();
                    if (labels[i] < 0 || labels[i] >= classes) {
                        throw new IllegalArgumentException("Training row " + i + " has no class " + labels[i]);
                    }
                } else {
                    targets[i] = in.readDouble();
                }
            }
            return new NeighboursModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), carrier.outputDomain(), k,
                    columns, labels, targets);
        } catch (IOException e) {
            throw new IllegalArgumentException("The neighbours model is cut short or damaged: " + e.getMessage(), e);
        }
    }
}
