package dev.baton;

import dev.baton.data.DataFormat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs Baton in a second JVM started with the options a plain {@code java -jar baton.jar} cannot give: the
 * class-data archive {@code mvn package} writes beside the jar ({@code baton.jsa}: the classes a command needs,
 * already parsed, verified and linked) and an initial heap large enough that G1 does not run a concurrent cycle
 * at each large array of an import while the heap grows from its default 1/64 of the machine's memory; and for a
 * {@code profile} of a file up to 100 MB, the C1 compiler alone ({@link #shortJob}). A cold {@code profile} of
 * the 1M-row benchmark file takes about 0.3 s less, {@code profile --json} 0.4–0.5 s (docs/PERFORMANCE.md).
 *
 * <p>This first JVM only waits for the second, which shares its standard input and output, and exits with its
 * exit code. It relaunches only for a plain {@code java -jar baton.jar ...} with the archive in place, made for
 * that jar where it is and this JDK: JVM options given on the command line or in {@code JDK_JAVA_OPTIONS} or
 * {@code JAVA_TOOL_OPTIONS} are the user's to choose, so with any of them Baton runs in this JVM as it is. An
 * archive the JVM still finds stale (a jar rebuilt without it) is ignored silently.
 */
final class Launcher {

    /** Set on the second JVM, which must not start a third. */
    static final String LAUNCHED = "baton.launched";

    static final String ARCHIVE = "baton.jsa";

    private static final long INITIAL_HEAP = 1L << 30;

    /** Text up to this size makes {@code profile} a short job, run with C1 alone (see {@link #shortJob}). */
    static final long SHORT_JOB_BYTES = 100L << 20;

    private Launcher() {
    }

    /** Runs Baton in a second JVM and returns its exit code; empty when this JVM should run it. */
    static OptionalInt runInTunedJvm(String[] args) {
        if (Boolean.getBoolean(LAUNCHED)) {
            return OptionalInt.empty(); // asked first: the second JVM then reads nothing else (its process arguments took ~7 ms)
        }
        Optional<List<String>> command = command(args, ProcessHandle.current().info().arguments().orElse(null),
                System.getenv(), Boolean.getBoolean(LAUNCHED), jar(), Path.of(System.getProperty("java.home")),
                Runtime.getRuntime().maxMemory());
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // Stopped itself (Ctrl+C, a service manager's SIGTERM), this JVM stops Baton too rather than leave it running.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // Nothing in this JVM interrupts it: keep waiting for Baton.
            }
        }
    }

    /**
     * The second JVM's command line, or empty to run here: when this JVM was started as {@code java -jar JAR
     * args} exactly (its arguments as the operating system reports them), from a jar with the archive beside it.
     */
    static Optional<List<String>> command(String[] args, String[] processArguments, Map<String, String> environment,
                                          boolean launched, Path jar, Path javaHome, long maxHeap) {
        if (launched || jar == null || processArguments == null
                || environment.containsKey("JDK_JAVA_OPTIONS") || environment.containsKey("JAVA_TOOL_OPTIONS")) {
            return Optional.empty();
        }
        boolean plain = processArguments.length == args.length + 2 && processArguments[0].equals("-jar")
                && Arrays.equals(processArguments, 2, processArguments.length, args, 0, args.length);
        Path archive = jar.resolveSibling(ARCHIVE);
        if (!plain || !Files.isRegularFile(archive) || !madeFor(jar, javaHome)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-Xshare:auto");
        // Otherwise the JVM's note that it cannot use a stale archive goes to standard output, into a command's output.
        command.add("-Xlog:cds=off");
        // Never above the maximum, which stays the JVM's default (a quarter of the memory): that is the user's to raise.
        command.add("-Xms" + Math.min(INITIAL_HEAP, maxHeap) / (1 << 20) + "m");
        if (shortJob(args)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-D" + LAUNCHED + "=true");
        command.add("-jar");
        command.add(processArguments[1]);
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Whether the command is {@code profile} of delimited text of at most 100 MB: a job of about a second in which
     * each of many methods runs once over the rows, so that C2 spends its time compiling code that is used once
     * (about 0.9 s of CPU in a 1.4 s run on two cores). C1 alone finishes such a job sooner, the quick look and the
     * full profile alike; on larger files C2's faster code wins, so they keep both compilers. Measured on the
     * benchmark's columns (docs/PERFORMANCE.md): {@code --json} of 76 MB 1.41 -> 1.17 s with C1 alone, of 153 MB
     * the same either way, of 230 MB 2.73 s with both compilers and 3.09 s with C1 alone. A wrong guess only
     * costs time.
     */
    static boolean shortJob(String[] args) {
        if (args.length < 2 || !args[0].equals("profile")) {
            return false;
        }
        boolean data = false;
        for (int i = 1; i < args.length; i++) {
            String format = args[i].startsWith("--format=") ? args[i].substring("--format=".length())
                    : args[i].equals("--format") && i + 1 < args.length ? args[i + 1] : null;
            if (format != null && !format.equalsIgnoreCase(DataFormat.DELIMITED.name())) {
                return false; // a format chosen over the file name's
            }
            Path file;
            try {
                file = Path.of(args[i]);
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isRegularFile(file)) {
                if (DataFormat.fromFileName(file) != DataFormat.DELIMITED || textBytes(file) > SHORT_JOB_BYTES) {
                    return false;
                }
                data = true;
            }
        }
        return data;
    }

    /**
     * The size of a file's text: of a gzip file as its trailer gives it (modulo 4 GiB; a size below the compressed
     * one cannot be right, so it counts as large); of any other file its own.
     */
    static long textBytes(Path file) {
        try {
            long size = Files.size(file);
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                return size;
            }
            try (FileChannel channel = FileChannel.open(file)) {
                ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                if (size < 4 || channel.read(trailer, size - 4) < 4) {
                    return size;
                }
                long unpacked = Integer.toUnsignedLong(trailer.getInt(0));
                return unpacked >= size ? unpacked : Long.MAX_VALUE;
            }
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Whether the archive beside the jar was made for this jar where it is and for this JDK, as {@code ARCHIVE.info}
     * says (one path a line). A JVM given an archive made for another place or another JDK starts without any
     * archive, not even the JDK's own: then Baton runs here.
     */
    static boolean madeFor(Path jar, Path javaHome) {
        try {
            List<String> lines = Files.readAllLines(jar.resolveSibling(ARCHIVE + ".info"));
            return lines.size() >= 2 && Files.isSameFile(jar, Path.of(lines.get(0).strip()))
                    && Files.isSameFile(javaHome, Path.of(lines.get(1).strip()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The jar this class was loaded from, or null when it runs from a folder of classes (tests, exec:exec). */
    private static Path jar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.getFileName().toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
