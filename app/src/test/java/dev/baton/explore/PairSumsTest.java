package dev.baton.explore;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairSumsTest {

    private static final int ROWS = 5_000; // ten blocks, the last one partial

    @Test
    void everyPairAgreesWithItsOwnPassOverTheRowsBothFill() {
        Random random = new Random(7);
        double[] x = new double[ROWS];
        double[] y = new double[ROWS];
        double[] far = new double[ROWS];
        double[] yesNo = new double[ROWS];
        int[] group = new int[ROWS];
        int[] yesNoCodes = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            x[r] = random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian() * 3 + 10;
            y[r] = random.nextDouble() < 0.05 ? Double.NaN : 0.5 * (Double.isNaN(x[r]) ? 10 : x[r]) + random.nextGaussian();
            // Far from 0 with a small spread: only sums around the mean keep its digits.
            far[r] = random.nextDouble() < 0.02 ? Double.NaN : 1e9 + random.nextInt(1000) * 0.25;
            group[r] = random.nextDouble() < 0.03 ? -1 : Double.isNaN(y[r]) ? 0 : (int) Math.max(0, Math.min(4, (y[r] - 2) / 1.5));
            yesNo[r] = random.nextDouble() < 0.04 ? Double.NaN : random.nextBoolean() ? 1 : 0;
            yesNoCodes[r] = Double.isNaN(yesNo[r]) ? -1 : (int) yesNo[r];
        }
        double[] empty = new double[ROWS];
        java.util.Arrays.fill(empty, Double.NaN);
        double[][] numbers = {x, y, far, yesNo, empty, null};
        int[][] codes = {null, null, null, yesNoCodes, null, group};
        int[] levels = {0, 0, 0, 2, 0, 5};
        double[] shifts = new double[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            shifts[i] = numbers[i] == null ? 0 : java.util.Arrays.stream(numbers[i]).filter(v -> !Double.isNaN(v)).average().orElse(0);
        }
        PairSums.Result result = PairSums.compute(numbers, shifts, codes, levels, Progress.NONE);

        for (int i = 0; i < 4; i++) {
            assertThat(result.pearson()[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    double expected = Correlations.pearson(numbers[i], numbers[j], shifts[i], shifts[j]);
                    assertThat(result.pearson()[i][j]).as("r %d,%d", i, j).isCloseTo(expected, within(1e-12));
                }
            }
            assertThat(result.pearson()[i][4]).as("against a column with no value").isNaN();
            assertThat(result.pearson()[i][5]).as("against a column that is not numeric").isNaN();
        }
        assertThat(result.pearson()[0][1]).as("y follows x").isGreaterThan(0.7);
        for (int c : new int[]{3, 5}) {
            for (int j = 0; j < 4; j++) {
                if (j != c) {
                    double expected = Correlations.correlationRatio(codes[c], levels[c], numbers[j], shifts[j]);
                    assertThat(result.correlationRatio()[c][j]).as("eta of %d by %d", j, c).isCloseTo(expected, within(1e-12));
                }
            }
            assertThat(result.correlationRatio()[c][4]).isNaN();
        }
        assertThat(result.correlationRatio()[5][1]).as("the groups are bands of y").isGreaterThan(0.8);
        assertThat(result.correlationRatio()[0][1]).as("x is not a category").isNaN();
    }

    @Test
    void aConstantColumnHasNoCorrelationAndACategoryWithManyValuesIsLeftToItsOwnPass() {
        double[] constant = new double[ROWS];
        double[] x = new double[ROWS];
        int[] many = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            constant[r] = r % 7 == 0 ? Double.NaN : 3.5;
            x[r] = r % 11;
            many[r] = r % (PairSums.FEW_VALUES + 1);
        }
        PairSums.Result result = PairSums.compute(new double[][]{constant, x, null}, new double[]{3.5, 5, 0},
                new int[][]{null, null, many}, new int[]{0, 0, PairSums.FEW_VALUES + 1}, Progress.NONE);
        assertThat(result.pearson()[0][1]).isNaN();
        assertThat(PairSums.fewValues(PairSums.FEW_VALUES + 1)).isFalse();
        assertThat(result.correlationRatio()[2][1]).isNaN();
    }
}
