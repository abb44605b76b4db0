package dev.baton.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole fresh processes, as a user starts them: {@code java -jar baton.jar profile FILE [--json]} with the JVM's
 * default settings, beside pandas doing the same reading (and describing) when python3-pandas is installed.
 */
final class FreshProcessBench {

    private static final String READ = "import pandas as pd; pd.read_csv(r'%s')";
    private static final String READ_AND_DESCRIBE = "import pandas as pd; pd.read_csv(r'%s').describe(include='all')";

    private FreshProcessBench() {
    }

    /** Foundation's figure: the profile command against pandas.read_csv. */
    static void importFigures(BenchCommand bench, Path csv) {
        compare(bench, "import: fresh process `java -jar baton.jar profile FILE`", baton("profile", csv.toString()),
                "import: fresh process `pandas.read_csv(FILE)`", READ, csv);
    }

    /** Explore's figure: the full profile as JSON against pandas' read_csv and describe. */
    static void exploreFigures(BenchCommand bench, Path csv) {
        compare(bench, "explore: fresh process `java -jar baton.jar profile FILE --json`",
                baton("profile", csv.toString(), "--json"),
                "explore: fresh process pandas read_csv + describe(include='all')", READ_AND_DESCRIBE, csv);
    }

    /**
     * Times Baton and pandas in turns (one of each, warm-up and then every run), so that whatever else the machine
     * does at a moment (this benchmark's own JVM collecting garbage, say) weighs on both alike.
     */
    private static void compare(BenchCommand bench, String batonWhat, List<String> batonCommand,
                                String pandasWhat, String script, Path csv) {
        java.util.Optional<String> python = pythonWithPandas();
        sideBySide(bench, batonWhat, batonCommand, pandasWhat,
                python.map(p -> List.of(p, "-c", String.format(script, csv.toAbsolutePath()))).orElse(null));
    }

    /** Baton and a peer's command as fresh processes, in turns (one each, repeated), after one untimed run of each. */
    private static void sideBySide(BenchCommand bench, String batonWhat, List<String> batonCommand, String peerWhat,
                                   List<String> peerCommand) {
        System.gc();
        int runs = bench.runs();
        double[] baton = new double[runs];
        double[] peer = new double[runs];
        for (int i = -1; i < runs; i++) {
            double b = BenchCommand.seconds(() -> runOrFail(batonCommand));
            double p = peerCommand == null ? 0 : BenchCommand.seconds(() -> runOrFail(peerCommand));
            if (i >= 0) {
                baton[i] = b;
                peer[i] = p;
            }
        }
        bench.report(batonWhat, baton);
        if (peerCommand == null) {
            bench.out().printf("%-66s skipped: no python3 with pandas (apt install python3-pandas)%n", peerWhat);
        } else {
            bench.report(peerWhat, peer);
        }
    }

    /**
     * {@code bundle drift} beside bench/drift_psi.py (pandas and numpy: the inputs' PSI only, no scoring), both
     * as fresh processes on the same bundle and file.
     */
    static void driftFigures(BenchCommand bench, Path bundle, Path csv) {
        Path script = Path.of("bench", "drift_psi.py");
        List<String> peer = pythonWithPandas().filter(p -> Files.isRegularFile(script))
                .map(p -> List.of(p, script.toString(), bundle.toString(), csv.toString())).orElse(null);
        sideBySide(bench, "bundle: `bundle drift` of the 1M-row CSV, whole fresh process", baton("bundle", "drift", bundle.toString(),
                "--input", csv.toString()), "pandas + numpy: the inputs' PSI only (bench/drift_psi.py), whole fresh process", peer);
    }

    /** This Baton, started the way the README starts it, with no JVM options of the benchmark's own JVM. */
    private static List<String> baton(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(dev.baton.Main.class.getName());
        }
        command.addAll(List.of(args));
        return command;
    }

    /** The first python3 that has pandas: the one on the PATH may be a virtual environment without it. */
    private static java.util.Optional<String> pythonWithPandas() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                if (run(List.of(python, "-c", "import pandas")) == 0) {
                    return java.util.Optional.of(python);
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            }
        }
        return java.util.Optional.empty();
    }

    private static void runOrFail(List<String> command) {
        try {
            int code = run(command);
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs the command to its end, its output discarded; the exit code. */
    private static int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        }
    }
}
