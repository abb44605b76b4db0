package dev.baton.data;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Things that look like files and are not: pipes, devices, a gzip bomb. Each ends quickly, with a message. */
class StreamsAndDevicesTest {

    @TempDir
    Path dir;

    private static Dataset read(Path file) {
        return DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        return fifo;
    }

    @Test
    void devicesAreRefusedAtOnce() {
        for (String device : new String[]{"/dev/zero", "/dev/urandom", "/dev/null"}) {
            Path p = Path.of(device);
            assumeTrue(Files.exists(p));
            long start = System.nanoTime();
            assertThatThrownBy(() -> read(p)).as(device).isInstanceOf(ImportException.class)
                    .hasMessage(device + " is a device, not a data file.");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(1);
        }
    }

    @Test
    void aPipeIsReadFromItsWriter() throws Exception {
        Path fifo = fifo("data.csv");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(Path.of("sample-data", "penguins.csv")));
            } catch (Exception ignored) {
                // the test fails on the read below
            }
        });
        writer.start();
        assertThat(read(fifo).rowCount()).isEqualTo(344);
        writer.join();
    }

    @Test
    void aPipeNobodyWritesToIsGivenUpOn() throws Exception {
        Path fifo = fifo("silent.csv");
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(fifo)).isInstanceOf(ImportException.class)
                .hasMessageContaining("is a pipe, and no program wrote to it within 10 seconds");
        assertThat((System.nanoTime() - start) / 1e9).isBetween(9.0, 15.0);
    }

    @Test
    void aGzipBombIsRefusedWhileUnpackingNotAfter() throws Exception {
        // 256 MB of commas and line ends in a few hundred kilobytes, against a cap of 64 MB (2 GB in use).
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(packed, 1 << 16)) {
            byte[] block = ",,,,,,,\n".repeat(1 << 14).getBytes();
            for (long written = 0; written < 256L << 20; written += block.length) {
                out.write(block);
            }
        }
        assertThat(packed.size()).isLessThan(2 << 20);
        assertThatThrownBy(() -> SourceFile.gunzip(dir.resolve("bomb.csv.gz"), packed.toByteArray(), 64 << 20))
                .isInstanceOf(ImportException.class).hasMessageContaining("bomb.csv.gz unpacks to more than 67,108,864 bytes")
                .hasMessageContaining("Parquet").satisfies(e -> assertThat(e.getMessage()).doesNotContain("-Xmx"));
    }
}
