package dev.baton.ui.task;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs tasks on daemon threads through {@link javafx.concurrent.Task}; handlers run on the FX thread. */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService executor;
    private final Consumer<Throwable> defaultFailure;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    public FxTaskRunner(Consumer<Throwable> defaultFailure) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "baton-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.defaultFailure = defaultFailure;
    }

    /** Visible tasks now running, for the status bar. Changed on the FX thread only. */
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public <T> TaskHandle start(Background<T> background) {
        FxTask<T> task = new FxTask<>(background);
        task.setOnSucceeded(e -> {
            finish(task);
            background.onSuccess.accept(task.getValue());
            background.onFinished.run();
        });
        task.setOnFailed(e -> {
            finish(task);
            Throwable error = task.getException();
            if (error instanceof CancelledException || task.cancelRequested) {
                background.onCancelled.run();
            } else {
                (background.onFailure != null ? background.onFailure : defaultFailure).accept(error);
            }
            background.onFinished.run();
        });
        task.setOnCancelled(e -> {
            finish(task);
            background.onCancelled.run();
            background.onFinished.run();
        });
        RunningTask shown = new RunningTask(background.title, task.progressProperty(), task.messageProperty(), task::requestCancel,
                System.nanoTime());
        task.shown = shown;
        if (background.visible) {
            runOnFx(() -> running.add(shown));
        }
        executor.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.requestCancel();
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    private void finish(FxTask<?> task) {
        running.remove(task.shown);
    }

    private static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private static final class FxTask<T> extends Task<T> {
        private final Background<T> background;
        private volatile boolean cancelRequested;
        RunningTask shown;

        FxTask(Background<T> background) {
            this.background = background;
            updateTitle(background.title);
            updateProgress(-1, 1);
        }

        void requestCancel() {
            cancelRequested = true;
            cancel(true);
        }

        @Override
        protected T call() throws Exception {
            Progress progress = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    if (total > 0) {
                        updateProgress(done, total);
                    }
                    if (message != null) {
                        updateMessage(message);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelRequested || FxTask.this.isCancelled();
                }
            };
            return background.work.run(progress);
        }

    }
}
