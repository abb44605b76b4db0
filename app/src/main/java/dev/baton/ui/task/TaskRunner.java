package dev.baton.ui.task;

/**
 * The one way the window runs work off the FX thread, with progress, cancel, and results delivered back on
 * the FX thread. {@link FxTaskRunner} in the app; {@link DirectTaskRunner}, its synchronous twin, in tests.
 */
public interface TaskRunner {

    default <T> Background<T> background(String title, Work<T> work) {
        return new Background<>(this, title, work);
    }

    <T> TaskHandle start(Background<T> task);

    /**
     * Runs {@code action} on the FX thread after the events being handled now (from any thread): the one crossing
     * for listeners that background work calls. The synchronous twin runs it at once.
     */
    void later(Runnable action);
}
