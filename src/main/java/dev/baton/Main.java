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
        dev.baton.data.TablesawInit.start();
        if (args.length == 0) {
            args = new String[]{"gui"};
        }
        int code;
        try {
            code = BatonCommand.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("baton: not enough memory (the JVM may use at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB). Give it more, for example: java -Xmx8g -jar baton.jar ...");
            code = 1;
        }
        if (code != 0 || !BatonCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }
}
