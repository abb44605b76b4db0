package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * k-means as an exploration aid: which groups of similar rows the data holds. The columns are prepared as for
 * training (median plus indicator for missing numbers, one-hot categories, standardized) so that no column
 * dominates by its units; Tribuo's k-means++ fits the centroids on at most {@link #MAX_FIT_ROWS} sampled rows and
 * every row is then assigned to its nearest centroid. Each cluster is described in the columns' own units.
 */
public final class ClusterAnalysis {

    public static final int MAX_FIT_ROWS = 100_000;
    /** Rows sampled for the silhouette, which costs the square of the rows. */
    static final int SILHOUETTE_ROWS = 2_000;
    private static final int ITERATIONS = 100;
    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    /**
     * @param means per numeric column, its mean within the cluster (NaN when all missing)
     * @param modes per categorical column, its most frequent value in the cluster and that value's share
     */
    public record Cluster(int id, long size, Map<String, Double> means, Map<String, Mode> modes) {
    }

    public record Mode(String value, double share) {
    }

    /**
     * @param assignment each dataset row's cluster (0-based)
     * @param withinSumOfSquares total squared distance of the rows to their centroids, in prepared units
     * @param silhouette mean silhouette over a sample of rows (-1 to 1; higher means better separated clusters)
     */
    public record Result(int k, List<String> columns, List<Cluster> clusters, int[] assignment, double withinSumOfSquares,
                         double silhouette, int fittedRows, long seed) {
    }

    private ClusterAnalysis() {
    }

    public static Result run(Dataset data, List<String> columns, int k, long seed, Progress progress) {
        if (k < 2 || k > 20) {
            throw new UserException("Choose between 2 and 20 clusters, not " + k + ".");
        }
        progress.update(0, 4, "Preparing " + columns.size() + " columns");
        Frame frame = Frame.unsupervised(data, columns);
        frame.checkEncodedSize(Runtime.getRuntime().maxMemory());
        if (frame.rows < k) {
            throw new UserException("The data has " + frame.rows + " rows: too few for " + k + " clusters.");
        }
        int[] fitRows = sample(frame.rows, MAX_FIT_ROWS, seed);
        Preparation preparation = frame.fitPreparation(fitRows, true);
        String[] names = preparation.names();
        progress.checkCancelled();
        progress.update(1, 4, "Finding " + k + " clusters");
        double[][] centroids = centroids(frame.encode(preparation, fitRows), names, k, seed);
        progress.checkCancelled();
        progress.update(2, 4, "Assigning every row");
        int[] all = sample(frame.rows, frame.rows, seed);
        double[][] prepared = frame.encode(preparation, all);
        int[] assignment = new int[frame.rows];
        double within = 0;
        for (int r = 0; r < prepared.length; r++) {
            assignment[r] = nearest(prepared[r], centroids);
            within += squared(prepared[r], centroids[assignment[r]]);
        }
        progress.checkCancelled();
        progress.update(3, 4, "Describing the clusters");
        double silhouette = silhouette(prepared, assignment, k, seed);
        List<Cluster> clusters = describe(frame, assignment, k);
        progress.update(4, 4, "Done");
        return new Result(k, List.copyOf(columns), clusters, assignment, within, silhouette, fitRows.length, seed);
    }

    /** The within-cluster sum of squares for k = 1 to maxK on a sample: where it stops falling steeply is a good k. */
    public static double[] elbow(Dataset data, List<String> columns, int maxK, long seed, Progress progress) {
        Frame frame = Frame.unsupervised(data, columns);
        frame.checkEncodedSize(Runtime.getRuntime().maxMemory());
        int[] rows = sample(frame.rows, 20_000, seed);
        Preparation preparation = frame.fitPreparation(rows, true);
        double[][] prepared = frame.encode(preparation, rows);
        int top = Math.min(maxK, rows.length);
        double[] out = new double[top];
        for (int k = 1; k <= top; k++) {
            progress.checkCancelled();
            progress.update(k - 1, top, "Trying " + k + " cluster" + (k == 1 ? "" : "s"));
            double[][] centroids = k == 1 ? new double[][]{mean(prepared)} : centroids(prepared, preparation.names(), k, seed);
            double sum = 0;
            for (double[] row : prepared) {
                sum += squared(row, centroids[nearest(row, centroids)]);
            }
            out[k - 1] = sum;
        }
        progress.update(top, top, "Done");
        return out;
    }

