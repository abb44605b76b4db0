package dev.baton.ui.task;

/** A started background task. */
public interface TaskHandle {

    /** Asks the task to stop; its success and failure handlers will not run. */
    void cancel();

    boolean isDone();

    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
