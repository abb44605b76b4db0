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
    /** Minus half the squared length of each training row: where each row's score starts (see keepNearest). */
    private final transient double[] negHalfNorms;
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
        double[] norms = new double[rows];
        for (double[] column : columns) {
            if (column.length != rows) {
                throw new IllegalArgumentException("Every column needs " + rows + " rows");
            }
            for (int i = 0; i < rows; i++) {
                norms[i] += column[i] * column[i];
            }
        }
        this.negHalfNorms = new double[rows];
        for (int i = 0; i < rows; i++) {
            negHalfNorms[i] = -0.5 * norms[i];
        }
    }

    private int rows() {
        return negHalfNorms.length;
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
            java.util.Arrays.fill(distance[g], Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(nearest[g], -1);
        }
        // The features all four queries use (number columns) are added for all four in one pass; the others (one-hot
        // columns: each query has its own) per query, several columns per pass. Each pass loads and stores the
        // partial sums once, and those loads and stores, not the arithmetic, are what a pass costs.
        int p = columns.length;
        int[] shared = new int[p];
        int sharedCount = 0;
        int[][] own = new int[count][p];
        int[] ownCount = new int[count];
        for (int f = 0; f < p; f++) {
            boolean all = count == GROUP;
            for (int g = 0; g < count && all; g++) {
                all = queries[from + g][f] != 0;
            }
            if (all) {
                shared[sharedCount++] = f;
                continue;
            }
            for (int g = 0; g < count; g++) {
                if (queries[from + g][f] != 0) {
                    own[g][ownCount[g]++] = f;
                }
            }
        }
        int n = rows();
        for (int start = 0; start < n; start += BLOCK) {
            int size = Math.min(BLOCK, n - start);
            for (int g = 0; g < count; g++) {
                System.arraycopy(negHalfNorms, start, dots[g], 0, size);
            }
            for (int j = 0; j < sharedCount; j += 2) {
                if (j + 1 < sharedCount) {
                    addShared(queries, from, shared[j], shared[j + 1], dots, start, size);
                } else {
                    addShared(queries, from, shared[j], dots, start, size);
                }
            }
            for (int g = 0; g < count; g++) {
                addOwn(queries[from + g], own[g], ownCount[g], dots[g], start, size);
            }
            if (count == GROUP) {
                keepNearestOfFour(dots, start, size, nearest, distance);
            } else {
                for (int g = 0; g < count; g++) {
                    keepNearest(dots[g], start, size, nearest[g], distance[g]);
                }
            }
        }
    }

    /** Two features every one of the four queries uses, added to their sums in one pass. */
    private void addShared(double[][] queries, int from, int f, int h, double[][] dots, int start, int size) {
        double[] a = columns[f];
        double[] b = columns[h];
        double a0 = queries[from][f];
        double a1 = queries[from + 1][f];
        double a2 = queries[from + 2][f];
        double a3 = queries[from + 3][f];
        double b0 = queries[from][h];
        double b1 = queries[from + 1][h];
        double b2 = queries[from + 2][h];
        double b3 = queries[from + 3][h];
        double[] d0 = dots[0];
        double[] d1 = dots[1];
        double[] d2 = dots[2];
        double[] d3 = dots[3];
        for (int i = 0; i < size; i++) {
            double x = a[start + i];
            double y = b[start + i];
            d0[i] += a0 * x + b0 * y;
            d1[i] += a1 * x + b1 * y;
            d2[i] += a2 * x + b2 * y;
            d3[i] += a3 * x + b3 * y;
        }
    }

    /** One feature every one of the four queries uses. */
    private void addShared(double[][] queries, int from, int f, double[][] dots, int start, int size) {
        double[] a = columns[f];
        double a0 = queries[from][f];
        double a1 = queries[from + 1][f];
        double a2 = queries[from + 2][f];
        double a3 = queries[from + 3][f];
        double[] d0 = dots[0];
        double[] d1 = dots[1];
        double[] d2 = dots[2];
        double[] d3 = dots[3];
        for (int i = 0; i < size; i++) {
            double x = a[start + i];
            d0[i] += a0 * x;
            d1[i] += a1 * x;
            d2[i] += a2 * x;
            d3[i] += a3 * x;
        }
    }

    /** One query's other non-zero features, up to four per pass. */
    private void addOwn(double[] query, int[] features, int count, double[] dot, int start, int size) {
        int j = 0;
        for (; j + 4 <= count; j += 4) {
            double[] a = columns[features[j]];
            double[] b = columns[features[j + 1]];
            double[] c = columns[features[j + 2]];
            double[] e = columns[features[j + 3]];
            double va = query[features[j]];
            double vb = query[features[j + 1]];
            double vc = query[features[j + 2]];
            double ve = query[features[j + 3]];
            for (int i = 0; i < size; i++) {
                dot[i] += va * a[start + i] + vb * b[start + i] + vc * c[start + i] + ve * e[start + i];
            }
        }
        if (count - j == 3) {
            double[] a = columns[features[j]];
            double[] b = columns[features[j + 1]];
            double[] c = columns[features[j + 2]];
            double va = query[features[j]];
            double vb = query[features[j + 1]];
            double vc = query[features[j + 2]];
            for (int i = 0; i < size; i++) {
                dot[i] += va * a[start + i] + vb * b[start + i] + vc * c[start + i];
            }
        } else if (count - j == 2) {
            double[] a = columns[features[j]];
            double[] b = columns[features[j + 1]];
            double va = query[features[j]];
            double vb = query[features[j + 1]];
            for (int i = 0; i < size; i++) {
                dot[i] += va * a[start + i] + vb * b[start + i];
            }
        } else if (count - j == 1) {
            double[] a = columns[features[j]];
            double va = query[features[j]];
            for (int i = 0; i < size; i++) {
                dot[i] += va * a[start + i];
            }
        }
    }

    /**
     * {@link #keepNearest} for four queries in one pass: one test of all four per training row, as a row rarely
     * beats any query's k-th nearest once a few blocks are done.
     */
    private void keepNearestOfFour(double[][] scores, int start, int size, int[][] nearest, double[][] best) {
        double[] s0 = scores[0];
        double[] s1 = scores[1];
        double[] s2 = scores[2];
        double[] s3 = scores[3];
        double w0 = best[0][k - 1];
        double w1 = best[1][k - 1];
        double w2 = best[2][k - 1];
        double w3 = best[3][k - 1];
        for (int i = 0; i < size; i++) {
            if (s0[i] > w0 | s1[i] > w1 | s2[i] > w2 | s3[i] > w3) {
                if (s0[i] > w0) {
                    w0 = insert(s0[i], start + i, nearest[0], best[0]);
                }
                if (s1[i] > w1) {
                    w1 = insert(s1[i], start + i, nearest[1], best[1]);
                }
                if (s2[i] > w2) {
                    w2 = insert(s2[i], start + i, nearest[2], best[2]);
                }
                if (s3[i] > w3) {
                    w3 = insert(s3[i], start + i, nearest[3], best[3]);
                }
            }
        }
    }

    /**
     * |x - t|² = |x|² + |t|² - 2 x.t, and |x|² is the same for every t: the nearest rows have the largest score
     * x.t - |t|²/2, which is what the blocks accumulate. Ties keep the earlier row.
     */
    private void keepNearest(double[] scores, int start, int size, int[] nearest, double[] best) {
        double worst = best[k - 1];
        for (int i = 0; i < size; i++) {
            if (scores[i] > worst) {
                worst = insert(scores[i], start + i, nearest, best);
            }
        }
    }

    /** Puts a row among the k best if its score beats the k-th; returns the (new) k-th best score. */
    private double insert(double score, int row, int[] nearest, double[] best) {
        if (score > best[k - 1]) {
            int at = k - 1;
            while (at > 0 && best[at - 1] < score) {
                best[at] = best[at - 1];
                nearest[at] = nearest[at - 1];
                at--;
            }
            best[at] = score;
            nearest[at] = row;
        }
        return best[k - 1];
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
