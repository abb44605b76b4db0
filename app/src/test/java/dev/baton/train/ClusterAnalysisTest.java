package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterAnalysisTest {

    /** 100 points around each of (0, 0), (10, 0) and (0, 10), spread evenly within ±1, labelled by their blob. */
    static Dataset blobs() {
        StringBuilder csv = new StringBuilder("x,y,blob\n");
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 100; i++) {
            for (int b = 0; b < 3; b++) {
                double dx = (i % 10) / 4.5 - 1;   // -1 .. 1, mean 0
                double dy = (i / 10) / 4.5 - 1;
                csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centres[b][0] + dx, centres[b][1] + dy, names[b]));
            }
        }
        return Tables.csv(csv.toString());
    }

    @Test
    void threeSeparateBlobsBecomeThreeClusters() {
        ClusterAnalysis.Result r = ClusterAnalysis.run(blobs(), List.of("x", "y"), 3, 7, Progress.NONE);
        assertThat(r.clusters()).extracting(ClusterAnalysis.Cluster::size).containsOnly(100L);
        for (ClusterAnalysis.Cluster c : r.clusters()) {
            double x = c.means().get("x");
            double y = c.means().get("y");
            // Each cluster's mean is one of the centres, to the precision of the CSV.
            assertThat(Math.min(Math.hypot(x, y), Math.min(Math.hypot(x - 10, y), Math.hypot(x, y - 10)))).isLessThan(1e-3);
        }
        assertThat(r.silhouette()).isGreaterThan(0.8);
        // Within-cluster sum of squares in standardized units: x and y each have variance 22.2 + 0.41 over the data,
        // and the spread within a blob is 0.41 per axis, so the total is 300 * 2 * 0.41 / (22.2 + 0.41) ~= 10.9.
        double spread = 0;
        for (int i = 0; i < 10; i++) {
            spread += Math.pow(i / 4.5 - 1, 2) / 10;
        }
        double[] all = new double[300];
        for (int i = 0; i < 300; i++) {
            all[i] = (i % 3 == 1 ? 10 : 0) + ((i / 3) % 10) / 4.5 - 1;
        }
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        double variance = java.util.Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / 299;
        assertThat(r.withinSumOfSquares()).isCloseTo(300 * 2 * spread / variance, within(0.01));
    }

    @Test
    void categoricalColumnsAreDescribedByTheirMostFrequentValue() {
        ClusterAnalysis.Result r = ClusterAnalysis.run(blobs(), List.of("x", "y", "blob"), 3, 7, Progress.NONE);
        assertThat(r.clusters()).allSatisfy(c -> assertThat(c.modes().get("blob").share()).isEqualTo(1.0));
        assertThat(r.clusters()).extracting(c -> c.modes().get("blob").value()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void theElbowBendsAtTheTrueNumberOfClusters() {
        double[] wss = ClusterAnalysis.elbow(blobs(), List.of("x", "y"), 6, 7, Progress.NONE);
        assertThat(wss).hasSize(6);
        // k = 1: every standardized value's square, summed: 2 columns * 299 (sample variance 1).
        assertThat(wss[0]).isCloseTo(2 * 299, within(1e-6));
        assertThat(wss[2] / wss[0]).isLessThan(0.05);
        assertThat(wss[3]).isGreaterThan(0.5 * wss[2]);
    }

    @Test
    void silhouetteByHand() {
        // 1-D points 0, 1 | 10, 11: a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5.
        double[][] points = {{0}, {1}, {10}, {11}};
        double expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
        assertThat(ClusterAnalysis.silhouette(points, new int[]{0, 0, 1, 1}, 2, 1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameClustersAndMissingValuesAreImputed() {
        Dataset data = QualityTest.read("penguins.csv");
        List<String> columns = List.of("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g");
        ClusterAnalysis.Result a = ClusterAnalysis.run(data, columns, 3, 11, Progress.NONE);
        ClusterAnalysis.Result b = ClusterAnalysis.run(data, columns, 3, 11, Progress.NONE);
        assertThat(a.assignment()).hasSize(344).isEqualTo(b.assignment());
        assertThat(a.clusters().stream().mapToLong(ClusterAnalysis.Cluster::size).sum()).isEqualTo(344);
    }

    @Test
    void tooFewRowsOrBadKAreRefusedInWords() {
        Dataset tiny = Tables.csv("x\n1\n2\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterAnalysis.run(tiny, List.of("x"), 3, 1, Progress.NONE))
                .hasMessageContaining("too few for 3 clusters");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterAnalysis.run(tiny, List.of("x"), 1, 1, Progress.NONE))
                .hasMessageContaining("between 2 and 20");
    }
}
