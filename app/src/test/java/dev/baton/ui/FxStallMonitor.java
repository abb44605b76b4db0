package dev.baton.ui;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures how long the FX thread goes without a pulse: an animation timer notes the time between frames, and a
 * gap longer than a frame is time the window could not repaint or answer. Gaps while a modal dialog is open are
 * not counted (a dialog's nested event loop is the user's own wait).
 */
final class FxStallMonitor {

    /**
     * One long gap, with the step of the scenario it fell in, the FX thread's own CPU time during it (far less than
     * the gap: the thread was waiting for a core, not working) and where it was when sampled.
     */
    record Stall(String phase, long millis, long cpuMillis, int samples, int batonSamples, String where) {

        /** Whether the FX thread itself was busy for most of the gap (our code on the FX thread), not starved of a core. */
        boolean working() {
            return cpuMillis * 2 > millis;
        }

        /**
         * The FX thread's work in Baton's own code during the gap: its CPU time times the share of samples whose innermost
         * frame was Baton's. CPU time, not the gap: a thread that waited for a core with one sample in a getter did not
         * work in that getter for the whole gap (a 139 ms gap with 19 ms of CPU and its one sample in a field read did).
         */
        long batonMillis() {
            return samples == 0 ? 0 : Math.min(millis, cpuMillis) * batonSamples / samples;
        }
    }

    private final List<Stall> stalls = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String phase = "start";
    private long last;
    private long lastCpu;
    private boolean modalBefore;
    private volatile Thread fxThread;
    private volatile long lastPulse;
    private final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private Thread sampler;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean modal = modalShowing();
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            if (last != 0 && !modal && !modalBefore) {
                long gap = (t - last) / 1_000_000;
                if (gap > 50) {
                    String where = samples.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                            .limit(2).map(e -> e.getValue() + "x " + e.getKey()).reduce((a, b) -> a + " | " + b).orElse("");
                    int all = samples.values().stream().mapToInt(Integer::intValue).sum();
                    int baton = samples.entrySet().stream().filter(e -> e.getKey().startsWith("dev.baton."))
                            .mapToInt(java.util.Map.Entry::getValue).sum();
                    stalls.add(new Stall(phase, gap, (cpu - lastCpu) / 1_000_000, all, baton, where));
                }
            }
            samples.clear();
            modalBefore = modal;
            last = t;
            lastCpu = cpu;
            lastPulse = t;
        }
    };

    private static boolean modalShowing() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Stage s && s.getModality() != javafx.stage.Modality.NONE) {
                return true;
            }
        }
        return false;
    }

    /** Call on the FX thread. */
    void start() {
        last = 0;
        fxThread = Thread.currentThread();
        lastPulse = System.nanoTime();
        timer.start();
        // While a pulse is overdue, note where the FX thread is (the first frames of Baton's own code) every 20 ms.
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - lastPulse > 40_000_000L) {
                    samples.merge(where(fxThread.getStackTrace()), 1, Integer::sum);
                }
            }
        }, "fx-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Where the FX thread is: the innermost frame, then the frames of Baton and of JavaFX's scene graph that led there. */
    private static String where(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(stack[0].getClassName() + "." + stack[0].getMethodName() + ":" + stack[0].getLineNumber());
        int shown = 0;
        String last = "";
        for (int i = 1; i < stack.length && shown < 6; i++) {
            StackTraceElement e = stack[i];
            String c = e.getClassName();
            if (c.startsWith("dev.baton") || c.startsWith("javafx.scene.control") || c.startsWith("javafx.scene.Scene")
                    || c.startsWith("javafx.scene.Parent") || c.startsWith("javafx.scene.Node")) {
                String frame = c.replace("dev.baton.", "").replaceAll("^javafx\\.scene\\.", "fx.") + "." + e.getMethodName();
                if (!frame.equals(last)) {
                    out.append(" < ").append(frame);
                    last = frame;
                    shown++;
                }
            }
        }
        return out.toString();
    }

    void stop() {
        timer.stop();
        if (sampler != null) {
            sampler.interrupt();
        }
    }

    /** The longest gap in which the FX thread itself worked for most of the time. */
    long longestWorkingMillis() {
        return stalls().stream().filter(Stall::working).mapToLong(Stall::millis).max().orElse(0);
    }

    /**
     * Gaps in which the FX thread spent over {@code millis} in Baton's own code (samples with the innermost frame in
     * dev.baton), not in JavaFX's styling and layout, a garbage collection or a wait for a core: work that belongs
     * on a background thread.
     */
    List<Stall> batonWorkOver(long millis) {
        return stalls().stream().filter(st -> st.batonMillis() > millis).toList();
    }

    void phase(String name) {
        phase = name;
    }

    /** Call on the FX thread (or after stop). */
    List<Stall> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    long longestMillis() {
        return stalls().stream().mapToLong(Stall::millis).max().orElse(0);
    }
}
