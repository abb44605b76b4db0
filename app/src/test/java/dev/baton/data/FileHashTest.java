package dev.baton.data;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The SHA-256 a dataset's source gives, whether computed alongside the import or when first asked for. */
class FileHashTest {

    /** sha256sum sample-data/penguins.csv */
    private static final String PENGUINS = "f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93";

    @TempDir
    Path dir;

    @Test
    void bothWaysGiveTheFilesSha256() {
        Path file = Path.of("sample-data", "penguins.csv");
        assertThat(DatasetReader.read(file, ImportOptions.detect(), Progress.NONE).source().fingerprint()).isEqualTo(PENGUINS);
        Dataset quick = DatasetReader.readForQuickLook(file, ImportOptions.detect(), Progress.NONE);
        assertThat(quick.source().fingerprint()).isEqualTo(PENGUINS);
        assertThat(quick.source()).isEqualTo(DatasetReader.read(file, ImportOptions.detect(), Progress.NONE).source());
    }

    @Test
    void aHashAskedForLaterIsOfTheBytesThatWereRead() throws Exception {
        Path file = dir.resolve("d.csv");
        Files.copy(Path.of("sample-data", "penguins.csv"), file);
        Dataset quick = DatasetReader.readForQuickLook(file, ImportOptions.detect(), Progress.NONE);
        Files.writeString(file, "a,b\n1,2\n");
        assertThat(quick.source().fingerprint()).isEqualTo(PENGUINS);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aPipeIsReadToItsEndAndHashedAsTheFileWouldBe() throws Exception {
        // A named pipe, as `baton profile /dev/stdin < penguins.csv` or a shell's <(...) gives: it has no size.
        Path fifo = dir.resolve("pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            // Closing the pipe's writing end is what ends the file for the reader.
            try (var out = Files.newOutputStream(fifo)) {
                Files.copy(Path.of("sample-data", "penguins.csv"), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Dataset d = DatasetReader.read(fifo, ImportOptions.detect(), Progress.NONE);
        writer.join();
        assertThat(d.rowCount()).isEqualTo(344);
        assertThat(d.source().fingerprint()).isEqualTo(PENGUINS);
        assertThat(((FileSource) d.source()).sizeBytes()).isEqualTo(Files.size(Path.of("sample-data", "penguins.csv")));
    }
}
