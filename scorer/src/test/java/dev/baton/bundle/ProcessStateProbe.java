package dev.baton.bundle;

import dev.baton.util.Progress;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Run in a fresh JVM by {@link ProcessStateTest}: takes a picture of the process's global state, opens and scores
 * a bundle as an embedding application would, takes another, and prints what differs (nothing, if all is well).
 */
public final class ProcessStateProbe {

    private ProcessStateProbe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> before = state();
        Bundle bundle = Bundle.open(Path.of(args[0]));
        Scorer scorer = bundle.scorer();
        String examples = bundle.text(BundleFormat.EXAMPLES_INPUT);
        StringWriter out = new StringWriter();
        BatchScoring.csv(scorer, new java.io.ByteArrayInputStream(examples.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, new Violations(), Progress.NONE);
        Scorer.Output one = scorer.score(Map.of("Island", "Biscoe", "Culmen Length (mm)", "45.1"));
        Map<String, String> after = state();
        List<String> changes = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(union(before, after))) {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                changes.add(key + ": " + before.get(key) + " -> " + after.get(key));
            }
        }
        System.out.println("scored " + (out.toString().split("\n").length - 1) + " rows and one record (" + one.label() + ")");
        System.out.println(changes.isEmpty() ? "state unchanged" : "state changed:\n" + String.join("\n", changes));
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** System properties, java.util.logging's configuration, default locale, time zone and exception handler. */
    static Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        // First: the JDK sets user.timezone itself the first time the default zone is asked for.
        state.put("default time zone", TimeZone.getDefault().getID());
        System.getProperties().forEach((k, v) -> state.put("property " + k, String.valueOf(v)));
        Logger root = Logger.getLogger("");
        state.put("root logger level", String.valueOf(root.getLevel()));
        List<String> handlers = new ArrayList<>();
        for (Handler h : root.getHandlers()) {
            handlers.add(h.getClass().getName() + "@" + System.identityHashCode(h) + " " + h.getLevel());
        }
        state.put("root logger handlers", handlers.toString());
        for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            if (logger != null && logger.getLevel() != null && !name.isEmpty()) {
                state.put("logger level " + name, logger.getLevel().getName());
            }
        }
        state.put("default locale", Locale.getDefault().toString());
        state.put("default charset", java.nio.charset.Charset.defaultCharset().name());
        state.put("default uncaught exception handler", String.valueOf(Thread.getDefaultUncaughtExceptionHandler()));
        state.put("stdout", String.valueOf(System.identityHashCode(System.out)));
        state.put("stderr", String.valueOf(System.identityHashCode(System.err)));
        return state;
    }
}
