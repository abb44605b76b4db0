package dev.baton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private Path jarWithArchive() throws Exception {
        return jarWithArchiveFor(dir.resolve("baton.jar"), javaHome());
    }

    /** A jar with an archive beside it that says it was made for the given jar and JDK. */
    private Path jarWithArchiveFor(Path madeForJar, Path madeForJdk) throws Exception {
        Path jar = dir.resolve("baton.jar");
        if (!Files.exists(jar)) {
            Files.createFile(jar);
        }
        Files.write(dir.resolve(Launcher.ARCHIVE), new byte[]{1});
        Files.writeString(dir.resolve(Launcher.ARCHIVE + ".info"), madeForJar + "\n" + madeForJdk + "\n");
        return jar;
    }

    /** A JDK folder: the archive check compares real files, so it must exist. */
    private Path javaHome() throws Exception {
        return Files.createDirectories(dir.resolve("jdk"));
    }

    @Test
    void aPlainJavaDashJarStartsTheSecondJvmWithTheArchiveTheHeapAndTheSameArguments() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "data file.csv", "--json"};
        String[] process = {"-jar", "target/baton.jar", "profile", "data file.csv", "--json"};

        List<String> command = Launcher.command(args, process, Map.of(), false, jar, javaHome(), 6 * GIB).orElseThrow();

        assertThat(command).containsExactly(javaHome().resolve("bin").resolve("java").toString(),
                "-XX:SharedArchiveFile=" + dir.resolve("baton.jsa"), "-Xshare:auto", "-Xlog:cds=off", "-Xms1024m",
                "-Dbaton.launched=true", "-jar", "target/baton.jar", "profile", "data file.csv", "--json");
    }

    @Test
    void anArchiveMadeForTheJarElsewhereOrForAnotherJdkKeepsBatonInThisJvm() throws Exception {
        // Given such an archive, the JVM would start with no archive at all, not even the JDK's own.
        String[] args = {"profile", "x.csv"};
        String[] plain = {"-jar", "baton.jar", "profile", "x.csv"};
        Path elsewhere = Files.createDirectories(dir.resolve("old")).resolve("baton.jar");
        Files.createFile(elsewhere);
        Path jar = jarWithArchiveFor(elsewhere, javaHome());
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, javaHome(), GIB)).isEmpty();
        Path otherJdk = Files.createDirectories(dir.resolve("other-jdk"));
        jarWithArchiveFor(jar, otherJdk);
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, javaHome(), GIB)).isEmpty();
        jarWithArchiveFor(jar, javaHome());
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, javaHome(), GIB)).isPresent();
        Files.delete(dir.resolve(Launcher.ARCHIVE + ".info"));
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, javaHome(), GIB)).isEmpty();
    }

    @Test
    void theInitialHeapNeverExceedsTheMaximum() throws Exception {
        List<String> command = Launcher.command(new String[0], new String[]{"-jar", "baton.jar"}, Map.of(), false,
                jarWithArchive(), javaHome(), 512L << 20).orElseThrow();
        assertThat(command).contains("-Xms512m").doesNotContain("-Xms1024m");
    }

    @Test
    void jvmOptionsOfTheUsersOwnKeepBatonInThisJvm() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "x.csv"};
        // On the command line, before -jar.
        assertThat(Launcher.command(args, new String[]{"-Xmx8g", "-jar", "baton.jar", "profile", "x.csv"}, Map.of(),
                false, jar, javaHome(), GIB)).isEmpty();
        // In the environment variables the java launcher and the JVM read.
        String[] plain = {"-jar", "baton.jar", "profile", "x.csv"};
        assertThat(Launcher.command(args, plain, Map.of("JDK_JAVA_OPTIONS", "-Xmx8g"), false, jar, javaHome(), GIB)).isEmpty();
        assertThat(Launcher.command(args, plain, Map.of("JAVA_TOOL_OPTIONS", "-Xss2m"), false, jar, javaHome(), GIB)).isEmpty();
    }

    @Test
    void theSecondJvmItselfAClassFolderAMissingArchiveOrUnknownArgumentsRunHere() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "x.csv"};
        String[] plain = {"-jar", "baton.jar", "profile", "x.csv"};
        assertThat(Launcher.command(args, plain, Map.of(), true, jar, javaHome(), GIB)).isEmpty();
        assertThat(Launcher.command(args, plain, Map.of(), false, null, javaHome(), GIB)).isEmpty();
        assertThat(Launcher.command(args, null, Map.of(), false, jar, javaHome(), GIB)).isEmpty();
        // The operating system's view of the arguments differs from main's: something was added, so run here.
        assertThat(Launcher.command(args, new String[]{"-jar", "baton.jar", "profile", "y.csv"}, Map.of(), false, jar,
                javaHome(), GIB)).isEmpty();
        Files.delete(dir.resolve(Launcher.ARCHIVE));
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, javaHome(), GIB)).isEmpty();
    }

    private List<String> commandFor(String... args) throws Exception {
        String[] process = new String[args.length + 2];
        process[0] = "-jar";
        process[1] = "baton.jar";
        System.arraycopy(args, 0, process, 2, args.length);
        return Launcher.command(args, process, Map.of(), false, jarWithArchive(), javaHome(), 6 * GIB).orElseThrow();
    }

    /** A file of the given size that takes no room on disk. */
    private Path sparse(String name, long size) throws Exception {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    @Test
    void aProfileOfDelimitedTextUpTo100MbRunsWithC1AloneAndEverythingElseWithBothCompilers() throws Exception {
        String c1 = "-XX:TieredStopAtLevel=1";
        Path small = Files.writeString(dir.resolve("small.csv"), "a,b\n1,2\n");
        assertThat(commandFor("profile", small.toString(), "--json")).contains(c1);
        assertThat(commandFor("profile", "--delimiter", ";", small.toString())).contains(c1);
        // The option goes before -jar: an option after it would be the program's.
        List<String> command = commandFor("profile", small.toString());
        assertThat(command.indexOf(c1)).isLessThan(command.indexOf("-jar"));

        Path limit = sparse("limit.csv", 100L << 20);
        assertThat(commandFor("profile", limit.toString())).contains(c1);
        Path large = sparse("large.tsv", (100L << 20) + 1);
        assertThat(commandFor("profile", large.toString(), "--json")).doesNotContain(c1);

        // Other formats, other commands, and no file to look at: both compilers.
        Path workbook = sparse("small.xlsx", 10_000);
        assertThat(commandFor("profile", workbook.toString())).doesNotContain(c1);
        assertThat(commandFor("profile", small.toString(), "--format", "json")).doesNotContain(c1);
        assertThat(commandFor("profile", "--format=EXCEL", small.toString())).doesNotContain(c1);
        assertThat(commandFor("profile", "--format", "delimited", small.toString())).contains(c1);
        assertThat(commandFor("clean", small.toString(), "--recipe", small.toString())).doesNotContain(c1);
        assertThat(commandFor("gui")).doesNotContain(c1);
        assertThat(commandFor("profile", dir.resolve("missing.csv").toString())).doesNotContain(c1);
        assertThat(commandFor("profile", "--help")).doesNotContain(c1);
    }

    @Test
    void aGzipFileCountsAsTheSizeOfItsTextFromItsTrailer() throws Exception {
        byte[] text = "a,b\n1,2\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(text);
        }
        Path gz = Files.write(dir.resolve("data.csv.gz"), packed.toByteArray());
        assertThat(Launcher.textBytes(gz)).isEqualTo(8000).isGreaterThan(Files.size(gz));
        assertThat(commandFor("profile", gz.toString())).contains("-XX:TieredStopAtLevel=1");

        // A trailer that says 200 MB (the last four bytes, little-endian): large, whatever the file's own size.
        byte[] bytes = packed.toByteArray();
        int mb200 = 200 << 20;
        for (int i = 0; i < 4; i++) {
            bytes[bytes.length - 4 + i] = (byte) (mb200 >>> (8 * i));
        }
        Files.write(gz, bytes);
        assertThat(Launcher.textBytes(gz)).isEqualTo(200L << 20);
        assertThat(commandFor("profile", gz.toString())).doesNotContain("-XX:TieredStopAtLevel=1");
        // A size below the compressed one cannot be the text's (a file over 4 GiB wraps around): large.
        bytes[bytes.length - 4] = 1;
        bytes[bytes.length - 3] = 0;
        bytes[bytes.length - 2] = 0;
        bytes[bytes.length - 1] = 0;
        Files.write(gz, bytes);
        assertThat(Launcher.textBytes(gz)).isEqualTo(Long.MAX_VALUE);
    }
}
