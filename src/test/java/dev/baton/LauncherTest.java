package dev.baton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
