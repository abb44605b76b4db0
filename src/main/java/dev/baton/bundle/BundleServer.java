package dev.baton.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bundle serve}: the bundle's scorer as a small HTTP JSON service on the JDK's built-in server, bound to
 * loopback unless told otherwise. {@code POST /predict} takes one record or a list; {@code GET /schema},
 * {@code /health} and {@code /metrics} describe it. Bad JSON and contract violations get 400 with the reason;
 * bodies over the limit get 413 and are not read.
 */
public final class BundleServer implements AutoCloseable {

    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    private static final int LATENCY_WINDOW = 10_000;

    private final Bundle bundle;
    private final Scorer scorer;
    private final HttpServer server;
    private final ExecutorService pool;
    private final int maxRequestBytes;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong predictions = new AtomicLong();
    private final long[] latencies = new long[LATENCY_WINDOW];
    private long latencyCount;

    private BundleServer(Bundle bundle, HttpServer server, ExecutorService pool, int maxRequestBytes) {
        this.bundle = bundle;
        this.scorer = bundle.scorer();
        this.server = server;
        this.pool = pool;
        this.maxRequestBytes = maxRequestBytes;
    }

    public static BundleServer start(Bundle bundle, String host, int port, int maxRequestBytes) throws IOException {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each response then waits
        // for the client's delayed ACK (about 40 ms). Read once, when the server classes first load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (java.net.BindException e) {
            throw new dev.baton.util.UserException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): choose another port with --port, or 0 for any free one.", e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "baton-serve");
            t.setDaemon(true);
            return t;
        });
        BundleServer s = new BundleServer(bundle, http, pool, maxRequestBytes);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/predict" -> {
                    if (!method.equals("POST")) {
                        error(exchange, 405, "Use POST /predict with a JSON record or a list of records.");
                        return;
                    }
                    predict(exchange);
                }
                case "/schema" -> get(exchange, method, bundle.entry(BundleFormat.CONTRACT));
                case "/health" -> {
                    ObjectNode h = Json.mapper().createObjectNode();
                    h.put("status", "ok").put("format", bundle.manifest().format()).put("algorithm", bundle.manifest().algorithm())
                            .put("target", bundle.manifest().target()).put("createdAt", bundle.manifest().createdAt());
                    get(exchange, method, Json.mapper().writeValueAsBytes(h));
                }
                case "/metrics" -> get(exchange, method, Json.mapper().writeValueAsBytes(metrics()));
                default -> error(exchange, 404, "There is no " + path + " here: use POST /predict, GET /schema, /health or /metrics.");
            }
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            // the exchange is closed; nothing more can be sent
        } finally {
            record(System.nanoTime() - start);
        }
    }

    private void get(HttpExchange exchange, String method, byte[] body) throws IOException {
        if (!method.equals("GET")) {
            error(exchange, 405, "Use GET here.");
            return;
        }
        send(exchange, 200, body);
    }

    private void predict(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxRequestBytes) {
                    error(exchange, 413, "The request is larger than " + maxRequestBytes + " bytes; send fewer records per request.");
                    return;
                }
            } catch (NumberFormatException e) {
                error(exchange, 400, "Content-Length '" + length + "' is not a number.");
                return;
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxRequestBytes + 1);
        }
        if (body.length > maxRequestBytes) {
            error(exchange, 413, "The request is larger than " + maxRequestBytes + " bytes; send fewer records per request.");
            return;
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            error(exchange, 400, "The body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return;
        }
        try {
            if (json != null && json.isObject()) {
                Scorer.Output out = scorer.score(record(json));
                predictions.incrementAndGet();
                send(exchange, 200, Json.mapper().writeValueAsBytes(output(out)));
            } else if (json != null && json.isArray()) {
                List<Map<String, Object>> records = new ArrayList<>();
                for (JsonNode item : json) {
                    if (!item.isObject()) {
                        error(exchange, 400, "Every item of the list must be a JSON object (a record), not " + item.getNodeType().toString().toLowerCase() + ".");
                        return;
                    }
                    records.add(record(item));
                }
                Violations v = new Violations();
                List<Scorer.Output> outs = scorer.scoreRecords(records, v);
                predictions.addAndGet(v.scored());
                ObjectNode response = Json.mapper().createObjectNode();
                var list = response.putArray("predictions");
                outs.forEach(o -> list.add(Json.mapper().valueToTree(output(o))));
                response.set("summary", Json.mapper().valueToTree(summary(v)));
                send(exchange, 200, Json.mapper().writeValueAsBytes(response));
            } else {
                error(exchange, 400, "Send a JSON object (one record) or a list of objects.");
            }
        } catch (ContractException e) {
            error(exchange, 400, e.getMessage());
        }
    }

    private static Map<String, Object> record(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue() : v.isTextual() ? v.textValue() : v.toString());
        });
        return out;
    }

    static Map<String, Object> output(Scorer.Output o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o.rejected()) {
            out.put("error", o.error());
        } else if (o.value() != null) {
            out.put("value", o.value());
        } else {
            out.put("label", o.label());
            if (o.probabilities() != null) {
                out.put("probabilities", o.probabilities());
            }
        }
        return out;
    }

    static Map<String, Object> summary(Violations v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", v.rows());
        out.put("scored", v.scored());
        out.put("rejected", v.rejected());
        out.put("columns", v.columns());
        return out;
    }

    private void error(HttpExchange exchange, int status, String message) throws IOException {
        errors.incrementAndGet();
        ObjectNode e = Json.mapper().createObjectNode().put("error", message).put("status", status);
        send(exchange, status, Json.mapper().writeValueAsBytes(e));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized void record(long nanos) {
        latencies[(int) (latencyCount % LATENCY_WINDOW)] = nanos;
        latencyCount++;
    }

    private synchronized Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests.get());
        m.put("errors", errors.get());
        m.put("predictions", predictions.get());
        int n = (int) Math.min(latencyCount, LATENCY_WINDOW);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("window", n);
        if (n > 0) {
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            latency.put("meanMs", Arrays.stream(sorted).average().orElse(0) / 1e6);
            latency.put("p50Ms", sorted[n / 2] / 1e6);
            latency.put("p99Ms", sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
        }
        m.put("latency", latency);
        return m;
    }
}
