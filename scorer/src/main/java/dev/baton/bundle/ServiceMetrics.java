package dev.baton.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.train.Task;
import dev.baton.util.Json;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What {@code bundle serve} has done, in the Prometheus text exposition format (version 0.0.4): requests by path and
 * status, a latency histogram per path, rows scored and rejected, contract findings by column and kind, and
 * predictions by class (or a histogram of predicted values). Counters only grow; they start at zero with the process.
 */
final class ServiceMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency bucket bounds in seconds: half a millisecond to ten seconds. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final java.util.List<String> PATHS = java.util.List.of("/predict", "/schema", "/health", "/metrics", "/drift");

    private final Bundle bundle;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final AtomicLong rowsScored = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final Map<String, AtomicLong> findings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> classes = new ConcurrentHashMap<>();
    private final Histogram values;

    ServiceMetrics(Bundle bundle) {
        this.bundle = bundle;
        Task task = bundle.contract().task();
        if (task == Task.CLASSIFICATION) {
            bundle.contract().classes().forEach(c -> classes.put(c, new AtomicLong()));
            values = null;
        } else {
            values = new Histogram(valueBuckets(bundle));
        }
    }

    /** Buckets of predicted values: the quantile edges of the held-out predictions from the reference profile, when it has them. */
    private static double[] valueBuckets(Bundle bundle) {
        try {
            JsonNode edges = Json.mapper().readTree(bundle.entry(BundleFormat.REFERENCE_PROFILE)).path("outputs").path("values").path("edges");
            double[] out = new double[edges.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = edges.get(i).asDouble();
            }
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return new double[0];
        }
    }

    /** The path as a label: one of the served paths, or "other" (so that random paths cannot make unbounded series). */
    static String pathLabel(String path) {
        return PATHS.contains(path) ? path : "other";
    }

    void request(String path, int status, long nanos) {
        String p = pathLabel(path);
        requests.computeIfAbsent(p + "\u0000" + status, k -> new AtomicLong()).incrementAndGet();
        latency.computeIfAbsent(p, k -> new Histogram(LATENCY_BUCKETS)).observe(nanos / 1e9);
    }

    void scored(java.util.List<Scorer.Output> outputs, Violations v) {
        for (Scorer.Output o : outputs) {
            if (o.rejected()) {
                rowsRejected.incrementAndGet();
                continue;
            }
            rowsScored.incrementAndGet();
            if (o.label() != null) {
                AtomicLong c = classes.get(o.label());
                if (c != null) {
                    c.incrementAndGet();
                }
            } else if (values != null && o.value() != null) {
                values.observe(o.value());
            }
        }
        v.columns().forEach((column, counts) -> {
            add(column, "missing", counts.missing);
            add(column, "unseen", counts.unseen);
            add(column, "out_of_range", counts.outOfRange);
            add(column, "wrong_type", counts.wrongType);
        });
    }

    private void add(String column, String kind, long n) {
        if (n > 0) {
            findings.computeIfAbsent(column + "\u0000" + kind, k -> new AtomicLong()).addAndGet(n);
        }
    }

    /** The exposition: families in a fixed order, series sorted by their labels. */
    String text() {
        StringBuilder b = new StringBuilder(4096);
        Manifest m = bundle.manifest();
        family(b, "baton_model_info", "gauge", "The bundle being served (always 1).");
        b.append("baton_model_info{algorithm=\"").append(escape(m.algorithm())).append("\",target=\"").append(escape(m.target()))
                .append("\",task=\"").append(m.task().name().toLowerCase(Locale.ROOT)).append("\",created_at=\"").append(escape(m.createdAt()))
                .append("\"} 1\n");
        family(b, "baton_requests_total", "counter", "HTTP requests answered, by path and status code.");
        new TreeMap<>(requests).forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            b.append("baton_requests_total{path=\"").append(escape(parts[0])).append("\",status=\"").append(parts[1]).append("\"} ")
                    .append(v.get()).append('\n');
        });
        family(b, "baton_request_duration_seconds", "histogram", "Time from a request's arrival to its answer, by path.");
        new TreeMap<>(latency).forEach((path, h) -> h.write(b, "baton_request_duration_seconds", "path=\"" + escape(path) + "\","));
        family(b, "baton_rows_scored_total", "counter", "Records scored (given a prediction).");
        b.append("baton_rows_scored_total ").append(rowsScored.get()).append('\n');
        family(b, "baton_rows_rejected_total", "counter", "Records rejected by the contract.");
        b.append("baton_rows_rejected_total ").append(rowsRejected.get()).append('\n');
        family(b, "baton_contract_findings_total", "counter", "What the contract found in the inputs, by column and kind "
                + "(missing, unseen, out_of_range, wrong_type).");
        new TreeMap<>(findings).forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            b.append("baton_contract_findings_total{column=\"").append(escape(parts[0])).append("\",kind=\"").append(parts[1]).append("\"} ")
                    .append(v.get()).append('\n');
        });
        if (values == null) {
            family(b, "baton_predictions_total", "counter", "Predictions by predicted class.");
            new TreeMap<>(classes).forEach((c, v) -> b.append("baton_predictions_total{class=\"").append(escape(c)).append("\"} ")
                    .append(v.get()).append('\n'));
        } else {
            family(b, "baton_predicted_value", "histogram", "Predicted values (buckets: the held-out predictions' deciles).");
            values.write(b, "baton_predicted_value", "");
        }
        return b.toString();
    }

    private static void family(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String escape(String s) {
        return String.valueOf(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A cumulative histogram with fixed upper bounds, safe to observe from many threads. */
    static final class Histogram {
        private final double[] bounds;
        private final AtomicLongArray counts;
        private final DoubleAdder sum = new DoubleAdder();
        private final AtomicLong count = new AtomicLong();

        Histogram(double[] bounds) {
            this.bounds = bounds.clone();
            this.counts = new AtomicLongArray(bounds.length);
        }

        void observe(double v) {
            for (int i = 0; i < bounds.length; i++) {
                if (v <= bounds[i]) {
                    counts.incrementAndGet(i);
                    break;
                }
            }
            sum.add(v);
            count.incrementAndGet();
        }

        void write(StringBuilder b, String name, String labels) {
            long running = 0;
            for (int i = 0; i < bounds.length; i++) {
                running += counts.get(i);
                b.append(name).append("_bucket{").append(labels).append("le=\"").append(number(bounds[i])).append("\"} ").append(running).append('\n');
            }
            long n = count.get();
            n = Math.max(n, running); // observations that landed in a bucket after the count was read
            b.append(name).append("_bucket{").append(labels).append("le=\"+Inf\"} ").append(n).append('\n');
            String plain = labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}";
            b.append(name).append("_sum").append(plain).append(' ').append(number(sum.sum())).append('\n');
            b.append(name).append("_count").append(plain).append(' ').append(n).append('\n');
        }
    }
}
