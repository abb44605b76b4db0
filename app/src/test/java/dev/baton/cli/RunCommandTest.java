package dev.baton.cli;

import dev.baton.project.ProjectLoader;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample projects open with their models and re-run headlessly; two runs give the same results. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSampleProjectsOpenWithTheirChosenModels() {
        var penguins = ProjectLoader.open(Path.of("sample-data", "penguins.baton-project"), Progress.NONE);
        assertThat(penguins.warnings()).isEmpty();
        assertThat(penguins.project().chosenModel().result().algorithm()).isEqualTo("logistic-regression");
        assertThat(penguins.project().explore().pins()).hasSize(4);
        var cars = ProjectLoader.open(Path.of("sample-data", "auto-mpg.baton-project"), Progress.NONE);
        assertThat(cars.warnings()).isEmpty();
        assertThat(cars.project().dataset().rowCount()).isEqualTo(398); // 8 cars without fuel economy dropped by the recipe
        assertThat(cars.project().chosenModel().result().holdout().get("r2")).isGreaterThan(0.8);
    }

    @Test
    void theSampleProjectsReferToTheirDataRelativelyOnly() throws Exception {
        for (String name : new String[]{"penguins", "auto-mpg"}) {
            var json = dev.baton.util.Json.mapper().readTree(Path.of("sample-data", name + ".baton-project", "project.json").toFile());
            assertThat(json.get("data").has("path")).as(name).isFalse();
            assertThat(json.get("data").get("relativePath").asText()).as(name).startsWith("../").doesNotContain(":");
            assertThat(json.get("training").get("baseline")).as(name).isNotNull();
        }
    }

    @Test
    void twoRunsGiveTheSameReportAndBundle() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : new Path[]{a, b}) {
            Cli r = Cli.run("run", "sample-data/penguins.baton-project", "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("trained 3 models; chosen: logistic-regression", "reproduced on 69 held-out rows");
        }
        // Each report names the bundle written with it, by the SHA-256 of its bytes.
        for (Path out : new Path[]{a, b}) {
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(out.resolve("penguins.baton"))));
            assertThat(Files.readString(out.resolve("penguins-report.html"))).contains("penguins.baton", "SHA-256 " + sha + " (check a copy with sha256sum");
        }
        // Otherwise the two reports are the same. (The bundles' hashes differ with the training times inside them,
        // as the entries below do; JarLaunchIT shows them byte-identical, hash and all, with SOURCE_DATE_EPOCH set.)
        assertThat(withoutTime(Files.readString(a.resolve("penguins-report.html"))).replaceAll("SHA-256 [0-9a-f]{64} \\(check", "SHA-256 SUM (check"))
                .isEqualTo(withoutTime(Files.readString(b.resolve("penguins-report.html"))).replaceAll("SHA-256 [0-9a-f]{64} \\(check", "SHA-256 SUM (check"));
        assertThat(Files.readAllBytes(a.resolve("penguins-report.pdf"))).startsWith("%PDF-".getBytes());

        Map<String, String> first = entries(a.resolve("penguins.baton"));
        Map<String, String> second = entries(b.resolve("penguins.baton"));
        assertThat(first.keySet()).isEqualTo(second.keySet());
        for (String name : first.keySet()) {
            switch (name) {
                // Tribuo records when a model was trained, inside the model and its ONNX export; everything the model
                // computes is compared through the golden examples' expected outputs below.
                case "model/model.tribuo", "model/model.onnx" -> { }
                case "manifest.json" -> assertThat(manifestWithoutTimes(first.get(name))).isEqualTo(manifestWithoutTimes(second.get(name)));
                default -> assertThat(withoutTimestamps(first.get(name))).as(name).isEqualTo(withoutTimestamps(second.get(name)));
            }
        }
        assertThat(first.get("examples/expected.csv")).isEqualTo(second.get("examples/expected.csv"));
        assertThat(first.get("metrics.json")).isEqualTo(second.get("metrics.json"));
    }

    static Map<String, String> entries(Path bundle) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    static String withoutTime(String html) {
        return html.replaceAll("<time datetime=\"[^\"]*\">[^<]*</time>", "<time/>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2} \u00b7 data", "DATE \u00b7 data");
    }

    static String withoutTimestamps(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})", "TIME");
    }

    static String manifestWithoutTimes(String manifest) {
        // The checksums of the time-bearing entries differ with the times; every other entry's checksum must match.
        return withoutTimestamps(manifest).replaceAll("\"(model/model\\.tribuo|model/model\\.onnx|MODEL_CARD\\.md|provenance\\.json)\" : \"[0-9a-f]{64}\"",
                "\"$1\" : \"SUM\"");
    }
}