    private static double[][] centroids(double[][] rows, String[] names, int k, long seed) {
        List<ClusterID> unknown = Collections.nCopies(rows.length, FACTORY.getUnknownOutput());
        var dataset = new PreparedDataset<>(new SimpleDataSourceProvenance("k-means rows",
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), FACTORY), FACTORY, names, rows, unknown);
        KMeansTrainer trainer = new KMeansTrainer(k, ITERATIONS, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(dataset);
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        DenseVector[] vectors = model.getCentroidVectors();
        double[][] out = new double[vectors.length][names.length];
        for (int c = 0; c < vectors.length; c++) {
            for (int f = 0; f < names.length; f++) {
                int id = ids.getID(names[f]);
                out[c][f] = id < 0 ? 0 : vectors[c].get(id);
            }
        }
        return out;
    }

    static int nearest(double[] row, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squared(row, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] row : rows) {
            for (int f = 0; f < m.length; f++) {
                m[f] += row[f] / rows.length;
            }
        }
        return m;
    }

    /** Mean silhouette (Rousseeuw 1987) over a seeded sample of rows. */
    static double silhouette(double[][] prepared, int[] assignment, int k, long seed) {
        int[] rows = sample(prepared.length, SILHOUETTE_ROWS, seed);
        double total = 0;
        int counted = 0;
        for (int i : rows) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : rows) {
                if (j != i) {
                    sum[assignment[j]] += Math.sqrt(squared(prepared[i], prepared[j]));
                    count[assignment[j]]++;
                }
            }
            int own = assignment[i];
            if (count[own] == 0) {
                continue; // a singleton's silhouette is 0 by convention; leave it out of the mean
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            if (Double.isInfinite(b)) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
            counted++;
        }
        return counted == 0 ? Double.NaN : total / counted;
    }

    private static List<Cluster> describe(Frame frame, int[] assignment, int k) {
        long[] sizes = new long[k];
        for (int c : assignment) {
            sizes[c]++;
        }
        List<Map<String, Double>> means = new ArrayList<>();
        List<Map<String, Mode>> modes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            means.add(new LinkedHashMap<>());
            modes.add(new LinkedHashMap<>());
        }
        for (String column : frame.features) {
            if (frame.kinds.get(column) == Frame.Kind.NUMERIC) {
                double[] values = frame.numbers.get(column);
                double[] sum = new double[k];
                long[] count = new long[k];
                for (int r = 0; r < values.length; r++) {
                    if (!Double.isNaN(values[r])) {
                        sum[assignment[r]] += values[r];
                        count[assignment[r]]++;
                    }
                }
                for (int c = 0; c < k; c++) {
                    means.get(c).put(column, count[c] == 0 ? Double.NaN : sum[c] / count[c]);
                }
            } else {
                int[] codes = frame.codes.get(column);
                List<String> levels = frame.levels.get(column);
                long[][] count = new long[k][levels.size() + 1];
                for (int r = 0; r < codes.length; r++) {
                    count[assignment[r]][codes[r] + 1]++; // slot 0 counts missing values
                }
                for (int c = 0; c < k; c++) {
                    int best = 0;
                    for (int l = 1; l < count[c].length; l++) {
                        if (count[c][l] > count[c][best]) {
                            best = l;
                        }
                    }
                    String value = best == 0 ? "(missing)" : levels.get(best - 1);
                    modes.get(c).put(column, new Mode(value, sizes[c] == 0 ? 0 : count[c][best] / (double) sizes[c]));
                }
            }
        }
        List<Cluster> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add(new Cluster(c + 1, sizes[c], means.get(c), modes.get(c)));
        }
        return out;
    }

    /** Up to {@code max} row numbers, sorted, drawn with the seed; all rows when there are no more than that. */
    static int[] sample(int n, int max, long seed) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        if (n <= max) {
            return rows;
        }
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(rows, max);
        java.util.Arrays.sort(out);
        return out;
    }
}
