package dev.baton.util;

/**
 * How long-running core work reports progress and learns that it was cancelled.
 * The UI adapts it to its task runner; the CLI and tests use {@link #NONE}.
 */
public interface Progress {

    /** Reports that {@code done} of {@code total} units are complete (total &lt;= 0 means unknown). */
    void update(long done, long total, String message);

    /** True once the user asked to stop; work should then throw {@link CancelledException} soon. */
    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    default void message(String message) {
        update(-1, -1, message);
    }

    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }
    };

    /** A view of this progress that maps its 0..1 range onto [from, to] of the parent's range. */
    default Progress slice(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (total <= 0) {
                    parent.update(-1, -1, message);
                    return;
                }
                double fraction = from + (to - from) * Math.min(1.0, (double) done / total);
                parent.update(Math.round(fraction * 1_000_000), 1_000_000, message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
