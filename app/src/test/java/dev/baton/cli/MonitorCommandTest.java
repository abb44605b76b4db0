package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engineer's monitoring from the command line, on a bundle trained on penguins.csv: drift of a file shifted in
 * three known ways (body mass x1.25, 30% of sex missing, Biscoe's share from 49% to 76%), of the unshifted data, and
 * evaluation on labels known to be right or made wrong.
 */
class MonitorCommandTest {

    @TempDir
    static Path dir;
    static Path bundle;
    static List<String> header;
    static List<String[]> rows;

    @BeforeAll
    static void trainAndExport() throws IOException {
        Path project = dir.resolve("penguins.baton-project");
        Cli train = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "logistic-regression", "--seed", "42",
                "--save-project", project.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        bundle = dir.resolve("penguins.baton");
        Cli export = Cli.run("bundle", "export", project.toString(), "--out", bundle.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(Path.of("sample-data", "penguins.csv"));
        header = List.of(lines.get(0).split(","));
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
    }

    private static Path write(String name, List<String[]> data) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] r : data) {
            b.append(String.join(",", r)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b);
    }

    /** Body mass x1.25, sex missing in 3 rows of 10, and 93 of the 176 rows from Dream or Torgersen moved to Biscoe (168 -> 261 of 344). */
    private static Path shifted() throws IOException {
        int island = header.indexOf("island");
        int mass = header.indexOf("body_mass_g");
        int sex = header.indexOf("sex");
        List<String[]> out = new ArrayList<>();
        int other = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i).clone();
            if (!r[mass].equals("NA")) {
                r[mass] = Long.toString(Math.round(Integer.parseInt(r[mass]) * 1.25));
            }
            if (i % 10 < 3) {
                r[sex] = "NA";
            }
            if (!r[island].equals("Biscoe")) {
                if (other * 93 / 176 != (other + 1) * 93 / 176) {
                    r[island] = "Biscoe";
                }
                other++;
            }
            out.add(r);
        }
        assertThat(out.stream().filter(r -> r[island].equals("Biscoe")).count()).isEqualTo(261);
        return write("shifted.csv", out);
    }

    private static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> out = new HashMap<>();
        report.path("columns").forEach(c -> out.put(c.path("name").asText(), c.path("verdict").asText()));
        return out;
    }

    @Test
    void theShiftedFileFlagsExactlyTheShiftedColumns() throws IOException {
        Path html = dir.resolve("drift.html");
        Cli r = Cli.run("bundle", "drift", bundle.toString(), "--input", shifted().toString(), "--json", "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.path("verdict").asText()).isEqualTo("drift");
        assertThat(verdicts(report)).containsOnly(Map.entry("body_mass_g", "drift"), Map.entry("sex", "drift"), Map.entry("island", "drift"),
                Map.entry("bill_length_mm", "no drift"), Map.entry("bill_depth_mm", "no drift"), Map.entry("flipper_length_mm", "no drift"),
                Map.entry("year", "no drift"));
        JsonNode sex = column(report, "sex");
        // 2.2% of the 275 training rows had no sex (6 rows); 30% of the 344 rows now, plus the rows that already had none
        assertThat(test(sex, "missing").path("value").asDouble()).isBetween(0.28, 0.32);
        JsonNode island = column(report, "island");
        assertThat(bin(island, "Biscoe").path("current").asDouble()).isCloseTo(261 / 344.0, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode mass = column(report, "body_mass_g");
        assertThat(mass.path("mean").asDouble() / mass.path("referenceMean").asDouble()).isBetween(1.2, 1.3);
        String page = Files.readString(html);
        assertThat(page).contains("body_mass_g", "<svg", "drift").doesNotContain("<script", "src=\"http", "href=\"http");
    }

    /** PSI per column equals that of bench/drift_psi.py, written from the documented format with numpy alone. */
    @Test
    void psiMatchesAnIndependentNumpyComputation() throws Exception {
        Path shifted = shifted();
        Cli r = Cli.run("bundle", "drift", bundle.toString(), "--input", shifted.toString(), "--json");
        JsonNode report = Json.mapper().readTree(r.out());
        Process p = new ProcessBuilder("/usr/bin/python3", "bench/drift_psi.py", bundle.toString(), shifted.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("python3 with numpy (apt-get install python3-numpy) said:\n" + out).isZero();
        JsonNode numpy = Json.mapper().readTree(out).path("psi");
        assertThat(numpy.size()).isEqualTo(7);
        numpy.fields().forEachRemaining(e -> assertThat(test(column(report, e.getKey()), "psi").path("value").asDouble())
                .as(e.getKey()).isCloseTo(e.getValue().asDouble(), org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void theUnshiftedDataFlagsNothing() throws IOException {
        Cli r = Cli.run("bundle", "drift", bundle.toString(), "--input", "sample-data/penguins.csv", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.path("verdict").asText()).as(report.path("reason").asText()).isEqualTo("no drift");
        assertThat(verdicts(report).values()).containsOnly("no drift");
        report.path("outputs").forEach(o -> assertThat(o.path("verdict").asText()).as(o.path("name").asText()).isEqualTo("no drift"));
        // the text summary says the same
        Cli text = Cli.run("bundle", "drift", bundle.toString(), "--input", "sample-data/penguins.csv");
        assertThat(text.out()).contains("NO DRIFT", "344 rows read", "Rule: drift when any of the 5 most important inputs drifts");
    }

    @Test
    void aFewRowsAreNotEnoughToTell() throws IOException {
        Cli r = Cli.run("bundle", "drift", bundle.toString(), "--input", write("few.csv", rows.subList(0, 40)).toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(Json.mapper().readTree(r.out()).path("verdict").asText()).isEqualTo("not enough data");
    }

    @Test
    void thresholdsAreSetPerRunAndABadOneIsAUsageError() throws IOException {
        // with the drift threshold out of reach, the shifted file is only to be watched
        Cli relaxed = Cli.run("bundle", "drift", bundle.toString(), "--input", shifted().toString(), "--threshold", "psi-drift=100",
                "--threshold", "missing-drift=1", "--threshold", "unseen-drift=1", "--json");
        assertThat(Json.mapper().readTree(relaxed.out()).path("verdict").asText()).isEqualTo("watch");
        assertThat(relaxed.exit()).isZero();
        Cli bad = Cli.run("bundle", "drift", bundle.toString(), "--input", "sample-data/penguins.csv", "--threshold", "psi=0.3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("there is no threshold 'psi'");
    }

    @Test
    void evaluationMatchesACountOfTheScoredLabels() throws IOException {
        Path scored = dir.resolve("scored.csv");
        assertThat(Cli.run("bundle", "score", bundle.toString(), "--input", "sample-data/penguins.csv", "--output", scored.toString()).exit()).isZero();
        List<String> labels = Files.readAllLines(scored);
        int species = header.indexOf("species");
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            right += labels.get(i + 1).startsWith(rows.get(i)[species] + ",") ? 1 : 0;
        }
        Cli r = Cli.run("bundle", "evaluate", bundle.toString(), "--input", "sample-data/penguins.csv", "--by", "island", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.path("rowsEvaluated").asLong()).isEqualTo(344);
        JsonNode accuracy = report.path("metrics").get(0);
        assertThat(accuracy.path("metric").asText()).isEqualTo("accuracy");
        assertThat(accuracy.path("now").path("value").asDouble()).isEqualTo(right / 344.0);
        assertThat(accuracy.path("now").path("method").asText()).isEqualTo("Wilson");
        assertThat(report.path("verdict").asText()).isEqualTo("no significant change");
        long confused = 0;
        for (JsonNode row : report.path("confusion")) {
            for (JsonNode cell : row) {
                confused += cell.asLong();
            }
        }
        assertThat(confused).isEqualTo(344);
        assertThat(report.path("groups")).extracting(g -> g.path("value").asText()).containsExactly("Biscoe", "Dream", "Torgersen");
        assertThat(report.path("groups").get(0).path("rows").asLong()).isEqualTo(168);
    }

    @Test
    void wrongLabelsAreASignificantDrop() throws IOException {
        int species = header.indexOf("species");
        List<String[]> wrong = new ArrayList<>();
        String[] names = {"Adelie", "Chinstrap", "Gentoo"};
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i).clone();
            if (i % 3 == 0) {
                r[species] = names[(java.util.Arrays.asList(names).indexOf(r[species]) + 1) % 3]; // a third of the labels made wrong
            }
            wrong.add(r);
        }
        Path html = dir.resolve("evaluation.html");
        Cli r = Cli.run("bundle", "evaluate", bundle.toString(), "--input", write("wrong.csv", wrong).toString(), "--html", html.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("DROPPED", "significantly worse");
        assertThat(Files.readString(html)).contains("dropped", "Confusion matrix").doesNotContain("<script");
    }

    @Test
    void aFileWithoutTheTargetIsToldWhatItLacks() throws IOException {
        Path noTarget = dir.resolve("no-target.csv");
        Files.writeString(noTarget, "island,bill_length_mm\nBiscoe,40\n");
        Cli r = Cli.run("bundle", "evaluate", bundle.toString(), "--input", noTarget.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("has no column species").doesNotContain("Exception");
    }

    @Test
    void aBundleFromBeforeDriftChecksIsToldToBeExportedAgainAndStillEvaluates() throws IOException {
        String old = "scorer/src/test/resources/bundles/v1/classification-cart.baton";
        Cli drift = Cli.run("bundle", "drift", old, "--input", "sample-data/penguins_raw.csv");
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.err()).contains("was exported before drift checks", "Export the bundle again").doesNotContain("Exception");
        // its metrics.json has the held-out values (without intervals): evaluation compares with them
        List<String> raw = Files.readAllLines(Path.of("sample-data", "penguins_raw.csv"));
        StringBuilder labelled = new StringBuilder(raw.get(0)).append(",species\n");
        int species = List.of(raw.get(0).split(",")).indexOf("Species");
        for (String line : raw.subList(1, raw.size())) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            labelled.append(line).append(',').append(f[species].split(" ")[0]).append('\n');
        }
        Cli evaluate = Cli.run("bundle", "evaluate", old, "--input", Files.writeString(dir.resolve("raw-labelled.csv"), labelled).toString(),
                "--json");
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        JsonNode report = Json.mapper().readTree(evaluate.out());
        assertThat(report.path("rowsEvaluated").asLong()).isEqualTo(344);
        assertThat(report.path("metrics").get(0).path("holdout").path("value").asDouble()).isEqualTo(0.9710144927536232);
    }

    @Test
    void aRegressionIsEvaluatedWithItsResiduals() throws IOException {
        Path project = dir.resolve("mpg.baton-project");
        assertThat(Cli.run("train", "sample-data/auto-mpg.csv", "--target", "Miles_per_Gallon", "--algorithms", "linear-regression", "--seed", "42",
                "--save-project", project.toString()).exit()).isZero();
        Path mpg = dir.resolve("mpg.baton");
        assertThat(Cli.run("bundle", "export", project.toString(), "--out", mpg.toString()).exit()).isZero();
        Cli r = Cli.run("bundle", "evaluate", mpg.toString(), "--input", "sample-data/auto-mpg.csv", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = Json.mapper().readTree(r.out());
        assertThat(report.path("task").asText()).isEqualTo("regression");
        JsonNode rmse = null;
        for (JsonNode m : report.path("metrics")) {
            if (m.path("metric").asText().equals("rmse")) {
                rmse = m;
            }
        }
        assertThat(rmse).isNotNull();
        assertThat(rmse.path("now").path("low").asDouble()).isLessThan(rmse.path("now").path("value").asDouble());
        assertThat(rmse.path("now").path("high").asDouble()).isGreaterThan(rmse.path("now").path("value").asDouble());
        // residuals: their mean absolute value is the MAE
        double mae = 0;
        for (JsonNode m : report.path("metrics")) {
            if (m.path("metric").asText().equals("mae")) {
                mae = m.path("now").path("value").asDouble();
            }
        }
        assertThat(report.path("residuals").path("meanAbsolute").asDouble()).isCloseTo(mae, org.assertj.core.data.Offset.offset(1e-9));
        Cli drift = Cli.run("bundle", "drift", mpg.toString(), "--input", "sample-data/auto-mpg.csv", "--json");
        assertThat(drift.exit()).as(drift.err()).isZero();
        assertThat(Json.mapper().readTree(drift.out()).path("outputs").get(0).path("name").asText()).isEqualTo("predicted value");
    }

    private static JsonNode column(JsonNode report, String name) {
        for (JsonNode c : report.path("columns")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static JsonNode test(JsonNode column, String name) {
        for (JsonNode t : column.path("tests")) {
            if (t.path("test").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no test " + name);
    }

    private static JsonNode bin(JsonNode column, String label) {
        for (JsonNode b : column.path("bins")) {
            if (b.path("label").asText().equals(label)) {
                return b;
            }
        }
        throw new AssertionError("no bin " + label);
    }
}
