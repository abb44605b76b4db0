package dev.baton;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * For Baton's own process only (a program that embeds Baton's classes configures its logging itself): keeps
 * libraries quiet. Tribuo logs every training iteration through java.util.logging (which also doubles training
 * time), so only warnings pass, and they go to stderr, never stdout.
 */
final class ProcessLogging {

    private ProcessLogging() {
    }

    private static boolean done;
    /** JUL holds loggers weakly: a level set on a logger nobody references is lost at the next GC. */
    private static final java.util.List<Logger> KEPT = new java.util.ArrayList<>();

    private static void level(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        KEPT.add(logger);
    }

    /** Idempotent; called by {@link Main} before any command runs. */
    static synchronized void quiet() {
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
