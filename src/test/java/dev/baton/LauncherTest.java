package dev.baton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private static final Path JAVA_HOME = Path.of("/opt/jdk");
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private Path jarWithArchive() throws Exception {
        Path jar = Files.createFile(dir.resolve("baton.jar"));
        Files.createFile(dir.resolve(Launcher.ARCHIVE));
        return jar;
    }

    @Test
    void aPlainJavaDashJarStartsTheSecondJvmWithTheArchiveTheHeapAndTheSameArguments() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "data file.csv", "--json"};
        String[] process = {"-jar", "target/baton.jar", "profile", "data file.csv", "--json"};

        List<String> command = Launcher.command(args, process, Map.of(), false, jar, JAVA_HOME, 6 * GIB).orElseThrow();

        assertThat(command).containsExactly("/opt/jdk/bin/java", "-XX:SharedArchiveFile=" + dir.resolve("baton.jsa"),
                "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xms1024m", "-Dbaton.launched=true",
                "-jar", "target/baton.jar", "profile", "data file.csv", "--json");
    }

    @Test
    void theInitialHeapNeverExceedsTheMaximum() throws Exception {
        List<String> command = Launcher.command(new String[0], new String[]{"-jar", "baton.jar"}, Map.of(), false,
                jarWithArchive(), JAVA_HOME, 512L << 20).orElseThrow();
        assertThat(command).contains("-Xms512m").doesNotContain("-Xms1024m");
    }

    @Test
    void jvmOptionsOfTheUsersOwnKeepBatonInThisJvm() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "x.csv"};
        // On the command line, before -jar.
        assertThat(Launcher.command(args, new String[]{"-Xmx8g", "-jar", "baton.jar", "profile", "x.csv"}, Map.of(),
                false, jar, JAVA_HOME, GIB)).isEmpty();
        // In the environment variables the java launcher and the JVM read.
        String[] plain = {"-jar", "baton.jar", "profile", "x.csv"};
        assertThat(Launcher.command(args, plain, Map.of("JDK_JAVA_OPTIONS", "-Xmx8g"), false, jar, JAVA_HOME, GIB)).isEmpty();
        assertThat(Launcher.command(args, plain, Map.of("JAVA_TOOL_OPTIONS", "-Xss2m"), false, jar, JAVA_HOME, GIB)).isEmpty();
    }

    @Test
    void theSecondJvmItselfAClassFolderAMissingArchiveOrUnknownArgumentsRunHere() throws Exception {
        Path jar = jarWithArchive();
        String[] args = {"profile", "x.csv"};
        String[] plain = {"-jar", "baton.jar", "profile", "x.csv"};
        assertThat(Launcher.command(args, plain, Map.of(), true, jar, JAVA_HOME, GIB)).isEmpty();
        assertThat(Launcher.command(args, plain, Map.of(), false, null, JAVA_HOME, GIB)).isEmpty();
        assertThat(Launcher.command(args, null, Map.of(), false, jar, JAVA_HOME, GIB)).isEmpty();
        // The operating system's view of the arguments differs from main's: something was added, so run here.
        assertThat(Launcher.command(args, new String[]{"-jar", "baton.jar", "profile", "y.csv"}, Map.of(), false, jar,
                JAVA_HOME, GIB)).isEmpty();
        Files.delete(dir.resolve(Launcher.ARCHIVE));
        assertThat(Launcher.command(args, plain, Map.of(), false, jar, JAVA_HOME, GIB)).isEmpty();
    }
}
