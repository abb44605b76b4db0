package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects written from the command line, and what report, run and bundle export do when the data file has
 * changed since: stop, unless told to go on, and then say so.
 */
class HeadlessProjectTest {

    @TempDir
    Path dir;

    private Path data;
    private Path project;

    /** penguins.csv next to a project trained on it from the command line. */
    private Cli saveProject(String... extra) throws Exception {
        data = dir.resolve("penguins.csv");
        Files.copy(Path.of("sample-data", "penguins.csv"), data);
        project = dir.resolve("projects").resolve("birds");
        String[] base = {"train", data.toString(), "--target", "species", "--algorithms", "cart,logistic-regression", "--folds", "3",
                "--seed", "9", "--json", "--save-project", project.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        Cli r = Cli.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        project = dir.resolve("projects").resolve("birds.baton-project");
        return r;
    }

    @Test
    void trainSavesACompleteProjectThatReportAndBundleOpen() throws Exception {
        Cli trained = saveProject();
        JsonNode board = Json.mapper().readTree(trained.out());
        String best = board.get("models").get(0).get("algorithm").asText();
        JsonNode file = Json.mapper().readTree(project.resolve("project.json").toFile());
        // The data by a path relative to the project folder only: the file names no folder of this machine.
        assertThat(file.get("data").get("relativePath").asText()).isEqualTo("../../penguins.csv");
        assertThat(file.get("data").has("path")).isFalse();
        assertThat(Files.readString(project.resolve("project.json"))).doesNotContain(dir.toString());
        assertThat(file.get("training").get("chosen").asText()).isEqualTo(best);
        assertThat(file.get("training").get("results")).hasSize(2);
        assertThat(file.get("training").get("baseline").get("algorithm").asText()).isEqualTo("baseline");
        assertThat(Files.exists(project.resolve("models").resolve("cart.tribuo"))).isTrue();

        Cli report = Cli.run("report", project.toString(), "--html", dir.resolve("r.html").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        Cli bundle = Cli.run("bundle", "export", project.toString(), "--out", dir.resolve("b.baton").toString());
        assertThat(bundle.exit()).as(bundle.err()).isZero();
        JsonNode metrics = Json.mapper().readTree(RunCommandTest.entries(dir.resolve("b.baton")).get("metrics.json"));
        assertThat(metrics.get("rankingUses").asText()).isEqualTo("cv");
        assertThat(metrics.get("cvRows").asInt() + metrics.get("holdoutRows").asInt()).isEqualTo(344);
        assertThat(metrics.get("baseline").get("holdout").get("accuracy").asDouble()).isEqualTo(30 / 69.0);
        assertThat(metrics.get("beatsBaseline").asBoolean()).isTrue();
    }

    @Test
    void chooseNamesTheModelForReportAndBundle() throws Exception {
        saveProject("--choose", "cart");
        JsonNode file = Json.mapper().readTree(project.resolve("project.json").toFile());
        assertThat(file.get("training").get("chosen").asText()).isEqualTo("cart");
        Cli wrong = Cli.run("train", data.toString(), "--target", "species", "--algorithms", "cart", "--save-project",
                dir.resolve("x").toString(), "--choose", "knn");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--choose knn is not among the algorithms trained");
    }

    @Test
    void changedDataStopsReportRunAndBundleUnlessAllowed() throws Exception {
        saveProject();
        Files.writeString(data, "Adelie,Torgersen,40.1,18.2,190,3800,male,2009\n", StandardOpenOption.APPEND);

        Cli report = Cli.run("report", project.toString(), "--html", dir.resolve("r.html").toString());
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.err()).contains("is not the file this project was saved with", "--allow-changed-data");
        assertThat(dir.resolve("r.html")).doesNotExist();
        Cli run = Cli.run("run", project.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(dir.resolve("out").resolve("birds.baton")).doesNotExist();
        Cli bundle = Cli.run("bundle", "export", project.toString(), "--out", dir.resolve("b.baton").toString());
        assertThat(bundle.exit()).isEqualTo(1);
        assertThat(bundle.err()).contains("Retrain on it first");

        Cli allowed = Cli.run("report", project.toString(), "--html", dir.resolve("r.html").toString(), "--allow-changed-data");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        String notice = Jsoup.parse(dir.resolve("r.html").toFile()).selectFirst("header.title-page").text();
        assertThat(notice).contains("The data file penguins.csv has changed since the project was saved",
                "the models' results are those saved with the project");

        // run --update retrains on the new file and saves it into the project; then the project is consistent again.
        Cli update = Cli.run("run", project.toString(), "--out", dir.resolve("out").toString(), "--allow-changed-data", "--update");
        assertThat(update.exit()).as(update.err()).isZero();
        String html = Files.readString(dir.resolve("out").resolve("birds-report.html"));
        assertThat(Jsoup.parse(html).selectFirst("header.title-page").text()).contains("Every figure in this report comes from the new file");
        assertThat(html).contains("345");
        Cli again = Cli.run("report", project.toString(), "--html", dir.resolve("r2.html").toString());
        assertThat(again.exit()).as(again.err()).isZero();
    }
}
