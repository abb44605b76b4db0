package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PartialDependenceTest {

    @TempDir
    Path dir;

    /** y = 3x - 2z + 10 + noise: for a linear model the partial dependence on x is a line of slope 3, on z of slope -2. */
    @Test
    void forALinearModelTheCurveIsTheCoefficient() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("x,z,y\n");
        for (int i = 0; i < 500; i++) {
            double x = random.nextDouble() * 10;
            double z = random.nextDouble() * 4;
            csv.append(x).append(',').append(z).append(',').append(3 * x - 2 * z + 10 + random.nextGaussian() * 0.1).append('\n');
        }
        Path file = dir.resolve("linear.csv");
        Files.writeString(file, csv);
        Dataset data = DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
        TrainingSetup setup = new TrainingSetup("y", Task.REGRESSION, List.of("x", "z"), 0.2, 0, 3,
                List.of(AlgorithmChoice.of("linear-regression")), null);
        Experiment.Leaderboard board = Experiment.run(data, setup, Experiment.Listener.NONE, Progress.NONE);
        List<PartialDependence.Curve> curves = PartialDependence.of(data, setup, board.get("linear-regression"), List.of("x", "z"));
        assertThat(curves).extracting(PartialDependence.Curve::feature).containsExactly("x", "z");
        // The weights (on standardized features) have the coefficients' signs and order: x pushes up harder than z pulls down.
        List<LinearWeights.Weight> weights = LinearWeights.of(board.get("linear-regression").model(), 5);
        assertThat(weights).extracting(LinearWeights.Weight::feature).containsExactly("x", "z");
        double wx = weights.get(0).byOutput().values().iterator().next();
        double wz = weights.get(1).byOutput().values().iterator().next();
        assertThat(wx).isPositive();
        assertThat(wz).isNegative();
        // 3 per unit of x (sd 10/sqrt(12) = 2.89) against 2 per unit of z (sd 4/sqrt(12) = 1.15): about 3.8 times as strong.
        assertThat(wx / -wz).isCloseTo(3 * 2.887 / (2 * 1.155), within(0.4));
        for (PartialDependence.Curve c : curves) {
            double[] g = c.grid();
            double slope = (c.average()[0][g.length - 1] - c.average()[0][0]) / (g[g.length - 1] - g[0]);
            assertThat(slope).as(c.feature()).isCloseTo(c.feature().equals("x") ? 3.0 : -2.0, within(0.1));
            assertThat(g).hasSize(PartialDependence.GRID);
            // From the 5th to the 95th percentile of uniform values on [0, 10] and [0, 4].
            assertThat(g[0]).isCloseTo(c.feature().equals("x") ? 0.5 : 0.2, within(0.3));
        }
    }

    @Test
    void forAClassifierEachClassHasACurveOfProbabilities() throws Exception {
        Dataset data = DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE);
        TrainingSetup setup = new TrainingSetup("species", Task.CLASSIFICATION, List.of("flipper_length_mm", "bill_length_mm", "island"), 0.2, 0, 3,
                List.of(AlgorithmChoice.of("logistic-regression")), null);
        Experiment.Leaderboard board = Experiment.run(data, setup, Experiment.Listener.NONE, Progress.NONE);
        List<PartialDependence.Curve> curves = PartialDependence.of(data, setup, board.get("logistic-regression"),
                List.of("island", "flipper_length_mm"));
        assertThat(curves).extracting(PartialDependence.Curve::feature).containsExactly("flipper_length_mm"); // island is not numeric
        PartialDependence.Curve c = curves.get(0);
        int last = c.grid().length - 1;
        for (int g = 0; g <= last; g++) {
            double sum = 0;
            for (double[] series : c.average()) {
                sum += series[g];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
        }
        // Gentoo penguins have the longest flippers: their probability rises with flipper length.
        int gentoo = c.series().indexOf("Gentoo");
        assertThat(c.average()[gentoo][last]).isGreaterThan(c.average()[gentoo][0] + 0.3);
    }
}
