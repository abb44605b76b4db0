package dev.baton.ui.task;

import dev.baton.util.Progress;

/** Background work: runs off the FX thread, reports through {@code progress}, returns its result. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
