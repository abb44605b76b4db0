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
        assertThat(r.err()).contains("reproduced the project's predictions on 69 held-out rows",
                "ONNX graph of the whole pipeline included (raw columns in; on 129 rows scored from their raw values by ONNX Runtime, 0 labels differ");
    }

    @Test
    void inspectSummarisesTheBundle() {
        Cli r = Cli.run("bundle", "inspect", bundle.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("baton-bundle/1", "classification of species with Logistic regression", "classes: Adelie, Chinstrap, Gentoo",
                "Island", "Biscoe, Dream, Torgersen", "Culmen Length (mm)", "32.1 to 59.6", "accuracy", "tribuo",
                "record schema: contract.schema.json", "ONNX: the whole pipeline, raw columns in");
    }

    @Test
    void verifyPassesAndATamperedBundleFails() throws Exception {
        Cli ok = Cli.run("bundle", "verify", bundle.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("Java scorer: all", "ONNX Runtime (the whole pipeline, from raw values): all 60 golden rows match within 1.0E-5");
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
        // One row of five is rejected: by default that fails the command (exit 1), output written all the same.
        Cli strict = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(strict.exit()).as(strict.err()).isEqualTo(1);
        assertThat(strict.err()).contains("1 of 5 rows (20.0%) were rejected, more than --max-rejected-share 0.0 allows");
        assertThat(Files.readAllLines(output)).hasSize(6);
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString(),
                "--max-rejected-share", "0.2");
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
    void anAbsentColumnIsImputedAndReported() throws Exception {
        Path input = dir.resolve("short.csv");
        Files.writeString(input, "Island,Sex\nDream,MALE\n");
        Path output = dir.resolve("short-scored.csv");
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", input.toString(), "--output", output.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 row: 1 scored, 0 rejected", "Culmen Length (mm): 1 missing", "Body Mass (g): 1 missing");
        assertThat(Files.readAllLines(output)).hasSize(2);
    }

    @Test
    void malformedRowsAreRejectedInTheirPlaceAndTheRestScored() throws Exception {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, """
                Island,Culmen Length (mm),Culmen Depth (mm),Flipper Length (mm),Body Mass (g),Sex
                Torgersen,39.1,18.7,181,3750,MALE
                Torgersen,39.1,18.7,181
                Biscoe,46.1,13.2,211,4500,FEMALE,extra
                Biscoe,46.1,13.2,211,4500.0,FEMALE
                """);
        Path out = dir.resolve("ragged-scored.csv");
        Cli r = Cli.run("bundle", "score", bundle.toString(), "--input", csv.toString(), "--output", out.toString(),
                "--max-rejected-share", "0.5");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("Adelie,");
        assertThat(lines.get(2)).endsWith("row 2 has 4 fields; the header has 6");
        assertThat(lines.get(3)).endsWith("row 3 has 7 fields; the header has 6");
        assertThat(lines.get(4)).startsWith("Gentoo,"); // 4500.0 grams is an integer
        assertThat(r.err()).contains("4 rows: 2 scored, 2 rejected");

        Path jsonl = dir.resolve("mixed.jsonl");
        Files.writeString(jsonl, """
                {"Island":"Torgersen","Culmen Length (mm)":39.1,"Culmen Depth (mm)":18.7,"Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"}
                {"Island":"Torgersen", oops
                [1, 2, 3]
                {"Island":"Biscoe","Culmen Length (mm)":1e400,"Culmen Depth (mm)":13.2,"Flipper Length (mm)":211,"Body Mass (g)":4500,"Sex":"FEMALE"}
                {"Island":"Biscoe","Island":"Dream","Culmen Length (mm)":46.1,"Culmen Depth (mm)":13.2,"Flipper Length (mm)":211,"Body Mass (g)":4500,"Sex":"FEMALE"}
                {"Island":"Biscoe","Culmen Length (mm)":46.1,"Culmen Depth (mm)":13.2,"Flipper Length (mm)":211,"Body Mass (g)":4500,"Sex":"FEMALE"}
                """);
        Path scored = dir.resolve("mixed-scored.jsonl");
        Cli j = Cli.run("bundle", "score", bundle.toString(), "--input", jsonl.toString(), "--output", scored.toString());
        assertThat(j.exit()).isEqualTo(1);
        List<String> results = Files.readAllLines(scored);
        assertThat(results).hasSize(6);
        assertThat(results.get(0)).startsWith("{\"label\":\"Adelie\"");
        assertThat(results.get(1)).contains("line 2 is not valid JSON");
        assertThat(results.get(2)).contains("line 3 is not a JSON object");
        assertThat(results.get(3)).contains("line 4: Culmen Length (mm): 1E+400 is too large for a number");
        assertThat(results.get(4)).contains("line 5 is not valid JSON", "Duplicate field 'Island'");
        assertThat(results.get(5)).startsWith("{\"label\":\"Gentoo\"");
        assertThat(j.err()).contains("6 rows: 2 scored, 4 rejected");
    }
}
