package dev.baton.util;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps libraries quiet: Tribuo logs every training iteration through java.util.logging (which also
 * doubles training time), so only warnings pass, and they go to stderr, never stdout.
 */
public final class Logging {

    private Logging() {
    }

    private static boolean done;

    /** Idempotent; called where Tribuo may be used (training, scoring, the window), not on every start (it costs ~80 ms). */
    public static synchronized void quiet() {
        if (done) {
            return;
        }
        done = true;
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(Level.WARNING);
        root.addHandler(handler);
        Logger.getLogger("org.tribuo").setLevel(Level.SEVERE);
        // JavaFX warns that it runs from the classpath, which is Baton's deliberate choice (see DESIGN.md).
        Logger.getLogger("javafx").setLevel(Level.SEVERE);
        Logger.getLogger("javafx.css").setLevel(Level.WARNING);
        Logger.getLogger("javafx.scene.control").setLevel(Level.WARNING);
    }
}
