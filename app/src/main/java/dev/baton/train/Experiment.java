package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.util.CancelledException;
import dev.baton.util.Progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A training run: every chosen algorithm trained and evaluated, several at once on the available cores, each
 * reporting its own progress; cancelling stops them at their next fold. The result is the leaderboard.
 */
public final class Experiment {

    /** Hears about each algorithm's progress (from worker threads). */
    public interface Listener extends HyperparameterSearch.TrialListener {
        void progress(String algorithm, double fraction, String message);

        @Override
        default void trialFinished(String algorithm, HyperparameterSearch.Trial trial, int budget) {
        }

        void finished(String algorithm, ModelRun.TrainedModel model);

        void failed(String algorithm, Throwable error);

        Listener NONE = new Listener() {
            @Override
            public void progress(String algorithm, double fraction, String message) {
            }

            @Override
            public void finished(String algorithm, ModelRun.TrainedModel model) {
            }

            @Override
            public void failed(String algorithm, Throwable error) {
            }
        };
    }

    /**
     * The models, best first by the setup's metric (see {@link Ranking}), the baseline evaluated on the same rows,
     * the algorithms that failed with their reasons, and each algorithm's hyperparameter search (empty without one).
     */
    public record Leaderboard(TrainingSetup setup, List<ModelRun.TrainedModel> models, ModelResult baseline, Map<String, String> failures,
                              int rows, int droppedRows, List<HyperparameterSearch.Result> searches) {

        public Leaderboard {
            searches = searches == null ? List.of() : List.copyOf(searches);
        }

        /** The search that chose an algorithm's settings, or null. */
        public HyperparameterSearch.Result search(String algorithm) {
            return searches.stream().filter(s -> s.algorithm().equals(algorithm)).findFirst().orElse(null);
        }

        public ModelRun.TrainedModel get(String algorithm) {
            for (ModelRun.TrainedModel m : models) {
                if (m.result().algorithm().equals(algorithm)) {
                    return m;
                }
            }
            return null;
        }

        public List<ModelResult> results() {
            return models.stream().map(ModelRun.TrainedModel::result).toList();
        }
    }

    private Experiment() {
    }

    public static Leaderboard run(Dataset data, TrainingSetup setup, Listener listener, Progress progress) {
        return run(data, setup, listener, progress, () -> false);
    }

    /**
     * As {@link #run(Dataset, TrainingSetup, Listener, Progress)}; once {@code stopSearch} says so, hyperparameter
     * searches try no more configurations and go on with those that finished.
     */
    public static Leaderboard run(Dataset data, TrainingSetup setup, Listener listener, Progress progress, java.util.function.BooleanSupplier stopSearch) {
        setup.check();
        Frame frame = Frame.of(data, setup.target(), setup.task(), setup.features());
        frame.checkEncodedSize(Runtime.getRuntime().maxMemory());
        ModelResult baseline = Baseline.evaluate(frame, setup, EvaluationSplit.of(frame, setup));
        String description = "Baton: " + data.name() + (data.source() == null ? "" : " (SHA-256 " + data.source().fingerprint() + ")");
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), setup.algorithms().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "baton-train");
            t.setDaemon(true);
            return t;
        });
        // Configurations of every search share one pool the size of the machine.
        ExecutorService trialPool = setup.searches() ? Executors.newFixedThreadPool(dev.baton.util.Parallel.threads(), r -> {
            Thread t = new Thread(r, "baton-search");
            t.setDaemon(true);
            return t;
        }) : null;
        List<HyperparameterSearch.Result> searches = Collections.synchronizedList(new ArrayList<>());
        List<ModelRun.TrainedModel> models = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
        double[] fractions = new double[setup.algorithms().size()];
        AtomicInteger order = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < setup.algorithms().size(); i++) {
            int index = i;
            AlgorithmChoice choice = setup.algorithms().get(i);
            Progress own = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                    if (total > 0) {
                        fractions[index] = (double) done / total;
                        listener.progress(choice.id(), fractions[index], message);
                        double sum = 0;
                        for (double f : fractions) {
                            sum += f;
                        }
                        progress.update(Math.round(sum * 1000), fractions.length * 1000L, "Training");
                    }
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            futures.add(pool.submit(() -> {
                try {
                    ModelRun.TrainedModel model;
                    if (setup.searches()) {
                        SearchAndModel searched = search(frame, choice, setup, description, trialPool, own, stopSearch, listener);
                        searches.add(searched.result());
                        model = searched.model();
                    } else {
                        model = ModelRun.run(frame, choice, setup, description, own);
                    }
                    models.add(model);
                    order.incrementAndGet();
                    listener.finished(choice.id(), model);
                } catch (CancelledException e) {
                    throw e;
                } catch (RuntimeException | Error e) {
                    String reason = e instanceof dev.baton.util.UserException ? e.getMessage() : e.toString();
                    failures.put(choice.id(), reason);
                    listener.failed(choice.id(), e);
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException timeout) {
                        if (progress.isCancelled()) {
                            futures.forEach(x -> x.cancel(true));
                            pool.shutdownNow();
                            throw new CancelledException();
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException c) {
                throw c;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (trialPool != null) {
                trialPool.shutdownNow();
            }
        }
        progress.checkCancelled();
        List<ModelRun.TrainedModel> sorted = new ArrayList<>(models);
        sort(sorted, setup.metric());
        List<HyperparameterSearch.Result> searchesInOrder = new ArrayList<>(searches);
        searchesInOrder.sort(Comparator.comparing(r -> setup.algorithms().stream().map(AlgorithmChoice::id).toList().indexOf(r.algorithm())));
        return new Leaderboard(setup, List.copyOf(sorted), baseline, Map.copyOf(failures), frame.rows(), frame.droppedRows(),
                searchesInOrder);
    }

    /** A search's record and the model trained with the configuration it chose. */
    private record SearchAndModel(HyperparameterSearch.Result result, ModelRun.TrainedModel model) {
    }

    /**
     * Searches an algorithm's hyperparameters by cross-validation on the training rows, then trains the chosen
     * configuration on all of them and scores it once on the held-out rows, like any other model.
     */
    private static SearchAndModel search(Frame frame, AlgorithmChoice choice, TrainingSetup setup, String description, ExecutorService trialPool,
                                         Progress progress, java.util.function.BooleanSupplier stop, Listener listener) {
        Algorithms.Algorithm algorithm = ModelRun.algorithm(setup, choice);
        EvaluationSplit split = EvaluationSplit.of(frame, setup);
        int configurations = HyperparameterSearch.searched(algorithm).isEmpty() ? 1 : setup.search();
        double share = (double) configurations * setup.folds() / (configurations * setup.folds() + 2);
        HyperparameterSearch.Result result = HyperparameterSearch.run(frame, algorithm, choice, setup, split, description, trialPool,
                progress.slice(0, share), stop, listener);
        HyperparameterSearch.Trial chosen = result.chosenTrial();
        AlgorithmChoice picked = new AlgorithmChoice(choice.id(), chosen.parameters(), choice.standardize());
        ModelRun.TrainedModel model = ModelRun.finish(frame, algorithm, picked, setup, split, chosen.folds(), description,
                progress.slice(share, 1), 2);
        return new SearchAndModel(result, model);
    }

    /** Best first, as {@link Ranking#order} ranks their results. */
    public static void sort(List<ModelRun.TrainedModel> models, String metric) {
        models.sort(Comparator.comparing(ModelRun.TrainedModel::result, Ranking.order(metric)));
    }
}
