package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.ReferenceBuilder;
import dev.baton.batch.Batch;
import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.TextColumn;
import dev.baton.bundle.Contract;
import dev.baton.bundle.Scorer;
import dev.baton.data.ColumnType;
import dev.baton.monitor.DriftReport.Verdict;
import dev.baton.train.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Verdicts on generated data whose drift is known by construction: none, one shifted column, too few rows. */
class DriftCheckTest {

    private static final Contract CONTRACT = new Contract("y", Task.CLASSIFICATION, List.of("a", "b"), List.of(""), List.of(
            input("x", ColumnType.DECIMAL), input("colour", ColumnType.CATEGORICAL), input("note", ColumnType.TEXT)));

    private static Contract.Input input(String name, ColumnType type) {
        return new Contract.Input(name, type, true, null, null, null, null, null, null, null, null, null);
    }

    /** Rows like the training data: x ~ N(shift, 1); colour red/green/blue 50/30/20% (missing 2%); notes of 5 to 15 letters. */
    private static Batch rows(long seed, int n, double shift, double unseenShare) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        String[] colour = new String[n];
        String[] note = new String[n];
        for (int r = 0; r < n; r++) {
            x[r] = shift + random.nextGaussian();
            double u = random.nextDouble();
            colour[r] = random.nextDouble() < unseenShare ? "purple" : u < 0.02 ? null : u < 0.5 ? "red" : u < 0.8 ? "green" : "blue";
            note[r] = "x".repeat(5 + random.nextInt(11));
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("x", new NumberColumn(ColumnType.DECIMAL, x));
        columns.put("colour", new TextColumn(ColumnType.CATEGORICAL, colour));
        columns.put("note", new TextColumn(ColumnType.TEXT, note));
        return Batch.of(n, columns);
    }

    private static DriftReport check(Batch current) {
        ReferenceProfile ref = ReferenceBuilder.build(CONTRACT, rows(1, 20_000, 0, 0), "generated", null, Map.of("x", 3.0, "colour", 1.0),
                null);
        DriftCheck check = new DriftCheck("generated", ref, Task.CLASSIFICATION, List.of("a", "b"), DriftThresholds.DEFAULTS);
        List<Scorer.Output> outputs = new ArrayList<>(Collections.nCopies(current.rows(), new Scorer.Output("a", null, null, null)));
        check.add(current, outputs);
        return check.report("new rows");
    }

    private static Map<String, Verdict> verdicts(DriftReport r) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        r.columns().forEach(c -> out.put(c.name(), c.verdict()));
        return out;
    }

    @Test
    void aNewSampleOfTheSameDistributionDriftsNowhere() {
        DriftReport r = check(rows(2, 5_000, 0, 0));
        assertThat(verdicts(r)).containsOnly(Map.entry("x", Verdict.NO_DRIFT), Map.entry("colour", Verdict.NO_DRIFT),
                Map.entry("note", Verdict.NO_DRIFT));
        assertThat(r.verdict()).isEqualTo(Verdict.NO_DRIFT);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aShiftedColumnIsTheOneThatDrifts() {
        DriftReport r = check(rows(3, 5_000, 1, 0));
        assertThat(verdicts(r)).containsOnly(Map.entry("x", Verdict.DRIFT), Map.entry("colour", Verdict.NO_DRIFT),
                Map.entry("note", Verdict.NO_DRIFT));
        assertThat(r.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(r.reason()).contains("x");
        assertThat(r.exitCode()).isOne();
        DriftReport.ColumnDrift x = r.columns().get(0);
        assertThat(x.name()).isEqualTo("x");
        // one standard deviation moved: the normalized Wasserstein distance is about 1, PSI about 1 (delta squared for normals)
        assertThat(x.tests().get(1).value()).isBetween(0.95, 1.05);
        assertThat(x.tests().get(0).value()).isBetween(0.8, 1.2);
        assertThat(x.mean()).isBetween(0.95, 1.05);
    }

    @Test
    void categoriesNeverSeenAreCountedAndNamed() {
        DriftReport r = check(rows(4, 5_000, 0, 0.1));
        DriftReport.ColumnDrift colour = r.columns().stream().filter(c -> c.name().equals("colour")).findFirst().orElseThrow();
        assertThat(colour.verdict()).isEqualTo(Verdict.DRIFT);
        DriftReport.Test unseen = colour.tests().stream().filter(t -> t.test().equals("unseen")).findFirst().orElseThrow();
        assertThat(unseen.value()).isBetween(0.09, 0.11);
        assertThat(colour.unseen()).extracting(ReferenceProfile.ValueCount::value).containsExactly("purple");
    }

    @Test
    void fewRowsAreNotEnoughDataNeverAnAlarm() {
        DriftReport r = check(rows(5, 50, 3, 0.5));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(r.exitCode()).isZero();
        assertThat(r.reason()).contains("50 rows");
    }

    @Test
    void smallSamplesOfTheSameDataStayQuiet() {
        // 150 rows: PSI on 21 bins is about 0.15 from sampling alone, past the 0.1 "watch" threshold; the noise bound keeps it quiet
        for (long seed = 10; seed < 30; seed++) {
            DriftReport r = check(rows(seed, 150, 0, 0));
            assertThat(r.verdict()).as("seed " + seed + ": " + r.reason() + " " + r.columns()).isEqualTo(Verdict.NO_DRIFT);
        }
    }
}
