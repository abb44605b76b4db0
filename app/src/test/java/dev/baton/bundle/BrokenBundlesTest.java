package dev.baton.bundle;

import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A corpus of damaged and hostile bundles: each is refused with a message that says what is wrong. */
class BrokenBundlesTest {

    @TempDir
    static Path dir;
    static Path good;
    static Map<String, byte[]> entries;

    @BeforeAll
    static void export() throws Exception {
        good = dir.resolve("good.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), good, Progress.NONE);
        entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
    }

    static Path rezip(String name, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Path file = dir.resolve(name);
        Map<String, byte[]> copy = change.apply(new LinkedHashMap<>(entries));
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : copy.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void theGoodOneOpens() {
        assertThat(Bundle.open(good).manifest().format()).isEqualTo("baton-bundle/1");
    }

    @Test
    void aChangedEntryFailsItsChecksum() throws IOException {
        Path tampered = rezip("tampered.baton", m -> {
            String csv = new String(m.get(BundleFormat.EXAMPLES_EXPECTED), StandardCharsets.UTF_8);
            m.put(BundleFormat.EXAMPLES_EXPECTED, csv.replaceFirst("Adelie", "Gentoo").getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(tampered)).isInstanceOf(BundleException.class)
                .hasMessageContaining("examples/expected.csv has SHA-256").hasMessageContaining("changed after export");
    }

    @Test
    void anEntryEscapingTheFolderIsRefused() throws IOException {
        Path slip = rezip("slip.baton", m -> {
            m.put("../../etc/cron.d/evil", "* * * * * root rm -rf /".getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(slip)).isInstanceOf(BundleException.class).hasMessageContaining("unsafe entry name '../../etc/cron.d/evil'");
        Path absolute = rezip("absolute.baton", m -> {
            m.put("/tmp/evil", new byte[1]);
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(absolute)).hasMessageContaining("unsafe entry name '/tmp/evil'");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        Path future = rezip("future.baton", m -> {
            String manifest = new String(m.get(BundleFormat.MANIFEST), StandardCharsets.UTF_8);
            m.put(BundleFormat.MANIFEST, manifest.replace("baton-bundle/1", "baton-bundle/7").getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(future)).hasMessageContaining("format 'baton-bundle/7'").hasMessageContaining("reads baton-bundle/1");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.baton");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> Bundle.open(cut)).isInstanceOf(BundleException.class).hasMessageContaining("damaged or truncated");
        Path text = dir.resolve("text.baton");
        Files.writeString(text, "species,island\nAdelie,Dream\n");
        assertThatThrownBy(() -> Bundle.open(text)).hasMessageContaining("damaged or truncated");
    }

    @Test
    void anOversizedEntryIsRefusedBeforeItIsUnpacked() throws IOException {
        Path big = rezip("big.baton", m -> {
            m.put("padding.bin", new byte[50_000]); // compresses to almost nothing
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(big, 40_000)).hasMessageContaining("padding.bin").hasMessageContaining("refused");
    }

    @Test
    void aZipBombIsRefusedAfterAFewMegabytesWithoutAskingForMoreMemory() throws IOException {
        // Eight entries of 64 MB of zeros each (512 MB unpacked, half a megabyte packed), under a name a bundle has and one it has not.
        for (String first : new String[]{BundleFormat.MODEL, "zeros.bin"}) {
            Path bomb = dir.resolve("bomb-" + first.replace('/', '-') + ".baton");
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
                byte[] zeros = new byte[1 << 20];
                for (int e = 0; e < 8; e++) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e == 0 ? first : "zeros-" + e + ".bin"));
                    for (int mb = 0; mb < 64; mb++) {
                        zip.write(zeros);
                    }
                    zip.closeEntry();
                }
            }
            assertThat(Files.size(bomb)).isLessThan(4L << 20);
            long start = System.nanoTime();
            assertThatThrownBy(() -> Bundle.open(bomb)).isInstanceOf(BundleException.class)
                    .hasMessageContaining(first).hasMessageContaining("times its packed size").hasMessageContaining("refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("-Xmx").doesNotContain("memory"));
            assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse").isLessThan(2);
        }
    }

    @Test
    void missingAndUnlistedEntriesAreRefused() throws IOException {
        Path missing = rezip("missing.baton", m -> {
            m.remove(BundleFormat.MODEL);
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(missing)).hasMessageContaining("incomplete").hasMessageContaining("model/model.tribuo");
        Path extra = rezip("extra.baton", m -> {
            m.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(extra)).hasMessageContaining("notes.txt, which its manifest does not list");
    }

    @Test
    void aModelThatIsNotTribuoProtobufIsRefusedWithoutJavaDeserialization() throws IOException {
        // A Java-serialization stream where the model should be: the checksum is updated so the model reader sees it.
        byte[] serialized;
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("not", "a", "model")));
        }
        serialized = bytes.toByteArray();
        Path evil = rezip("serialized.baton", m -> {
            m.put(BundleFormat.MODEL, serialized);
            String manifest = new String(m.get(BundleFormat.MANIFEST), StandardCharsets.UTF_8);
            String oldSum = Bundle.sha256(entries.get(BundleFormat.MODEL));
            m.put(BundleFormat.MANIFEST, manifest.replace(oldSum, Bundle.sha256(serialized)).getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThatThrownBy(() -> Bundle.open(evil)).isInstanceOf(BundleException.class).hasMessageContaining("the model (model/model.tribuo) cannot be read");
    }

    /** The bundle with a step added to its recipe, the manifest's checksum made to match: only the step is wrong. */
    private static Path withStep(String name, dev.baton.clean.Operation step) throws IOException {
        dev.baton.clean.Recipe recipe = Bundle.open(good).recipe();
        java.util.List<dev.baton.clean.RecipeStep> steps = new java.util.ArrayList<>(recipe.steps());
        steps.add(dev.baton.clean.RecipeStep.of(step));
        byte[] json = dev.baton.clean.RecipeFiles.toJson(dev.baton.clean.Recipe.of(steps)).getBytes(StandardCharsets.UTF_8);
        return rezip(name, m -> {
            String manifest = new String(m.get(BundleFormat.MANIFEST), StandardCharsets.UTF_8);
            m.put(BundleFormat.MANIFEST, manifest.replace(Bundle.sha256(entries.get(BundleFormat.RECIPE)), Bundle.sha256(json))
                    .getBytes(StandardCharsets.UTF_8));
            m.put(BundleFormat.RECIPE, json);
            return m;
        });
    }

    @Test
    void aStepThatWouldBeFittedOnTheScoringBatchIsRefused() throws IOException {
        Path tableWise = withStep("table-wise.baton", new dev.baton.clean.RemoveDuplicates(java.util.List.of()));
        assertThatThrownBy(() -> Bundle.open(tableWise)).isInstanceOf(BundleException.class)
                .hasMessageContaining("step " + (Bundle.open(good).recipe().steps().size() + 1) + " of recipe.json")
                .hasMessageContaining("works on the whole table");
        Path unfitted = withStep("unfitted.baton", new dev.baton.clean.FillMissing(java.util.List.of("Body Mass (g)"),
                dev.baton.clean.FillMissing.Method.MEDIAN, null, null));
        assertThatThrownBy(() -> Bundle.open(unfitted)).isInstanceOf(BundleException.class)
                .hasMessageContaining("has no fitted values");
    }
}
