package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.util.CancelledException;
import dev.baton.util.Progress;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A hyperparameter search within a budget of configurations, not of time, so that the same seed gives the same
 * result on any machine. The first configuration is the user's own settings; the others are points of a Sobol
 * sequence, shifted by the seed, over the ranges the catalog declares ({@link Parameter.SearchRange}). Each is scored
 * by cross-validation on the training rows only; the held-out rows stay untouched. The best by CV mean is found, and
 * the simplest configuration that Nadeau and Bengio's corrected resampled t-test cannot tell apart from it
 * (p &ge; 0.05) is chosen.
 */
public final class HyperparameterSearch {

    /** Below this p-value a configuration is taken to be really worse than the best one. */
    public static final double ALPHA = 0.05;

    /** Hears about each configuration as it finishes (from worker threads). */
    public interface TrialListener {
        void trialFinished(String algorithm, Trial trial, int budget);
    }

    /**
     * One configuration tried: its number (1 is the user's settings), every parameter's value, the
     * cross-validation scores, how complex it is (0 simplest; see {@link #complexity}), and the cross-validation time.
     * A configuration that could not be trained has a failure and no scores.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trial(int number, Map<String, Double> parameters, Map<String, Metrics.Spread> cv, List<Map<String, Double>> folds,
                        double complexity, long millis, String failure) {

        /** The cross-validation mean of a metric, NaN when it failed or lacks it. */
        public double score(String metric) {
            Metrics.Spread s = cv == null ? null : cv.get(metric);
            return s == null ? Double.NaN : s.mean();
        }
    }

    /**
     * A finished search of one algorithm: what it varied, every configuration tried (by number), the best by CV
     * mean, and the one chosen with the p-value that let a simpler one stand in for the best. {@code stopped}: the
     * user ended the search before the budget was spent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String algorithm, String label, Task task, String metric, int budget, List<String> searched, List<Trial> trials,
                         int best, int chosen, Double pValue, boolean stopped) {

        @JsonIgnore
        public Trial bestTrial() {
            return trial(best);
        }

        @JsonIgnore
        public Trial chosenTrial() {
            return trial(chosen);
        }

        public Trial trial(int number) {
            return trials.stream().filter(t -> t.number() == number).findFirst().orElse(null);
        }

        /** Why the chosen configuration was chosen, in words. */
        @JsonIgnore
        public String reason() {
            Trial b = bestTrial();
            Trial c = chosenTrial();
            String tried = trials.size() + " configuration" + (trials.size() == 1 ? "" : "s") + (stopped ? " (stopped early; " + budget + " planned)" : "");
            if (best == chosen) {
                long tied = trials.stream().filter(t -> t.score(metric) == c.score(metric)).count();
                return tied > 1
                        ? String.format(Locale.ROOT, "#%d is the simplest of the %d configurations that share the best cross-validation %s (%s) "
                        + "of the %s tried", c.number(), tied, Metrics.label(metric), Metrics.format(metric, c.score(metric)), tried)
                        : String.format(Locale.ROOT, "#%d has the best cross-validation %s (%s) of the %s tried", c.number(), Metrics.label(metric),
                        Metrics.format(metric, c.score(metric)), tried);
            }
            return String.format(Locale.ROOT, "#%d is simpler than #%d, the best of the %s tried (%s %s against %s), and the corrected t-test "
                            + "cannot tell them apart (p = %.2f)", c.number(), b.number(), tried, Metrics.label(metric),
                    Metrics.format(metric, c.score(metric)), Metrics.format(metric, b.score(metric)), pValue);
        }
    }

    private HyperparameterSearch() {
    }

    /** The searched parameter of this name of an algorithm, or null. */
    public static Parameter parameter(String algorithm, Task task, String name) {
        return searched(Algorithms.get(task, algorithm)).stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The parameters of an algorithm that a search varies. */
    public static List<Parameter> searched(Algorithms.Algorithm algorithm) {
        return algorithm.parameters().stream().filter(p -> p.search() != null).toList();
    }

    /**
     * The configurations to try, at most {@code budget}: first the given settings (defaults for the rest), then
     * distinct points of the seeded Sobol sequence. Fewer when the space has fewer distinct points (or nothing to vary).
     */
    public static List<Map<String, Double>> configurations(Algorithms.Algorithm algorithm, Map<String, Double> given, int budget, long seed) {
        Map<String, Double> first = ModelRun.values(algorithm, new AlgorithmChoice(algorithm.id(), given, null));
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(first);
        List<Parameter> dims = searched(algorithm);
        if (dims.isEmpty()) {
            return out;
        }
        Set<Map<String, Double>> seen = new HashSet<>(out);
        // A random shift of the whole sequence (modulo 1) keeps its even spread and makes the seed matter.
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (algorithm.id().hashCode() + 1L)));
        double[] shift = new double[dims.size()];
        for (int d = 0; d < shift.length; d++) {
            shift[d] = random.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims.size());
        for (int attempt = 0; out.size() < budget && attempt < budget * 20; attempt++) {
            double[] point = sobol.nextVector();
            Map<String, Double> values = new LinkedHashMap<>(first);
            for (int d = 0; d < dims.size(); d++) {
                double u = point[d] + shift[d];
                values.put(dims.get(d).name(), value(dims.get(d), u - Math.floor(u)));
            }
            if (seen.add(values)) {
                out.add(values);
            }
        }
        return out;
    }

    /** The value at position u (0..1) of a parameter's searched range: whole numbers evenly, reals to 3 significant digits. */
    static double value(Parameter p, double u) {
        Parameter.SearchRange r = p.search();
        double v;
        if (r.log()) {
            double lo = Math.log(Math.max(r.low(), 1e-300));
            v = Math.exp(lo + u * (Math.log(r.high()) - lo));
        } else if (p.integer()) {
            v = r.low() + Math.floor(u * (r.high() - r.low() + 1));
        } else {
            v = r.low() + u * (r.high() - r.low());
        }
        v = p.integer() ? Math.rint(v) : new BigDecimal(v).round(new MathContext(3)).doubleValue();
        return Math.max(r.low(), Math.min(r.high(), v));
    }

    /**
     * How complex (or costly) a configuration is: for each searched parameter with a simpler end, how far along its
     * range from that end it lies (0 to 1, on the log scale where the range is), summed. Unlimited depth counts as 1.
     */
    public static double complexity(Algorithms.Algorithm algorithm, Map<String, Double> values) {
        double sum = 0;
        for (Parameter p : searched(algorithm)) {
            Parameter.SearchRange r = p.search();
            Double v = values.get(p.name());
            if (r.simpler() == Parameter.Simpler.NEITHER || v == null) {
                continue;
            }
            double position;
            if (r.zeroIsUnlimited() && v == 0) {
                position = 1;
            } else if (r.log()) {
                double lo = Math.log(Math.max(r.low(), 1e-300));
                position = (Math.log(Math.max(v, 1e-300)) - lo) / (Math.log(r.high()) - lo);
            } else {
                position = (v - r.low()) / (r.high() - r.low());
            }
            position = Math.max(0, Math.min(1, position));
            sum += r.simpler() == Parameter.Simpler.LOWER ? position : 1 - position;
        }
        return Math.round(sum * 1e9) / 1e9;
    }

    /** The best trial by CV mean (ties: simpler, then earlier) and the chosen one; null when every trial failed. */
    record Choice(Trial best, Trial chosen, Double pValue) {
    }

    static Choice choose(List<Trial> trials, String metric) {
        boolean higher = Metrics.higherIsBetter(metric);
        Comparator<Trial> byScore = Comparator.comparingDouble((Trial t) -> higher ? -t.score(metric) : t.score(metric));
        List<Trial> scored = trials.stream().filter(t -> !Double.isNaN(t.score(metric))).toList();
        if (scored.isEmpty()) {
            return null;
        }
        Trial best = scored.stream().min(byScore.thenComparingDouble(Trial::complexity).thenComparingInt(Trial::number)).orElseThrow();
        Trial chosen = best;
        Double p = null;
        for (Trial t : scored) {
            if (t == best || t.complexity() > chosen.complexity()) {
                continue;
            }
            Comparison c = Comparison.of("#" + best.number(), best.folds(), "#" + t.number(), t.folds(), metric);
            if (c == null || c.pValue() < ALPHA) {
                continue;
            }
            boolean simpler = t.complexity() < chosen.complexity();
            boolean sameButBetter = t.complexity() == chosen.complexity() && chosen != best
                    && (byScore.compare(t, chosen) < 0 || (byScore.compare(t, chosen) == 0 && t.number() < chosen.number()));
            if (simpler || sameButBetter) {
                chosen = t;
                p = c.pValue();
            }
        }
        return new Choice(best, chosen, p);
    }

    /**
     * Searches one algorithm: every configuration cross-validated on the training rows, on the pool's threads.
     * Cancelling throws; {@code stop} ends the search early, keeping the configurations that finished.
     */
    static Result run(Frame frame, Algorithms.Algorithm algorithm, AlgorithmChoice choice, TrainingSetup setup, EvaluationSplit split,
                      String description, ExecutorService pool, Progress progress, BooleanSupplier stop, TrialListener listener) {
        List<Map<String, Double>> configs = configurations(algorithm, choice.parameters(), setup.search(), setup.seed());
        int n = configs.size();
        double[] fractions = new double[n];
        // Configurations finished and the best cross-validation mean so far, for the progress message (under the lock of fractions).
        int[] finished = {0};
        double[] best = {Double.NaN};
        Trial[] trials = new Trial[n];
        Progress stopping = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled() || stop.getAsBoolean();
            }
        };
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                if (stopping.isCancelled()) {
                    return;
                }
                Progress own = new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        if (total > 0) {
                            synchronized (fractions) {
                                fractions[index] = (double) done / total;
                                double sum = 0;
                                for (double f : fractions) {
                                    sum += f;
                                }
                                progress.update(Math.round(sum * 1000), n * 1000L, status(finished[0], n, best[0], setup.metric()));
                            }
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return stopping.isCancelled();
                    }
                };
                AlgorithmChoice config = new AlgorithmChoice(algorithm.id(), configs.get(index), choice.standardize());
                double complexity = complexity(algorithm, configs.get(index));
                long start = System.nanoTime();
                Trial trial;
                try {
                    List<Map<String, Double>> folds = ModelRun.crossValidate(frame, algorithm, config, setup, split, description, own);
                    trial = new Trial(index + 1, configs.get(index), Metrics.spread(folds), folds, complexity,
                            (System.nanoTime() - start) / 1_000_000, null);
                } catch (CancelledException e) {
                    return;
                } catch (RuntimeException | OutOfMemoryError e) {
                    String reason = e instanceof dev.baton.util.UserException ? e.getMessage() : e.toString();
                    trial = new Trial(index + 1, configs.get(index), null, null, complexity, (System.nanoTime() - start) / 1_000_000, reason);
                }
                trials[index] = trial;
                synchronized (fractions) {
                    finished[0]++;
                    double score = trial.score(setup.metric());
                    if (!Double.isNaN(score) && (Double.isNaN(best[0]) || (Metrics.higherIsBetter(setup.metric()) ? score > best[0] : score < best[0]))) {
                        best[0] = score;
                    }
                    fractions[index] = 1;
                    double sum = 0;
                    for (double f : fractions) {
                        sum += f;
                    }
                    progress.update(Math.round(sum * 1000), n * 1000L, status(finished[0], n, best[0], setup.metric()));
                }
                listener.trialFinished(algorithm.id(), trial, n);
            }));
        }
        await(futures, progress);
        progress.checkCancelled();
        List<Trial> done = new ArrayList<>();
        for (Trial t : trials) {
            if (t != null) {
                done.add(t);
            }
        }
        Choice c = choose(done, setup.metric());
        if (c == null) {
            String why = done.stream().map(Trial::failure).filter(f -> f != null).findFirst().orElse(null);
            throw new dev.baton.util.UserException(why != null ? "Every configuration failed; the first: " + why
                    : "The search was stopped before any configuration finished.");
        }
        return new Result(algorithm.id(), algorithm.label(), setup.task(), setup.metric(), n, searched(algorithm).stream().map(Parameter::name).toList(),
                List.copyOf(done), c.best().number(), c.chosen().number(), c.pValue(), done.size() < n);
    }

    /** "3 of 20 configurations; best CV accuracy 0.9120". */
    static String status(int finished, int budget, double best, String metric) {
        return finished + " of " + budget + " configurations" + (Double.isNaN(best) ? "" : "; best CV " + Metrics.label(metric) + " "
                + Metrics.format(metric, best));
    }

    /** Waits for every configuration; on cancel, interrupts the running ones and throws. */
    private static void await(List<Future<?>> futures, Progress progress) {
        try {
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException timeout) {
                        if (progress.isCancelled()) {
                            futures.forEach(x -> x.cancel(true));
                            throw new CancelledException();
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new CancelledException();
        }
    }
}
