package dev.baton.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent pieces of one computation on all cores. The calling thread takes part,
 * so work also progresses when the pool is busy.
 */
public final class Parallel {

    private static final int THREADS = Integer.getInteger("baton.threads", Runtime.getRuntime().availableProcessors());

    /** Worker threads for data-parallel loops; daemons, so they never keep the application alive. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baton-parallel");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    public static int threads() {
        return THREADS;
    }

    public static ExecutorService pool() {
        return POOL;
    }

    /** Calls body(i) for i in [0, n), spread over the cores; rethrows the first failure. */
    public static void forEach(int n, IntConsumer body) {
        if (n <= 1 || THREADS == 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(THREADS, n); t++) {
            helpers.add(POOL.submit(worker));
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (Throwable e) {
            failure = e;
            next.set(n);
        }
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                helper.cancel(true);
                if (failure == null) {
                    failure = new CancelledException();
                }
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
