package dev.baton.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A task the status bar shows: its title, progress (-1 while unknown), latest message, a way to cancel it, and when
 * it started ({@link System#nanoTime()}), for an estimate of the time left.
 */
public record RunningTask(String title, ReadOnlyDoubleProperty progress, ReadOnlyStringProperty message, Runnable cancel, long startedNanos) {

    /**
     * The time left in words ("about 2 min left"), from the time taken so far and the progress, or "" while too early to
     * tell (under 3 s or 2% done, or progress unknown).
     */
    public static String timeLeft(double fraction, long elapsedNanos) {
        double elapsed = elapsedNanos / 1e9;
        if (fraction < 0.02 || fraction >= 1 || elapsed < 3) {
            return "";
        }
        double left = elapsed * (1 - fraction) / fraction;
        if (left < 10) {
            return "a few seconds left";
        }
        if (left < 90) {
            return "about " + Math.round(left / 5) * 5 + " s left";
        }
        if (left < 5400) {
            return "about " + Math.round(left / 60) + " min left";
        }
        return String.format(java.util.Locale.ROOT, "about %.1f h left", left / 3600);
    }
}
