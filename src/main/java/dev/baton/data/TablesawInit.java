package dev.baton.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.concurrent.CompletableFuture;

/**
 * Tablesaw's column type classes initialise each other in a cycle: two threads touching them for the first
 * time at once deadlock (seen here: ColumnType and DoubleColumnType). So one thread initialises them, early,
 * and everything else waits for it.
 */
public final class TablesawInit {

    private static CompletableFuture<Void> done;

    private TablesawInit() {
    }

    /**
     * For Baton's own entry point only: starts the initialisation in the background, and skips Tablesaw's scan of
     * the class path. Table's static initialiser runs ClassGraph over the classpath to find and register Tablesaw's
     * file readers and writers: 0.55 s with Baton's 140 jars, competing for the cores with the import it should
     * overlap. Baton reads and writes files itself and never asks Tablesaw's registry for a reader, so for that
     * one scan the java.class.path property (where ClassGraph takes the classpath from) is empty. A process that
     * embeds Baton's code never gets this: library code leaves system properties alone.
     */
    public static void startInBatonsOwnProcess() {
        begin(true);
    }

    /** Starts the initialisation in the background if it has not started yet. */
    public static void start() {
        begin(false);
    }

    /** Waits until Tablesaw is initialised. */
    public static void await() {
        begin(false).join();
    }

    private static synchronized CompletableFuture<Void> begin(boolean hideClassPath) {
        if (done == null) {
            done = CompletableFuture.runAsync(() -> initialise(hideClassPath), runnable -> {
                Thread t = new Thread(runnable, "tablesaw-init");
                t.setDaemon(true);
                t.start();
            });
        }
        return done;
    }

    private static void initialise(boolean hideClassPath) {
        ColumnType.values();
        if (hideClassPath) {
            initTableWithoutScanning();
        }
        Table.create("init").addColumns(tech.tablesaw.api.DoubleColumn.create("x", 1.0),
                tech.tablesaw.api.StringColumn.create("s", "a"), tech.tablesaw.api.IntColumn.create("i", 1),
                tech.tablesaw.api.BooleanColumn.create("b", true), tech.tablesaw.api.DateColumn.create("d"),
                tech.tablesaw.api.DateTimeColumn.create("t"), tech.tablesaw.api.LongColumn.create("l"));
    }

    private static void initTableWithoutScanning() {
        String saved = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", "");
            Table.create("init");
        } finally {
            if (saved != null) {
                System.setProperty("java.class.path", saved);
            }
        }
    }
}
