package dev.baton.ui.task;

/**
 * For previews and panels that follow a selection: starting a task cancels the one before, and only the
 * newest task's result is applied, even if an older one finishes later.
 */
public final class LatestWins {

    private TaskHandle current = TaskHandle.DONE;
    private long generation;

    public <T> void start(Background<T> task, java.util.function.Consumer<? super T> apply) {
        current.cancel();
        long mine = ++generation;
        current = task.onSuccess(result -> {
            if (mine == generation) {
                apply.accept(result);
            }
        }).start();
    }

    public void cancel() {
        current.cancel();
        generation++;
    }
}
