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
    /** How the first {@code Table} is made, set by the entry point; null: the plain way. */
    private static Runnable firstTable;

    private TablesawInit() {
    }

    /**
     * For an application's entry point, before anything starts the initialisation: {@code howToMake} creates
     * Tablesaw's first {@code Table} (whose static initialiser scans the class path for Tablesaw's file readers;
     * Baton's own main hides the class path from that scan, a choice only the program that owns the process may make).
     */
    public static synchronized void firstTable(Runnable howToMake) {
        firstTable = howToMake;
    }

    /** Starts the initialisation in the background if it has not started yet. */
    public static void start() {
        begin();
    }

    /** Waits until Tablesaw is initialised. */
    public static void await() {
        begin().join();
    }

    private static synchronized CompletableFuture<Void> begin() {
        if (done == null) {
            Runnable first = firstTable;
            done = CompletableFuture.runAsync(() -> initialise(first), runnable -> {
                Thread t = new Thread(runnable, "tablesaw-init");
                t.setDaemon(true);
                t.start();
            });
        }
        return done;
    }

    private static void initialise(Runnable firstTable) {
        ColumnType.values();
        if (firstTable != null) {
            firstTable.run();
        }
        Table.create("init").addColumns(tech.tablesaw.api.DoubleColumn.create("x", 1.0),
                tech.tablesaw.api.StringColumn.create("s", "a"), tech.tablesaw.api.IntColumn.create("i", 1),
                tech.tablesaw.api.BooleanColumn.create("b", true), tech.tablesaw.api.DateColumn.create("d"),
                tech.tablesaw.api.DateTimeColumn.create("t"), tech.tablesaw.api.LongColumn.create("l"));
    }
}
