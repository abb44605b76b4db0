package dev.baton.spark;

import dev.baton.bundle.Bundle;
import dev.baton.bundle.Scorer;
import dev.baton.bundle.Violations;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Bundles scored inside Spark (local[2], several partitions, Spark's Jackson aligned with Baton's) give, row for row,
 * the single-JVM scorer's predictions and contract findings: on penguins_raw.csv (344 rows with missing values,
 * dates, text) read by Spark with inferred types, and read as plain text.
 */
class SparkScoringTest {

    static final Path BUNDLE = Path.of("scorer", "src", "test", "resources", "bundles", "v1-fast-training",
            "classification-logistic-regression.baton");
    static final Path DATA = Path.of("sample-data", "penguins_raw.csv");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("baton-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.files.maxPartitionBytes", "16000") // several partitions of the 50 KB file
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> read(boolean inferTypes) {
        return spark.read().option("header", "true").option("inferSchema", String.valueOf(inferTypes)).option("nullValue", "NA")
                .csv(DATA.toString());
    }

    @Test
    void typedSparkColumnsScoreAsTheSingleJvmScorerDoes() {
        Dataset<Row> typed = read(true);
        assertThat(typed.rdd().getNumPartitions()).isGreaterThan(1);
        assertThat(typed.schema().apply("Body Mass (g)").dataType().typeName()).isEqualTo("integer");
        assertThat(typed.schema().apply("Date Egg").dataType().typeName()).isEqualTo("date");
        assertSameAsOneJvm(SparkScoring.score(typed, BUNDLE).collectAsList());
    }

    @Test
    void textColumnsScoreAsTheSingleJvmScorerDoes() {
        assertSameAsOneJvm(SparkScoring.score(read(false), BUNDLE).collectAsList());
    }

    private static void assertSameAsOneJvm(List<Row> scored) {
        Scorer scorer = Bundle.open(BUNDLE).scorer();
        List<Row> texts = read(false).collectAsList();
        List<String> header = Arrays.asList(read(false).schema().fieldNames());
        List<String[]> rows = new ArrayList<>();
        for (Row r : texts) {
            String[] row = new String[r.length()];
            for (int i = 0; i < row.length; i++) {
                row[i] = r.getString(i);
            }
            rows.add(row);
        }
        Violations findings = Violations.perRow(rows.size());
        List<Scorer.Output> expected = scorer.scoreRows(header, rows, findings);
        assertThat(scored).hasSize(344).hasSize(expected.size());
        List<String> classes = scorer.contract().classes();
        int found = 0;
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i);
            Scorer.Output e = expected.get(i);
            assertThat(row.<String>getAs(SparkScoring.PREDICTION)).as("row %d", i).isEqualTo(e.label());
            assertThat(row.<String>getAs(SparkScoring.REJECTED)).as("row %d", i).isEqualTo(e.error());
            for (String c : classes) {
                assertThat(row.<Double>getAs("probability_" + c)).as("row %d, %s", i, c).isCloseTo(e.probabilities().get(c), within(1e-12));
            }
            assertThat(row.<String>getAs(SparkScoring.FINDINGS)).as("row %d", i).isEqualTo(findings.findings(i));
            found += findings.findings(i) == null ? 0 : 1;
        }
        // penguins_raw.csv has rows with missing measurements and sex: their findings say so, in both.
        assertThat(found).isPositive();
        assertThat(scored.stream().map(r -> r.<String>getAs(SparkScoring.FINDINGS))).anyMatch(f -> f != null && f.contains("missing, filled as in training"));
    }
}
