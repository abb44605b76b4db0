package dev.baton.cli;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench [SUITE...]}: the performance figures of docs/PERFORMANCE.md, measured in this JVM after a warm-up,
 * and for the profile command also as whole fresh processes. Generates the deterministic benchmark CSV on first use.
 */
@Command(name = "bench", description = "Measure Baton's speed on a generated 1M-row dataset (see docs/PERFORMANCE.md).")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SUITE", converter = SuiteConverter.class,
            description = "What to measure: ${COMPLETION-CANDIDATES} (default: all but train-vs-sklearn and database).")
    List<Suite> suites;

    @Option(names = "--python", description = "The Python with scikit-learn for train-vs-sklearn (default: /usr/bin/python3, Debian's).")
    String python;

    @Option(names = "--algorithms", split = ",", description = "train-vs-sklearn: only these algorithm ids (default: all it compares).")
    List<String> algorithms;

    @Option(names = "--rows", description = "Rows of the generated dataset (default: ${DEFAULT-VALUE}).", defaultValue = "1000000")
    int rows;

    @Option(names = "--runs", description = "Timed runs per measurement after warm-up (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int runs;

    @Option(names = "--file", description = "Where the generated CSV is kept (default: target/bench/bench-ROWS.csv).")
    Path file;

    @Option(names = "--db", paramLabel = "URL", description = "database: the PostgreSQL server, postgresql://USER@HOST:PORT/DATABASE "
            + "(the password from PGPASSWORD or ~/.pgpass).")
    String db;

    @Option(names = "--table", description = "database: the table to read whole (default: ${DEFAULT-VALUE}, as .ci/postgres.sh loads it).",
            defaultValue = "big")
    String table;

    enum Suite {
        IMPORT, CLEAN, EXPLORE, TRAIN, REPORT, BUNDLE, TRAIN_VS_SKLEARN, DATABASE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Suite names as the help prints them: lower case, with hyphens. */
    static final class SuiteConverter implements CommandLine.ITypeConverter<Suite> {
        @Override
        public Suite convert(String value) {
            for (Suite s : Suite.values()) {
                if (s.toString().equalsIgnoreCase(value) || s.name().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a suite; choose from " + Arrays.toString(Suite.values()));
        }
    }

    private PrintWriter out;
    private final Map<String, Double> results = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        List<Suite> chosen = suites == null || suites.isEmpty()
                ? Arrays.stream(Suite.values()).filter(s -> s != Suite.TRAIN_VS_SKLEARN && s != Suite.DATABASE).toList() : suites;
        if (chosen.equals(List.of(Suite.DATABASE))) {
            if (db == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "bench database needs --db postgresql://USER@HOST:PORT/DATABASE");
            }
            out.printf("%d cores; Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            DatabaseBench.run(this, db, table, pythonPath());
            out.flush();
            return 0;
        }
        if (chosen.equals(List.of(Suite.TRAIN_VS_SKLEARN))) {
            out.printf("%d cores; Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            trainVsSklearn();
            out.flush();
            return 0;
        }
        Path csv = BenchData.ensure(file != null ? file : Path.of("target", "bench", "bench-" + rows + ".csv"), rows);
        out.printf("Benchmark data: %s (%,d rows x 12 columns, %.1f MB); %d cores; Java %s%n", csv, rows,
                java.nio.file.Files.size(csv) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Dataset data = null;
        for (Suite suite : chosen) {
            switch (suite) {
                case IMPORT -> data = benchImport(csv);
                case CLEAN -> CleanBench.run(this, data != null ? data : DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE));
                case TRAIN -> TrainBench.run(this, data != null ? data : DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE));
                case BUNDLE -> BundleBench.run(this, data != null ? data : DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE), csv);
                case REPORT -> ReportBench.run(this, data != null ? data : DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE));
                case TRAIN_VS_SKLEARN -> trainVsSklearn();
                case DATABASE -> out.println("database: run it alone, with --db (bench database --db URL)");
                case EXPLORE -> {
                    Dataset d = data != null ? data : DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE);
                    time("explore: full profile (all columns, quantiles, histograms, duplicates)",
                            () -> dev.baton.explore.Profiler.profile(d, Progress.NONE));
                    time("explore: correlation matrix (Pearson, Spearman, Cramer's V, eta)",
                            () -> dev.baton.explore.Correlations.compute(d, Progress.NONE));
                    time("explore: profile, correlations and alerts together",
                            () -> dev.baton.explore.Exploration.of(d, dev.baton.explore.AlertSettings.defaults(), Progress.NONE));
                    FreshProcessBench.exploreFigures(this, csv);
                }
            }
        }
        out.flush();
        return 0;
    }

    private void trainVsSklearn() throws java.io.IOException, InterruptedException {
        TrainVsSklearn.run(this, Path.of("target", "bench"), pythonPath(), Path.of("bench", "train_vs_sklearn.py"), algorithms);
    }

    private String pythonPath() {
        return python != null ? python : java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    PrintWriter out() {
        return out;
    }

    private Dataset benchImport(Path csv) {
        Dataset[] last = new Dataset[1];
        time("import: Baton, with type inference", () -> last[0] = DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE));
        out.printf("  %,d rows x %d columns, %.0f MB in memory%n", last[0].rowCount(), last[0].columnCount(),
                last[0].memoryBytes() / 1e6);
        timeOnce("import: Tablesaw's default CsvReader (for comparison)", 
                () -> new tech.tablesaw.io.csv.CsvReader().read(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile()).build()));
        FreshProcessBench.importFigures(this, csv);
        return last[0];
    }

    /** Warms up twice, then reports the median and the fastest of the timed runs. */
    double time(String what, Runnable body) {
        body.run();
        body.run();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = seconds(body);
        }
        return report(what, seconds);
    }

    int runs() {
        return runs;
    }

    static double seconds(Runnable body) {
        long start = System.nanoTime();
        body.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Prints and keeps the median and the fastest of these timed runs. */
    double report(String what, double[] seconds) {
        seconds = seconds.clone();
        Arrays.sort(seconds);
        double median = seconds[seconds.length / 2];
        out.printf("%-66s median %7.3f s   min %7.3f s   (%d runs)%n", what, median, seconds[0], seconds.length);
        out.flush();
        results.put(what, median);
        return median;
    }

    double timeOnce(String what, Runnable body) {
        long start = System.nanoTime();
        body.run();
        double s = (System.nanoTime() - start) / 1e9;
        out.printf("%-66s once   %7.3f s%n", what, s);
        out.flush();
        results.put(what, s);
        return s;
    }

    Map<String, Double> results() {
        return new LinkedHashMap<>(results);
    }

    static List<String> names(List<Suite> suites) {
        List<String> out = new ArrayList<>();
        suites.forEach(s -> out.add(s.name().toLowerCase()));
        return out;
    }
}
