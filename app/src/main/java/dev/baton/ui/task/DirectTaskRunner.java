package dev.baton.ui.task;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;

import java.util.function.Consumer;

/** Runs each task at once on the calling thread: view models become testable without threads or a screen. */
public final class DirectTaskRunner implements TaskRunner {

    private final Consumer<Throwable> defaultFailure;

    public DirectTaskRunner() {
        this(e -> {
            throw new AssertionError("unhandled task failure", e);
        });
    }

    public DirectTaskRunner(Consumer<Throwable> defaultFailure) {
        this.defaultFailure = defaultFailure;
    }

    @Override
    public void later(Runnable action) {
        action.run();
    }

    @Override
    public <T> TaskHandle start(Background<T> task) {
        T result;
        try {
            result = task.work.run(Progress.NONE);
        } catch (CancelledException e) {
            task.onCancelled.run();
            task.onFinished.run();
            return TaskHandle.DONE;
        } catch (Exception e) {
            (task.onFailure != null ? task.onFailure : defaultFailure).accept(e);
            task.onFinished.run();
            return TaskHandle.DONE;
        }
        task.onSuccess.accept(result);
        task.onFinished.run();
        return TaskHandle.DONE;
    }
}
