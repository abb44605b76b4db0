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
        dev.baton.data.TablesawInit.startInBatonsOwnProcess();
        if (args.length == 0) {
            args = new String[]{"gui"};
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
}
