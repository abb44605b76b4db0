package dev.baton.cli;

import dev.baton.util.SourceDate;
import dev.baton.bundle.BatchScoring;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleExporter;
import dev.baton.bundle.BundleFormat;
import dev.baton.bundle.BundleServer;
import dev.baton.bundle.BundleVerifier;
import dev.baton.bundle.Contract;
import dev.baton.bundle.Violations;
import dev.baton.project.ProjectLoader;
import dev.baton.train.Metrics;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bundle export|inspect|verify|score|serve|drift|evaluate}: the model bundle, for the engineer who receives it. */
@Command(name = "bundle", description = "Export, inspect, verify, score with and serve a model bundle file (NAME.baton).",
        subcommands = {BundleCommand.Export.class, BundleCommand.Inspect.class, BundleCommand.Verify.class, BundleCommand.Score.class,
            BundleCommand.Serve.class, BundleCommand.Drift.class, BundleCommand.Evaluate.class})
final class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: export, inspect, verify, score, serve, drift or evaluate");
    }

    @Command(name = "export", description = "Write the bundle of a saved project's chosen model (checked against the project's predictions first).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PROJECT", description = "The project folder (NAME.baton-project).")
        Path project;

        @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Where to write the bundle (NAME.baton).")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ProjectLoader.Opened opened = ProjectLoader.open(project, Progress.NONE);
            opened.warnings().forEach(w -> err.println("baton: warning: " + w));
            if (opened.dataChange() != null) {
                // The model and its metrics come from the earlier file; its golden rows and parity check would come from this one.
                throw new UserException(opened.dataChange().refusal(
                        "Retrain on it first: baton run PROJECT --allow-changed-data --update."));
            }
            BundleExporter.Request request = opened.project().bundleRequest(SourceDate.now());
            if (request.model() == null) {
                throw new UserException("The project has no chosen, trained model to export: train one in Baton and save the project.");
            }
            BundleExporter.Report r = BundleExporter.export(request, out, Progress.NONE);
            err.printf("Wrote %s (%,d KB): %s, %d inputs, %d golden rows; the bundle reproduced the project's predictions on %,d held-out rows.%n",
                    r.file(), r.bytes() / 1024, request.model().result().label(), r.inputs().size(), r.examples(), r.parityRows());
            err.println(r.onnxSummary());
            err.flush();
            return 0;
        }
    }

    @Command(name = "inspect", description = "Summarise a bundle: task, target, inputs with types and allowed values, metrics, algorithm, versions.")
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Bundle b = Bundle.open(file);
            PrintWriter out = spec.commandLine().getOut();
            var m = b.manifest();
            out.printf("%s: %s%n", file, m.format());
            out.printf("  %s of %s with %s (%s)%n", m.task().label(), m.target(), m.algorithmLabel(), m.algorithm());
            if (b.contract().classes() != null) {
                out.printf("  classes: %s%n", String.join(", ", b.contract().classes()));
            }
            out.printf("  created %s with %s%n", m.createdAt(), m.createdWith());
            out.printf("  ONNX: %s%n", !m.onnx() ? "no (" + m.onnxNote() + ")"
                    : dev.baton.bundle.OnnxSupport.isPipeline(b.entry(dev.baton.bundle.BundleFormat.ONNX_IO))
                    ? "the whole pipeline, raw columns in (model/onnx-io.json)" : "the model alone, on prepared rows: " + onnxModelOnlyWhy(b));
            out.printf("  golden examples: %d (%s), tolerance %s%n", m.examples(), m.examplesFrom(), m.tolerance());
            out.printf("  record schema: %s%n", b.entryNames().contains(dev.baton.bundle.BundleFormat.RECORD_SCHEMA)
                    ? dev.baton.bundle.BundleFormat.RECORD_SCHEMA + " (JSON Schema of one input record)" : "none (exported before record schemas)");
            try {
                var ref = dev.baton.monitor.DriftCheck.reference(b);
                out.printf(Locale.ROOT, "  reference profile: %s, %,d rows (%s): bundle drift and bundle evaluate use it%n", ref.format(),
                        ref.rows(), ref.rowsFrom());
            } catch (dev.baton.bundle.BundleException e) {
                out.println("  reference profile: from before drift checks; export the bundle again to check drift");
            }
            out.println("inputs:");
            for (Contract.Input in : b.contract().inputs()) {
                String seen = in.categories() != null ? String.join(", ", in.categories().size() > 10 ? in.categories().subList(0, 10) : in.categories())
                        + (in.categories().size() > 10 ? ", ... (" + in.categories().size() + " values)" : "")
                        : in.minText() != null ? in.minText() + " to " + in.maxText()
                        : in.min() != null ? fmt(in.min()) + " to " + fmt(in.max()) : "any";
                out.printf("  %-28s %-12s %s%n", in.name(), in.type().label(), seen);
            }
            var metrics = dev.baton.util.Json.mapper().readTree(b.entry(BundleFormat.METRICS));
            out.println("metrics (held-out rows; cross-validation mean +/- sd):");
            for (String name : Metrics.names(m.task())) {
                var v = metrics.path("holdout").get(name);
                if (v != null) {
                    var cv = metrics.path("cv").get(name);
                    out.printf("  %-20s %.4f%s%n", Metrics.label(name), v.asDouble(),
                            cv == null ? "" : String.format(Locale.ROOT, "   (%.4f +/- %.4f)", cv.get("mean").asDouble(), cv.get("std").asDouble()));
                }
            }
            out.println("versions:");
            m.libraries().forEach((k, v) -> out.printf("  %-14s %s%n", k, v));
            out.flush();
            return 0;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** Why a bundle's graph is the model alone, from its onnx-io.json (bundles of earlier versions do not say). */
    static String onnxModelOnlyWhy(Bundle b) {
        try {
            String preparation = dev.baton.util.Json.mapper().readTree(b.entry(dev.baton.bundle.BundleFormat.ONNX_IO)).path("preparation").asText();
            int at = preparation.indexOf("(No graph of the whole pipeline: ");
            return at < 0 ? "apply the recipe and the preparation first (model/onnx-io.json says how)"
                    : preparation.substring(at + "(No graph of the whole pipeline: ".length(), preparation.length() - 2);
        } catch (java.io.IOException e) {
            return "see model/onnx-io.json";
        }
    }

    @Command(name = "verify", description = "Re-score the golden examples (Java scorer, and ONNX Runtime when there is a graph); exit 1 on any difference.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Override
        public Integer call() {
            Bundle b = Bundle.open(file);
            BundleVerifier.Result r = BundleVerifier.verify(b);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: checksums and format OK%n", file);
            report(out, "Java scorer", r.rows(), r.javaDifferences(), b.manifest().tolerance());
            if (r.onnxChecked()) {
                report(out, r.onnxWhat(), r.rows(), r.onnxDifferences(), r.onnxTolerance());
            } else {
                out.println("ONNX Runtime: not checked (" + (r.onnxNote() != null ? r.onnxNote() : "the bundle has no ONNX graph") + ")");
            }
            out.flush();
            return r.ok() ? 0 : 1;
        }

        /** How the tolerance applies (GoldenExamples.differences). */
        private static final String RELATIVE = " (times the value, for predicted values above 1)";

        private static void report(PrintWriter out, String what, int rows, java.util.List<String> diff, double tolerance) {
            if (diff.isEmpty()) {
                out.printf("%s: all %d golden rows match within %s%s%n", what, rows, tolerance, RELATIVE);
            } else {
                out.printf("%s: %d difference%s beyond %s%s:%n", what, diff.size(), diff.size() == 1 ? "" : "s", tolerance, RELATIVE);
                diff.forEach(d -> out.println("  " + d));
            }
        }
    }

    @Command(name = "score", description = "Score a CSV or JSON-lines file, streaming: one output row per input row; contract findings on stderr.")
    static final class Score implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Option(names = "--input", paramLabel = "FILE", description = "CSV with a header row, or JSON lines (.jsonl, .ndjson); - for stdin. "
                + "Or --db with a query.")
        String input;

        @CommandLine.Mixin
        QueryOptionsMixin queryOptions;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the predictions; - for stdout.")
        String output;

        @Option(names = "--format", description = "csv or jsonl (default: from the input's extension).")
        String format;

        @Option(names = "--max-rejected-share", paramLabel = "SHARE", defaultValue = "0", description = "The share of rows (0 to 1) "
                + "that may be rejected before the command fails with exit 1 (default: ${DEFAULT-VALUE}: any rejected row fails it). "
                + "The output is written either way, each rejected row with its reason.")
        double maxRejectedShare;

        @Override
        public Integer call() throws IOException {
            if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-rejected-share takes a share from 0 to 1, not " + maxRejectedShare);
            }
            QueryOptionsMixin.Query query = queryInput(spec, input, queryOptions);
            Bundle b = Bundle.open(file);
            boolean json = query == null && (format != null ? format.equalsIgnoreCase("jsonl") || format.equalsIgnoreCase("json")
                    : input.endsWith(".jsonl") || input.endsWith(".ndjson") || input.endsWith(".json"));
            Violations v = new Violations();
            Path target = output.equals("-") ? null : Path.of(output);
            Path temp = target == null ? null : dev.baton.util.AtomicFiles.tempFor(target);
            boolean written = false;
            try (InputStream in = query != null ? query.openCsv() : input.equals("-") ? System.in : Files.newInputStream(Path.of(input));
                 Writer out = temp == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                         : Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                if (json) {
                    BatchScoring.jsonLines(b.scorer(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), out, v,
                            Progress.NONE);
                } else {
                    BatchScoring.csv(b.scorer(), in, out, v, Progress.NONE);
                }
                out.flush();
                if (temp != null) {
                    Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                written = true;
            } finally {
                if (!written && temp != null) {
                    Files.deleteIfExists(temp); // whatever stopped it, an Error included: no half-written output, no temporary file
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println(v.describe());
            double share = v.rows() == 0 ? 0 : (double) v.rejected() / v.rows();
            if (v.rejected() > 0 && share > maxRejectedShare) {
                err.printf("baton: %,d of %,d rows (%.1f%%) were rejected, more than --max-rejected-share %s allows; their reasons are "
                        + "in the output.%n", v.rejected(), v.rows(), 100 * share, maxRejectedShare);
                err.flush();
                return 1;
            }
            err.flush();
            return 0;
        }
    }

    @Command(name = "serve", description = "Serve the bundle over HTTP: POST /predict, GET /schema, /record-schema, /health, /metrics (Prometheus text "
            + "format), and /drift with --drift-window.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
        String host;

        @Option(names = "--max-request-bytes", defaultValue = "1048576", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
        int maxRequestBytes;

        @Option(names = "--drift-window", paramLabel = "N", description = "Keep the last N scored records and answer GET /drift with "
                + "their drift against the bundle's reference profile (as bundle drift).")
        Integer driftWindow;

        @Option(names = "--threshold", paramLabel = "KEY=VALUE", description = "A drift threshold for /drift (repeatable; as bundle drift).")
        java.util.List<String> thresholds = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            dev.baton.monitor.DriftThresholds t = thresholds(spec, thresholds);
            if (driftWindow != null && (driftWindow < 1 || driftWindow > dev.baton.monitor.RecentDrift.MAX_WINDOW)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--drift-window takes 1 to "
                        + dev.baton.monitor.RecentDrift.MAX_WINDOW + " records, not " + driftWindow);
            }
            Bundle b = Bundle.open(file);
            BundleServer.Window window = driftWindow == null ? null : new dev.baton.monitor.RecentDrift(b, driftWindow, t);
            BundleServer server = BundleServer.start(b, host, port, maxRequestBytes, window);
            PrintWriter err = spec.commandLine().getErr();
            err.printf("Serving %s (%s of %s) on http://%s:%d/ : POST /predict, GET /schema, /record-schema, /health, /metrics%s. Ctrl+C stops.%n",
                    file.getFileName(), b.manifest().algorithmLabel(), b.manifest().target(), host, server.port(),
                    window == null ? "" : ", /drift (last " + driftWindow + " records)");
            err.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }

    @Command(name = "drift", description = "Compare new data with the bundle's reference profile (every input and the model's outputs); "
            + "exit 1 on drift, 0 otherwise (also when there are too few rows to tell).")
    static final class Drift implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Option(names = "--input", paramLabel = "FILE", description = "CSV with a header row, or JSON lines (.jsonl, .ndjson). Or --db with a query.")
        Path input;

        @CommandLine.Mixin
        QueryOptionsMixin queryOptions;

        @Option(names = "--json", description = "Print every figure as JSON instead of the summary table.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with each column's distributions.")
        Path html;

        @Option(names = "--threshold", paramLabel = "KEY=VALUE", description = "Set a threshold (repeatable): psi-watch, psi-drift, "
                + "wasserstein, jensen-shannon, missing-watch, missing-drift, unseen-watch, unseen-drift, min-rows, distance-rows, important, "
                + "column-share. Defaults: docs/decisions/0011.")
        java.util.List<String> thresholds = new java.util.ArrayList<>();

        @Override
        public Integer call() throws IOException {
            dev.baton.monitor.DriftThresholds t = thresholds(spec, thresholds);
            QueryOptionsMixin.Query query = queryInput(spec, input, queryOptions);
            dev.baton.monitor.DriftReport r;
            if (query != null) {
                Bundle b = Bundle.open(file);
                try (InputStream in = query.openCsv()) {
                    r = dev.baton.monitor.Monitoring.drift(b, in, false, query.name(), t, Progress.NONE);
                }
            } else {
                Bundle b = openWithInput(file, input);
                r = dev.baton.monitor.Monitoring.drift(b, input, t, Progress.NONE);
            }
            show(spec, r, json, html, dev.baton.monitor.MonitorPages.drift(r), MonitorText.drift(r));
            return r.exitCode();
        }
    }

    @Command(name = "evaluate", description = "Score newly labelled data (the target column holds the true outcome) and compare every metric, "
            + "with a 95% interval, with the bundle's held-out figures; exit 1 when the main metric dropped significantly.")
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE")
        Path file;

        @Option(names = "--input", paramLabel = "LABELLED", description = "CSV or JSON lines with the bundle's inputs and its target column. "
                + "Or --db with a query.")
        Path input;

        @CommandLine.Mixin
        QueryOptionsMixin queryOptions;

        @Option(names = "--by", paramLabel = "COLUMN", description = "Also give the metrics per group of this categorical column.")
        String by;

        @Option(names = "--json", description = "Print every figure as JSON instead of the summary.")
        boolean json;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page.")
        Path html;

        @Override
        public Integer call() throws IOException {
            QueryOptionsMixin.Query query = queryInput(spec, input, queryOptions);
            dev.baton.monitor.Evaluation.Report r;
            try {
                if (query != null) {
                    Bundle b = Bundle.open(file);
                    try (InputStream in = query.openCsv()) {
                        r = dev.baton.monitor.Monitoring.evaluate(b, in, false, query.name(), by, Progress.NONE);
                    }
                } else {
                    r = dev.baton.monitor.Monitoring.evaluate(openWithInput(file, input), input, by, Progress.NONE);
                }
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            show(spec, r, json, html, dev.baton.monitor.MonitorPages.evaluation(r), MonitorText.evaluation(r));
            return r.exitCode();
        }
    }

    /** The drift thresholds of {@code --threshold key=value} options; a bad one is a usage error (exit 2). */
    private static dev.baton.monitor.DriftThresholds thresholds(CommandLine.Model.CommandSpec spec, java.util.List<String> settings) {
        try {
            return dev.baton.monitor.DriftThresholds.parse(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
        }
    }

    /** The bundle, once the data file to check with it is known to exist. */
    /** The query when the command reads from a database (exactly one of --input and --db); null for --input. */
    private static QueryOptionsMixin.Query queryInput(CommandLine.Model.CommandSpec spec, Object input, QueryOptionsMixin queryOptions) {
        if (queryOptions.isSet()) {
            if (input != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give --input or --db with a query, not both.");
            }
            return queryOptions.request(spec, dev.baton.data.ImportOptions.detect());
        }
        if (input == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing the data: --input FILE, or --db URL with --query SQL.");
        }
        return null;
    }

    private static Bundle openWithInput(Path bundle, Path input) {
        if (!Files.isRegularFile(input)) {
            throw new UserException("There is no input file " + input + ".");
        }
        return Bundle.open(bundle);
    }

    /** A monitoring report: the page written when asked (whole or not at all), then JSON or the text summary printed. */
    private static void show(CommandLine.Model.CommandSpec spec, Object report, boolean json, Path html, String page, String text)
            throws IOException {
        if (html != null) {
            dev.baton.util.AtomicFiles.writeString(html, page);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? dev.baton.util.Json.mapper().writeValueAsString(report) + System.lineSeparator() : text);
        out.flush();
    }
}
