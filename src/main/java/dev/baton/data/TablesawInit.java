package dev.baton.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.concurrent.CompletableFuture;

/**
 * Tablesaw's column type classes initialise each other in a cycle: two threads touching them for the first
 * time at once deadlock (seen here: ColumnType and DoubleColumnType). So one thread initialises them, early
 * (it also scans the classpath, about 0.4 s in a fresh JVM), and everything else waits for it.
 */
public final class TablesawInit {

    private static final CompletableFuture<Void> DONE = CompletableFuture.runAsync(() -> {
        ColumnType.values();
        initTableScanningOnlyTablesaw();
        Table.create("init").addColumns(tech.tablesaw.api.DoubleColumn.create("x", 1.0),
                tech.tablesaw.api.StringColumn.create("s", "a"), tech.tablesaw.api.IntColumn.create("i", 1),
                tech.tablesaw.api.BooleanColumn.create("b", true), tech.tablesaw.api.DateColumn.create("d"),
                tech.tablesaw.api.DateTimeColumn.create("t"), tech.tablesaw.api.LongColumn.create("l"));
    }, runnable -> {
        Thread t = new Thread(runnable, "tablesaw-init");
        t.setDaemon(true);
        t.start();
    });

    private TablesawInit() {
    }

    /**
     * Table's static initialiser runs ClassGraph over the whole classpath to find Tablesaw's file readers:
     * 0.55 s with Baton's 160 jars, more than half of a fresh CLI run's budget. ClassGraph takes the classpath
     * from the java.class.path property, so for that one scan the property names only Tablesaw's own jar
     * (where its readers live); Baton reads files itself and needs no other reader. Measured: 0.57 s to 0.22 s.
     */
    private static void initTableScanningOnlyTablesaw() {
        String saved = System.getProperty("java.class.path");
        try {
            java.security.CodeSource source = Table.class.getProtectionDomain().getCodeSource();
            if (source != null && saved != null) {
                System.setProperty("java.class.path", new java.io.File(source.getLocation().toURI()).getPath());
            }
            Table.create("init");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            Table.create("init");
        } finally {
            if (saved != null) {
                System.setProperty("java.class.path", saved);
            }
        }
    }

    /** Starts the initialisation in the background if it has not started yet. */
    public static void start() {
        DONE.isDone();
    }

    /** Waits until Tablesaw is initialised. */
    public static void await() {
        DONE.join();
    }
}
