package dev.baton.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.util.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bundle serve}: the bundle's scorer as a small HTTP JSON service, bound to loopback unless told otherwise.
 * {@code POST /predict} takes one record or a list; {@code GET /schema} (the contract), {@code /record-schema} (its JSON Schema
 * of one record) and {@code /health} describe it,
 * {@code /metrics} tells what it did in the Prometheus text format, and {@code /drift} (when a {@link Window} is given)
 * compares the last records scored with the training data. Bad JSON and contract violations get 400 with the reason; bodies over the limit get 413.
 *
 * <p>On Jetty: a connection costs a thread only while its request is being handled, so clients that connect and
 * stall (half a request line, headers never finished, a body that never comes) cannot take the threads the others
 * need; each connection is closed after {@link #IDLE_TIMEOUT_MS} of silence, reading or writing. Threads, open
 * connections and request sizes are bounded. The JDK's built-in server gave each connection a thread of a fixed
 * pool while it read the request: four stalled clients stopped it (docs/decisions/0005).
 */
public final class BundleServer implements AutoCloseable {

    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** A connection silent this long, while reading a request or writing a response, is closed. */
    public static final long IDLE_TIMEOUT_MS = 10_000;
    static final int MAX_CONNECTIONS = 2_000;
    static final int MAX_THREADS = 32;

    /** Records are read strictly: a key given twice is an error, not the last value silently winning. */
    private static final ObjectReader READER = Json.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Bundle bundle;
    private final Scorer scorer;
    private final Server server;
    private final ServerConnector connector;
    private final int maxRequestBytes;
    private final ServiceMetrics metrics;
    private final Window window;

    /**
     * Sees every batch of records the server scores, and answers {@code GET /drift} with a summary of the recent ones
     * (a drift check against the bundle's reference profile: see {@code dev.baton.monitor.RecentDrift}).
     */
    public interface Window {

        void scored(Scorer.Scored scored);

        /** What {@code GET /drift} answers, written as JSON. */
        Object summary();
    }

    private BundleServer(Bundle bundle, Server server, ServerConnector connector, int maxRequestBytes, Window window) {
        this.bundle = bundle;
        this.scorer = bundle.scorer();
        this.server = server;
        this.connector = connector;
        this.maxRequestBytes = maxRequestBytes;
        this.metrics = new ServiceMetrics(bundle);
        this.window = window;
    }

    public static BundleServer start(Bundle bundle, String host, int port, int maxRequestBytes) throws IOException {
        return start(bundle, host, port, maxRequestBytes, null);
    }

    /** A server that also hands what it scores to {@code window} and serves its summary at {@code GET /drift}. */
    public static BundleServer start(Bundle bundle, String host, int port, int maxRequestBytes, Window window) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("baton-serve");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setRequestHeaderSize(16 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
        BundleServer s = new BundleServer(bundle, server, connector, maxRequestBytes, window);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                s.handle(request, response, callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (java.net.BindException e) {
            stopQuietly(server);
            throw new dev.baton.util.UserException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): choose another port with --port, or 0 for any free one.", e);
        } catch (Exception e) {
            stopQuietly(server);
            if (e.getCause() instanceof java.net.BindException b) {
                throw new dev.baton.util.UserException("Cannot listen on " + host + ":" + port + " (" + b.getMessage()
                        + "): choose another port with --port, or 0 for any free one.", b);
            }
            throw new IOException("The server did not start: " + e.getMessage(), e);
        }
        return s;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // nothing was serving yet
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private void handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        Callback done = Callback.from(() -> {
            metrics.request(path, response.getStatus(), System.nanoTime() - start);
            callback.succeeded();
        }, failure -> {
            metrics.request(path, response.getStatus(), System.nanoTime() - start);
            callback.failed(failure);
        });
        try {
            String method = request.getMethod();
            switch (path) {
                case "/predict" -> {
                    if (!method.equals("POST")) {
                        error(response, done, 405, "Use POST /predict with a JSON record or a list of records.");
                    } else {
                        readAndPredict(request, response, done);
                    }
                }
                case "/schema" -> get(method, response, done, bundle.entry(BundleFormat.CONTRACT));
                case "/record-schema" -> {
                    byte[] schema = bundle.entry(BundleFormat.RECORD_SCHEMA);
                    if (schema == null) {
                        error(response, done, 404, "This bundle was exported before record schemas: GET /schema gives its contract.");
                    } else {
                        get(method, response, done, schema);
                    }
                }
                case "/health" -> {
                    ObjectNode h = Json.mapper().createObjectNode();
                    h.put("status", "ok").put("format", bundle.manifest().format()).put("algorithm", bundle.manifest().algorithm())
                            .put("target", bundle.manifest().target()).put("createdAt", bundle.manifest().createdAt());
                    get(method, response, done, Json.mapper().writeValueAsBytes(h));
                }
                case "/metrics" -> {
                    if (!method.equals("GET")) {
                        error(response, done, 405, "Use GET here.");
                    } else {
                        send(response, done, 200, ServiceMetrics.CONTENT_TYPE, metrics.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                case "/drift" -> {
                    if (window == null) {
                        error(response, done, 404, "Drift of recent records is off: start the server with --drift-window N.");
                    } else {
                        get(method, response, done, Json.mapper().writeValueAsBytes(window.summary()));
                    }
                }
                default -> error(response, done, 404, "There is no " + path + " here: use POST /predict, GET /schema, /record-schema, /health, /metrics"
                        + (window == null ? "" : " or /drift") + ".");
            }
        } catch (Exception | StackOverflowError e) {
            unexpected(response, done, e);
        }
    }

    private void get(String method, Response response, Callback done, byte[] body) {
        if (!method.equals("GET")) {
            error(response, done, 405, "Use GET here.");
        } else {
            send(response, done, 200, body);
        }
    }

    /** Reads the body without holding a thread while it arrives, then scores on a pool thread. */
    private void readAndPredict(Request request, Response response, Callback done) {
        long length = request.getLength();
        if (length > maxRequestBytes) {
            error(response, done, 413, tooLarge());
            return;
        }
        Content.Source.asByteArrayAsync(request, maxRequestBytes).whenComplete((body, failure) -> {
            if (failure != null) {
                String message = String.valueOf(failure.getMessage());
                if (message.contains("too large") || message.contains("max")) {
                    error(response, done, 413, tooLarge());
                } else {
                    done.failed(failure); // the client went away or stalled past the idle timeout
                }
                return;
            }
            server.getThreadPool().execute(() -> {
                try {
                    predict(body, response, done);
                } catch (Exception | StackOverflowError e) {
                    unexpected(response, done, e);
                }
            });
        });
    }

    private String tooLarge() {
        return "The request is larger than " + maxRequestBytes + " bytes; send fewer records per request.";
    }

    private void predict(byte[] body, Response response, Callback done) throws IOException {
        JsonNode json;
        try {
            json = READER.readTree(body);
        } catch (JsonProcessingException e) {
            error(response, done, 400, "The body is not valid JSON: " + e.getOriginalMessage() + Json.where(e));
            return;
        }
        try {
            if (json != null && json.isObject()) {
                Violations findings = new Violations();
                Scorer.Output out = score(List.of(record(json)), findings).get(0);
                if (out.rejected()) {
                    throw new ContractException(out.error());
                }
                Map<String, Object> answer = output(out);
                answer.put("findings", findings(findings));
                send(response, done, 200, Json.mapper().writeValueAsBytes(answer));
            } else if (json != null && json.isArray()) {
                List<Map<String, Object>> records = new ArrayList<>();
                for (JsonNode item : json) {
                    if (!item.isObject()) {
                        error(response, done, 400, "Every item of the list must be a JSON object (a record), not "
                                + item.getNodeType().toString().toLowerCase() + ".");
                        return;
                    }
                    records.add(record(item));
                }
                Violations v = new Violations();
                List<Scorer.Output> outs = score(records, v);
                ObjectNode answer = Json.mapper().createObjectNode();
                var list = answer.putArray("predictions");
                outs.forEach(o -> list.add(Json.mapper().valueToTree(output(o))));
                answer.set("summary", Json.mapper().valueToTree(summary(v)));
                send(response, done, 200, Json.mapper().writeValueAsBytes(answer));
            } else {
                error(response, done, 400, "Send a JSON object (one record) or a list of objects.");
            }
        } catch (BadRecord e) {
            error(response, done, 400, e.getMessage());
        } catch (ContractException e) {
            error(response, done, 400, e.getMessage());
        }
    }

    /** Scores records, counting them in the metrics and handing them to the drift window. */
    private List<Scorer.Output> score(List<Map<String, Object>> records, Violations v) {
        List<String> header = new ArrayList<>();
        Scorer.Scored scored = scorer.scoreTyped(header, scorer.rows(records, header), v);
        metrics.scored(scored.outputs(), v);
        if (window != null) {
            window.scored(scored);
        }
        return scored.outputs();
    }

    /** A record the contract cannot even look at: a number no double can hold. */
    private static final class BadRecord extends RuntimeException {
        BadRecord(String message) {
            super(message);
        }
    }

    /**
     * A JSON record as the scorer takes it: numbers as BigDecimal (read exactly; one beyond a double's range is
     * refused naming its column), booleans as Boolean, objects and lists as such (the contract's wrongType policy
     * decides), null as missing.
     */
    static Map<String, Object> record(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isNumber()) {
                BigDecimal d = v.decimalValue();
                if (Double.isInfinite(d.doubleValue())) {
                    throw new BadRecord(e.getKey() + ": " + abbreviate(v.asText()) + " is too large for a number.");
                }
                value = d;
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isTextual()) {
                value = v.textValue();
            } else if (v.isArray()) {
                value = List.of(v.toString());
            } else {
                value = Map.of("json", v.toString());
            }
            out.put(e.getKey(), value);
        });
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
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

    /** What the contract found in one record, column by column (only columns with a finding). */
    static Map<String, Violations.Counts> findings(Violations v) {
        return v.columns();
    }

    static Map<String, Object> summary(Violations v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", v.rows());
        out.put("scored", v.scored());
        out.put("rejected", v.rejected());
        out.put("columns", v.columns());
        return out;
    }

    private void error(Response response, Callback done, int status, String message) {
        try {
            ObjectNode e = Json.mapper().createObjectNode().put("error", message).put("status", status);
            send(response, done, status, Json.mapper().writeValueAsBytes(e));
        } catch (JsonProcessingException impossible) {
            done.failed(impossible);
        }
    }

    /** A defect: the client gets a 500 in words, the server goes on. */
    private void unexpected(Response response, Callback done, Throwable e) {
        error(response, done, 500, "The server could not answer this request (" + e.getClass().getSimpleName() + "); "
                + "the model is fine and other requests are answered.");
    }

    private static void send(Response response, Callback done, int status, byte[] body) {
        send(response, done, status, "application/json; charset=utf-8", body);
    }

    private static void send(Response response, Callback done, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), done);
    }
}
