package dev.baton.cli;

import dev.baton.project.Project;
import dev.baton.project.ProjectStore;
import dev.baton.report.PenguinsReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSavedProjectRendersTheSameReportTwiceAndMatchesTheWorkbench() throws Exception {
        Project project = PenguinsReport.project();
        Path folder = dir.resolve("penguins.baton-project");
        ProjectStore.save(project.toFile(), folder, project.leaderboard().models());

        Cli first = Cli.run("report", folder.toString(), "--html", dir.resolve("a.html").toString(), "--pdf", dir.resolve("a.pdf").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("Wrote", "a.html", "a.pdf");
        Cli second = Cli.run("report", folder.toString(), "--html", dir.resolve("b.html").toString());
        assertThat(second.exit()).as(second.err()).isZero();

        String a = Files.readString(dir.resolve("a.html"));
        String b = Files.readString(dir.resolve("b.html"));
        assertThat(withoutTime(a)).isEqualTo(withoutTime(b));
        assertThat(Files.readAllBytes(dir.resolve("a.pdf"))).startsWith("%PDF-".getBytes());

        // The re-opened project (data re-read, recipe replayed, models loaded from protobuf) gives the workbench's numbers.
        Document doc = Jsoup.parse(a);
        String accuracy = String.format(java.util.Locale.ROOT, "%.4f", project.trainingState().chosenResult().holdout().get("accuracy"));
        assertThat(doc.select("#sec-modelling tbody tr").get(0).child(2).text()).isEqualTo(accuracy);
        assertThat(doc.select("#sec-exploration figcaption").eachText()).contains("Adelie penguins are the most common.");
        assertThat(doc.select("#sec-limitations .commentary").text()).startsWith("Only three islands were sampled.");
    }

    @Test
    void aMissingDataFileIsNamed() throws Exception {
        Project project = PenguinsReport.project();
        Path data = dir.resolve("copy.csv");
        Files.copy(Path.of("sample-data", "penguins_raw.csv"), data);
        project.setData(dev.baton.data.DatasetReader.read(data, dev.baton.data.ImportOptions.detect(), dev.baton.util.Progress.NONE));
        Path folder = dir.resolve("moved.baton-project");
        ProjectStore.save(project.toFile(), folder);
        Files.delete(data);
        Cli r = Cli.run("report", folder.toString(), "--html", dir.resolve("x.html").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("copy.csv").contains("not where it was saved");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }

    @Test
    void anOutputIsRequired() {
        Cli r = Cli.run("report", "nowhere.baton-project");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--html");
    }

    static String withoutTime(String s) {
        return s.replaceAll("<time datetime=\"[^\"]*\">[^<]*</time>", "<time/>");
    }
}
