package dev.baton.cli;

import dev.baton.bundle.BatchScoring;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleExporter;
import dev.baton.bundle.BundleServer;
import dev.baton.bundle.Scorer;
import dev.baton.bundle.Violations;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.project.Project;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-off benchmark on the 1M-row file: a logistic-regression bundle exported (with its parity check), then
 * batch scoring of all rows, single records in-process, and single-record requests to {@code bundle serve}.
 */
final class BundleBench {

    private BundleBench() {
    }

    static void run(BenchCommand bench, Dataset data, Path csv) throws IOException {
        Project project = new Project();
        project.setData(data);
        String target = "active";
        TrainingSetup setup = new TrainingSetup(target, Task.CLASSIFICATION, Features.included(Features.suggest(data, target)), 0.2, 0, 42,
                List.of(AlgorithmChoice.of("logistic-regression")), null);
        bench.out().println("  training logistic regression (not timed)");
        bench.out().flush();
        project.setLeaderboard(Experiment.run(data, setup, Experiment.Listener.NONE, Progress.NONE));
        Path file = csv.resolveSibling("bench.baton");
        bench.timeOnce("bundle: export with parity on 200k held-out rows (and ONNX check)", () -> {
            try {
                BundleExporter.export(project.bundleRequest(Instant.now()), file, Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Bundle bundle = Bundle.open(file);
        Scorer scorer = bundle.scorer();
        bench.time("bundle: Bundle.open(file).scorer(), warm", () -> Bundle.open(file).scorer());
        List<String> header = bundle.contract().inputNames();
        List<String[]> rows = texts(data, header);
        double batch = bench.time("bundle: batch scoring of 1M rows in process (contract, recipe, preparation, model)", () -> {
            for (int from = 0; from < rows.size(); from += BatchScoring.CHUNK_ROWS) {
                scorer.scoreRows(header, rows.subList(from, Math.min(rows.size(), from + BatchScoring.CHUNK_ROWS)), new Violations());
            }
        });
        bench.out().printf("  %,.0f rows/s%n", rows.size() / batch);
        double file1m = bench.timeOnce("bundle: `bundle score` path, CSV file in, CSV file out (1M rows)", () -> {
            try (var in = Files.newInputStream(csv);
                 Writer out = Files.newBufferedWriter(csv.resolveSibling("bench-scored.csv"), StandardCharsets.UTF_8)) {
                BatchScoring.csv(scorer, in, out, new Violations(), Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        bench.out().printf("  %,.0f rows/s%n", rows.size() / file1m);
        double drift = bench.time("bundle: drift of the 1M-row CSV against the reference profile, in process", () -> {
            try {
                dev.baton.monitor.Monitoring.drift(bundle, csv, dev.baton.monitor.DriftThresholds.DEFAULTS, Progress.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        bench.out().printf("  %,.0f rows/s%n", rows.size() / drift);
        FreshProcessBench.driftFigures(bench, file, csv);

        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String[] r = rows.get((i * 7919) % rows.size());
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), r[c]);
            }
            records.add(m);
        }
        for (int i = 0; i < 2; i++) {
            records.forEach(scorer::score); // warm-up
        }
        long[] nanos = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            long t = System.nanoTime();
            scorer.score(records.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        bench.out().printf("bundle: single record in process, %,d records: p50 %.0f us, p99 %.0f us, max %.0f us%n", nanos.length,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[nanos.length - 1] / 1e3);

        try (BundleServer server = BundleServer.start(bundle, "127.0.0.1", 0, BundleServer.DEFAULT_MAX_REQUEST_BYTES)) {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                // Explicit nulls: the shared mapper leaves null map values out, and every column must be present.
                var node = dev.baton.util.Json.mapper().createObjectNode();
                records.get(i).forEach((k, v) -> {
                    if (v == null) {
                        node.putNull(k);
                    } else {
                        node.put(k, v.toString());
                    }
                });
                bodies.add(node.toString());
            }
            for (int seconds : new int[]{3, 10}) {
                double rate = load(server.port(), bodies, 8, seconds);
                bench.out().printf("bundle: serve, 8 concurrent clients on loopback for %d s: %,.0f requests/s%s%n", seconds, rate,
                        seconds == 3 ? " (warm-up)" : "");
            }
        }
        bench.out().flush();
    }

    private static List<String[]> texts(Dataset data, List<String> header) {
        List<String[]> rows = new ArrayList<>(data.rowCount());
        var columns = header.stream().map(data::column).toList();
        for (int r = 0; r < data.rowCount(); r++) {
            String[] row = new String[header.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = TypeConversion.text(columns.get(c), r);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Requests per second from {@code clients} threads, each sending one record per request with keep-alive. */
    private static double load(int port, List<String> bodies, int clients, int seconds) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/predict");
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int t = 0; t < clients; t++) {
            int offset = t;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(
                                bodies.get(i++ % bodies.size()))).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            done.incrementAndGet();
                        } else if (failed.incrementAndGet() == 1) {
                            System.err.println("  first failure: HTTP " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println("  first failure: " + e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed.get() > 0) {
            System.err.println("  " + failed.get() + " requests failed");
        }
        return done.get() / (double) seconds;
    }
}
