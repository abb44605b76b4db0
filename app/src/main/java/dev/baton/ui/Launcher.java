package dev.baton.ui;

import javafx.application.Application;

import java.nio.file.Path;

/** Starts the JavaFX application; the only way in from outside the ui package. */
public final class Launcher {

    /** What to open at start, and whether to take a screenshot and quit (the CI smoke test). */
    public record Options(Path file, Path screenshot) {
    }

    private static volatile Options options = new Options(null, null);

    private Launcher() {
    }

    /** Blocks until the window is closed. */
    public static void launch(Options startOptions) {
        options = startOptions;
        Application.launch(BatonApp.class);
    }

    static Options options() {
        return options;
    }
}
