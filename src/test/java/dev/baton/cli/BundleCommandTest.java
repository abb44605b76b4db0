package dev.baton.cli;

import dev.baton.project.Project;
import dev.baton.project.ProjectStore;
import dev.baton.report.PenguinsReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engineer's side from the command line: export from a saved project, inspect, verify, score. */
class BundleCommandTest {

    @TempDir
    static Path dir;
    static Path bundle;

    @BeforeAll
    static void exportFromASavedProject() throws Exception {
        Project project = PenguinsReport.project();
        Path folder = dir.resolve("penguins.baton-project");
        ProjectStore.save(project.toFile(), folder, project.leaderboard().models());
        bundle = dir.resolve("penguins.baton");
        Cli r = Cli.run("bundle", "export", folder.toString(), "--out", bundle.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("reproduced the project's predictions on 69 held-out rows", "ONNX graph included");
    }

    @Test
    void inspectSummarisesTheBundle() {
        Cli r = Cli.run("bundle", "inspect", bundle.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("baton-bundle/1", "classification of species with Logistic regression", "classes: Adelie, Chinstrap, Gentoo",
                "Island", "Biscoe, Dream, Torgersen", "Culmen Length (mm)", "32.1 to 59.6", "accuracy", "tribuo");
    }

    @Test
    void verifyPassesAndATamperedBundleFails() throws Exception {
        Cli ok = Cli.run("bundle", "verify", bundle.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("Java scorer: all", "ONNX Runtime: all");
        Path bad = dir.resolve("bad.baton");
        byte[] bytes = Files.readAllBytes(bundle);
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Cli broken = Cli.run("bundle", "verify", bad.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("damaged or truncated");
    }

    @Test
    void scoreACsvFileRowForRow() throws Exception {
        Path input = dir.resolve("new.csv");
        Files.writeString(input, """
                Island,Culmen Length (mm),Culmen Depth (mm),Flipper Length (mm),Body Mass (g),Sex,Comments
                Torgersen,39.1,18.7,181,3750,MALE,first
                Biscoe,46.1,13.2,211,4500,FEMALE,"has, a comma"
                Dream,NA,18.0,190,3500,,missing length
                Anvers,40,18,185,3600,MALE,new island
                Dream,41,much,190,3600,MALE,bad depth
                """);
        Path output = dir.resolve("scored.csv");
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("label,probability:Adelie,probability:Chinstrap,probability:Gentoo,error");
        assertThat(lines.get(1)).startsWith("Adelie,");
        assertThat(lines.get(2)).startsWith("Gentoo,");
        assertThat(lines.get(5)).isEqualTo(",,,,Culmen Depth (mm): 'much' is not a decimal value");
        assertThat(r.err()).contains("5 rows: 4 scored, 1 rejected", "Island: 1 unseen category", "Culmen Length (mm): 1 missing");
    }

    @Test
    void scoreJsonLines() throws Exception {
        Path input = dir.resolve("new.jsonl");
        Files.writeString(input, """
                {"Island":"Torgersen","Culmen Length (mm)":39.1,"Culmen Depth (mm)":18.7,"Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"}
                {"Island":"Biscoe","Culmen Length (mm)":46.1,"Culmen Depth (mm)":13.2,"Flipper Length (mm)":211,"Body Mass (g)":4500,"Sex":null}
                """);
        Path output = dir.resolve("scored.jsonl");
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"label\":\"Adelie\",\"probabilities\":{");
        assertThat(lines.get(1)).startsWith("{\"label\":\"Gentoo\"");
    }

    @Test
    void aMissingColumnStopsScoringAndWritesNothing() throws Exception {
        Path input = dir.resolve("short.csv");
        Files.writeString(input, "Island,Sex\nDream,MALE\n");
        Path output = dir.resolve("none.csv");
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no column 'Culmen Length (mm)'");
        assertThat(output).doesNotExist();
    }
}
