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
    /** JUL holds loggers weakly: a level set on a logger nobody references is lost at the next GC. */
    private static final java.util.List<Logger> KEPT = new java.util.ArrayList<>();

    private static void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        KEPT.add(logger);
    }

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
        level("org.tribuo", Level.SEVERE);
        // PDFBox warns each time openhtmltopdf sets up its unused built-in fonts; the report embeds its own.
        level("org.apache.pdfbox", Level.SEVERE);
        // JavaFX warns that it runs from the classpath, which is Baton's deliberate choice (see DESIGN.md).
        level("javafx", Level.SEVERE);
        level("javafx.css", Level.WARNING);
        level("javafx.scene.control", Level.WARNING);
    }
}
