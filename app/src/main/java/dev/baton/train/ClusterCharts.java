package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.Charts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Pictures of a k-means result: two columns coloured by cluster, and the elbow curve for choosing k. */
public final class ClusterCharts {

    private ClusterCharts() {
    }

    /** Two numeric columns, each point coloured by its cluster; a seeded sample on large data. */
    public static ChartData.ScatterData scatter(ClusterAnalysis.Result result, Dataset data, String x, String y) {
        double[] xs = Frame.numeric(data.column(x), data.type(x));
        double[] ys = Frame.numeric(data.column(y), data.type(y));
        List<Integer> present = new ArrayList<>();
        for (int r = 0; r < xs.length; r++) {
            if (!Double.isNaN(xs[r]) && !Double.isNaN(ys[r])) {
                present.add(r);
            }
        }
        int[] picked = ClusterAnalysis.sample(present.size(), Charts.MAX_POINTS, result.seed());
        double[] px = new double[picked.length];
        double[] py = new double[picked.length];
        int[] category = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            int r = present.get(picked[i]);
            px[i] = xs[r];
            py[i] = ys[r];
            category[i] = result.assignment()[r];
        }
        List<String> names = IntStream.rangeClosed(1, result.k()).mapToObj(c -> "cluster " + c).toList();
        return new ChartData.ScatterData(result.k() + " clusters by k-means: " + y + " against " + x, x, y, "cluster", names,
                px, py, category, picked.length, present.size());
    }

    /** Within-cluster sum of squares against k. */
    public static ChartData.LineData elbow(double[] withinSumOfSquares) {
        double[] k = new double[withinSumOfSquares.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = i + 1;
        }
        return new ChartData.LineData("Choosing the number of clusters: where the curve bends", "clusters (k)",
                "within-cluster sum of squares", List.of(new ChartData.Series("sum of squares", k, withinSumOfSquares, false, false)),
                null, null, 0.0, null);
    }
}
