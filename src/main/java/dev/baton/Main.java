package dev.baton;

import dev.baton.cli.BatonCommand;

/**
 * Starts Baton: with no arguments the workbench window, otherwise a command (see {@code --help}).
 * A plain class, not a JavaFX Application, so the jar runs from the classpath and commands never load JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        dev.baton.data.TablesawInit.start();
        if (args.length == 0) {
            args = new String[]{"gui"};
        }
        int code = BatonCommand.execute(args);
        if (code != 0 || !BatonCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }
}
