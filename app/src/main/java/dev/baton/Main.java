package dev.baton;

import dev.baton.cli.BatonCommand;

/**
 * Starts Baton: with no arguments the workbench window, otherwise a command (see {@code --help}).
 * A plain class, not a JavaFX Application, so the jar runs from the classpath and commands never load JavaFX.
 * Everything runs in this one process: killing it stops Baton, with nothing left behind.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ProcessLogging.quiet();
        if (args.length == 0) {
            args = new String[]{"gui"};
        }
        dev.baton.data.TablesawInit.firstTable(Main::firstTableWithoutScanning);
        if (!BatonCommand.scorerOnly(args)) {
            // Started now so that it overlaps the command's own start; a scorer command never builds a table.
            dev.baton.data.TablesawInit.start();
        }
        int code;
        try {
            code = BatonCommand.execute(args);
        } catch (Throwable e) {
            // Errors (a stack overflow, memory) pass picocli's handler: one paragraph and exit 1 all the same.
            System.err.println(BatonCommand.unexpected(e));
            code = 1;
        }
        if (code != 0 || !BatonCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }

    /**
     * Tablesaw's Table scans the class path for its file readers when first loaded: 0.55 s with Baton's 140 jars,
     * competing for the cores with the import it should overlap. Baton reads and writes files itself and never asks
     * that registry for a reader, so for that one scan the java.class.path property (where ClassGraph takes the
     * class path from) is empty. Only here, in the process Baton owns; code that embeds Baton keeps the scan.
     */
    private static void firstTableWithoutScanning() {
        String saved = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", "");
            tech.tablesaw.api.Table.create("init");
        } finally {
            if (saved != null) {
                System.setProperty("java.class.path", saved);
            }
        }
    }
}
