package dev.baton.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A background task being set up: {@code runner.background("Opening x", p -> read(x, p)).onSuccess(show).start()}.
 * Handlers run on the FX thread (on the calling thread with {@link DirectTaskRunner}).
 */
public final class Background<T> {

    private final TaskRunner runner;
    final String title;
    final Work<T> work;
    Consumer<? super T> onSuccess = result -> { };
    Consumer<Throwable> onFailure;
    Runnable onCancelled = () -> { };
    Runnable onFinished = () -> { };
    boolean visible = true;

    Background(TaskRunner runner, String title, Work<T> work) {
        this.runner = runner;
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public Background<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Without a failure handler, failures go to the runner's default (the error dialog). */
    public Background<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    public Background<T> onCancelled(Runnable handler) {
        this.onCancelled = handler;
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public Background<T> onFinished(Runnable handler) {
        this.onFinished = handler;
        return this;
    }

    /** Quick, frequent work (previews) that should not flash in the status bar. */
    public Background<T> quiet() {
        this.visible = false;
        return this;
    }

    public TaskHandle start() {
        return runner.start(this);
    }
}
