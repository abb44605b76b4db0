package dev.baton.report;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.train.Predictions;
import dev.baton.train.Task;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupMetricsTest {

    @TempDir
    Path dir;

    /** 60 rows: region a (30 rows, all right), b (20 rows, 9 right), c (10 rows, all right); size is numeric and not grouped. */
    @Test
    void aGroupWhoseIntervalLiesBelowTheOverallAccuracyIsFlagged() throws Exception {
        StringBuilder csv = new StringBuilder("region,size,label\n");
        int[] actual = new int[60];
        int[] predicted = new int[60];
        int[] rows = new int[60];
        for (int i = 0; i < 60; i++) {
            String region = i < 30 ? "a" : i < 50 ? "b" : "c";
            csv.append(region).append(',').append(i).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
            rows[i] = i;
            actual[i] = i % 2;
            boolean right = !region.equals("b") || i < 39;
            predicted[i] = right ? actual[i] : 1 - actual[i];
        }
        Path file = dir.resolve("groups.csv");
        Files.writeString(file, csv);
        Dataset data = DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
        Predictions p = new Predictions(rows, actual, predicted, null, null, null);
        List<GroupMetrics.Group> groups = GroupMetrics.of(data, "label", Task.CLASSIFICATION, p);
        // Overall 51 of 60 = 85%. b: 9 of 20 = 45%, Wilson 95% 25.8%-65.8%, wholly below 85%: flagged.
        // a: 30 of 30, Wilson 88.6%-100%; c: 10 of 10, 72.2%-100%: not flagged.
        assertThat(groups).containsExactly(
                new GroupMetrics.Group("region", "a", 30, "100% (89\u2013100%)", false),
                new GroupMetrics.Group("region", "b", 20, "45% (26\u201366%)", true),
                new GroupMetrics.Group("region", "c", 10, "100% (72\u2013100%)", false));
    }

    @Test
    void theSampleReportShowsIslandsAndSexWithTheirHeldOutCounts() {
        ReportInput input = PenguinsReport.input();
        Predictions p = input.leaderboard().get("logistic-regression").holdout();
        List<GroupMetrics.Group> groups = GroupMetrics.of(input.data(), "species", Task.CLASSIFICATION, p);
        assertThat(groups).extracting(GroupMetrics.Group::column).containsOnly("island", "sex");
        assertThat(groups.stream().filter(g -> g.column().equals("island")).mapToInt(GroupMetrics.Group::rows).sum()).isEqualTo(p.size());
        assertThat(groups.stream().filter(g -> g.column().equals("sex")).map(GroupMetrics.Group::group))
                .contains("male", "female").isSubsetOf("male", "female", "(missing)");
    }
}
