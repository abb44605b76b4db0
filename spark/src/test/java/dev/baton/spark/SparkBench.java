package dev.baton.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.nio.file.Path;

/**
 * Rows per second of {@link SparkScoring} at a given master ({@code local[1]}, {@code local[2]}): the input is read
 * and cached first (not timed), then scored into Spark's no-op sink three times; the median is printed. See
 * docs/PERFORMANCE.md for the command.
 */
public final class SparkBench {

    private SparkBench() {
    }

    public static void main(String[] args) {
        Path bundle = Path.of(args[0]);
        String csv = args[1];
        String master = args[2];
        SparkSession spark = SparkSession.builder().master(master).appName("baton-spark-bench").config("spark.ui.enabled", "false")
                .getOrCreate();
        Dataset<Row> input = spark.read().option("header", "true").option("inferSchema", "true").csv(csv)
                .repartition(8).persist(StorageLevel.MEMORY_ONLY());
        long rows = input.count();
        double[] times = new double[3];
        for (int i = -1; i < times.length; i++) {
            long t0 = System.nanoTime();
            SparkScoring.score(input, bundle).write().format("noop").mode("overwrite").save();
            if (i >= 0) {
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        java.util.Arrays.sort(times);
        System.out.printf("spark %s: %,d rows scored in %.2f s (median of 3, after one warm-up) = %,.0f rows/s%n", master, rows, times[1],
                rows / times[1]);
        spark.stop();
    }
}
