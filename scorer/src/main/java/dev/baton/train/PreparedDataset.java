package dev.baton.train;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.RealInfo;
import org.tribuo.provenance.DataProvenance;

import java.util.List;

/**
 * A Tribuo dataset filled in bulk: the feature map is built from per-feature statistics computed in one pass
 * over the prepared matrix, instead of Tribuo observing every value of every example through a hash map.
 */
final class PreparedDataset<T extends Output<T>> extends MutableDataset<T> {

    PreparedDataset(DataProvenance provenance, OutputFactory<T> factory, String[] names, double[][] rows, List<T> outputs) {
        super(provenance, factory);
        int n = rows.length;
        for (int i = 0; i < n; i++) {
            Example<T> example = new SharedNamesExample<>(outputs.get(i), names, rows[i]);
            data.add(example);
            outputMap.observe(outputs.get(i));
        }
        int p = names.length;
        double[] min = new double[p];
        double[] max = new double[p];
        double[] mean = new double[p];
        double[] m2 = new double[p];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        // Welford's running mean and variance, row by row (the matrix is row-major).
        for (int i = 0; i < n; i++) {
            double[] row = rows[i];
            double count = i + 1;
            for (int f = 0; f < p; f++) {
                double v = row[f];
                if (v < min[f]) {
                    min[f] = v;
                }
                if (v > max[f]) {
                    max[f] = v;
                }
                double delta = v - mean[f];
                mean[f] += delta / count;
                m2[f] += delta * (v - mean[f]);
            }
        }
        for (int f = 0; f < p; f++) {
            featureMap.put(new RealInfo(names[f], n, max[f], min[f], mean[f], m2[f]));
        }
        dense = true;
    }
}
