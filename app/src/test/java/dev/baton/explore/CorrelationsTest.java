package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationsTest {

    private static Correlations.Matrix of(String file) {
        Dataset d = DatasetReader.read(Path.of("sample-data", file), ImportOptions.detect(), Progress.NONE);
        return Correlations.compute(d, Progress.NONE);
    }

    @Test
    void pearsonAndSpearmanAgreeWithPandasOnPairwiseCompleteRows() {
        Correlations.Matrix m = of("penguins.csv");
        assertThat(m.get(Correlations.Measure.PEARSON, "bill_length_mm", "flipper_length_mm")).isCloseTo(0.6561813407464264, within(1e-12));
        assertThat(m.get(Correlations.Measure.PEARSON, "bill_depth_mm", "body_mass_g")).isCloseTo(-0.47191562118606745, within(1e-12));
        assertThat(m.get(Correlations.Measure.SPEARMAN, "bill_length_mm", "flipper_length_mm")).isCloseTo(0.6727719416255545, within(1e-12));
        assertThat(m.get(Correlations.Measure.SPEARMAN, "bill_depth_mm", "body_mass_g")).isCloseTo(-0.4323722214130437, within(1e-12));
        assertThat(m.get(Correlations.Measure.SPEARMAN, "flipper_length_mm", "year")).isCloseTo(0.1761374379336044, within(1e-12));
        Correlations.Matrix cars = of("auto-mpg.csv");
        // Horsepower misses 6 values and Miles_per_Gallon 8, in different rows: ranks are taken on the rows both have.
        assertThat(cars.get(Correlations.Measure.SPEARMAN, "Miles_per_Gallon", "Horsepower")).isCloseTo(-0.8536164024453882, within(1e-12));
        assertThat(cars.get(Correlations.Measure.PEARSON, "Miles_per_Gallon", "Weight_in_lbs")).isCloseTo(-0.8317409332443344, within(1e-12));
    }

    @Test
    void cramersVAndTheCorrelationRatioByHand() {
        // a/b perfectly tied to x/y: chi2 = n, V = 1. Groups a={1,3}, b={5,7}: means 2 and 6, grand mean 4;
        // between = 2*4 + 2*4 = 16, total = 9+1+1+9 = 20, eta = sqrt(16/20).
        Dataset d = Tables.csv("g,h,v\na,x,1\na,x,3\nb,y,5\nb,y,7\n");
        Correlations.Matrix m = Correlations.compute(d, Progress.NONE);
        assertThat(m.get(Correlations.Measure.CRAMERS_V, "g", "h")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get(Correlations.Measure.CORRELATION_RATIO, "g", "v")).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(m.get(Correlations.Measure.MIXED, "g", "v")).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(m.get(Correlations.Measure.MIXED, "g", "h")).isCloseTo(1.0, within(1e-12));
        // Independent 2x2: every cell equal, chi2 = 0.
        Dataset e = Tables.csv("g,h\na,x\na,y\nb,x\nb,y\n");
        assertThat(Correlations.compute(e, Progress.NONE).get(Correlations.Measure.CRAMERS_V, "g", "h")).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void rowsWithoutACategoryOrAYesNoValueAreLeftOutNotCountedAsAGroup() {
        // The last row misses g and b. Without it, as in the case above: V(g, h) = 1, eta(v by g) = sqrt(0.8), and
        // eta(v by b) too, since yes/no split v as a/b do; b as 1/0 against v: cov = -4, sxx = 1, syy = 20, r = -4/sqrt(20).
        // Were the gaps a group of their own, the 100 would make eta close to 1.
        Dataset d = Tables.csv("g,h,v,b\na,x,1,yes\na,x,3,yes\nb,y,5,no\nb,y,7,no\n,y,100,\n");
        assertThat(d.type("b")).isEqualTo(dev.baton.data.ColumnType.BOOLEAN);
        Correlations.Matrix m = Correlations.compute(d, Progress.NONE);
        assertThat(m.get(Correlations.Measure.CRAMERS_V, "g", "h")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get(Correlations.Measure.CRAMERS_V, "g", "b")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get(Correlations.Measure.CORRELATION_RATIO, "g", "v")).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(m.get(Correlations.Measure.CORRELATION_RATIO, "b", "v")).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(m.get(Correlations.Measure.PEARSON, "b", "v")).isCloseTo(-4 / Math.sqrt(20), within(1e-12));
    }

    @Test
    void aYesNoColumnMeetsACategoryWithCramersVAlsoWhenSpearmanIsLeftOut() {
        // b by c: x = {1,1,1}, y = {1,0,0}, z = {0,0}; chi2 = 16/3 by hand, V = sqrt(chi2 / (8 * 1)) = 0.8165.
        Dataset d = Tables.csv("b,c\nyes,x\nyes,x\nyes,y\nno,y\nno,z\nno,z\nyes,x\nno,y\n");
        double expected = Math.sqrt(16.0 / 3 / 8);
        Correlations.Matrix all = Correlations.compute(d, Progress.NONE);
        Correlations.Matrix forAlerts = Correlations.compute(d, java.util.EnumSet.complementOf(
                java.util.EnumSet.of(Correlations.Measure.SPEARMAN)), Progress.NONE);
        for (Correlations.Matrix m : java.util.List.of(all, forAlerts)) {
            assertThat(m.get(Correlations.Measure.CRAMERS_V, "b", "c")).isCloseTo(expected, within(1e-12));
            assertThat(m.get(Correlations.Measure.MIXED, "b", "c")).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void cramersVOfTwoColumnsWithThousandsOfValuesCountsOnlyTheCellsSeen() {
        // Same by-hand case as above through the table of seen cells: b = {yes, no}, c = {x, y, z}, chi2 = 16/3.
        int[] b = {0, 0, 0, 1, 1, 1, 0, 1};
        int[] c = {0, 0, 1, 1, 2, 2, 0, 1};
        assertThat(Correlations.cramersV(b, 2, c, 3, 0)).isCloseTo(Math.sqrt(16.0 / 3 / 8), within(1e-12));
        assertThat(Correlations.cramersV(b, 2, c, 3, 6)).isCloseTo(Math.sqrt(16.0 / 3 / 8), within(1e-12));
        // 3,000 rows, 1,500 codes each, one to one: an array of every pair would be 2.25M cells. chi2 = n (k - 1), V = 1.
        StringBuilder csv = new StringBuilder("code,other\n");
        for (int r = 0; r < 3000; r++) {
            csv.append("k").append(r % 1500).append(",z").append(r % 1500).append('\n');
        }
        Dataset d = Tables.csv(csv.toString());
        Correlations.Matrix m = Correlations.compute(d, Progress.NONE);
        assertThat(m.get(Correlations.Measure.CRAMERS_V, "code", "other")).isCloseTo(1.0, within(1e-12));
        assertThat(m.get(Correlations.Measure.MIXED, "code", "other")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void afterTheProfileTheSharedColumnsGiveTheSameMatrix() {
        // The exploration converts each numeric column once for the profile (which sorts its own copy) and the
        // correlations (which shift by the profile's means): the matrix must be the one computed on its own.
        for (String file : new String[]{"penguins_raw.csv", "auto-mpg.csv"}) {
            Dataset d = DatasetReader.read(Path.of("sample-data", file), ImportOptions.detect(), Progress.NONE);
            double[][] alone = Correlations.compute(d, java.util.EnumSet.of(Correlations.Measure.MIXED), Progress.NONE)
                    .values().get(Correlations.Measure.MIXED);
            double[][] shared = Exploration.forAlerts(d, AlertSettings.defaults(), Progress.NONE).correlations()
                    .values().get(Correlations.Measure.MIXED);
            for (int i = 0; i < alone.length; i++) {
                for (int j = 0; j < alone.length; j++) {
                    if (Double.isNaN(alone[i][j])) {
                        assertThat(shared[i][j]).as("%s %d,%d", file, i, j).isNaN();
                    } else {
                        assertThat(shared[i][j]).as("%s %d,%d", file, i, j).isCloseTo(alone[i][j], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void byColumnTypesAloneGivesTheSameMatrixAsWithEveryMeasure() {
        // penguins_raw has every kind of pair: numbers, categories, a yes/no column against both.
        for (String file : new String[]{"penguins_raw.csv", "auto-mpg.csv", "birdstrikes.csv"}) {
            Dataset d = DatasetReader.read(Path.of("sample-data", file), ImportOptions.detect(), Progress.NONE);
            Correlations.Matrix all = Correlations.compute(d, Progress.NONE);
            Correlations.Matrix mixed = Correlations.compute(d, java.util.EnumSet.of(Correlations.Measure.MIXED), Progress.NONE);
            assertThat(mixed.values().keySet()).containsExactly(Correlations.Measure.MIXED);
            assertThat(mixed.columns()).isEqualTo(all.columns());
            double[][] expected = all.values().get(Correlations.Measure.MIXED);
            double[][] actual = mixed.values().get(Correlations.Measure.MIXED);
            for (int i = 0; i < expected.length; i++) {
                // Arrays.equals compares bits, so NaN (a pair with too few rows) matches NaN.
                assertThat(java.util.Arrays.equals(actual[i], expected[i])).as("%s row %d", file, i).isTrue();
            }
        }
    }
}
