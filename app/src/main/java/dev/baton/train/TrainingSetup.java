package dev.baton.train;

import java.util.List;

/**
 * Everything that decides a training run: what to predict, from which columns, how to validate, with what seed,
 * which algorithms, and the metric the leaderboard sorts by. Saved in the project; the same setup on the same
 * data gives the same results.
 *
 * @param holdout fraction of rows held out for the final test (0.05 to 0.5)
 * @param folds   cross-validation folds (0: none, else 2 to 20)
 * @param search  configurations a hyperparameter search tries per algorithm (0: no search, the given settings only)
 */
public record TrainingSetup(String target, Task task, List<String> features, double holdout, int folds, long seed,
                            List<AlgorithmChoice> algorithms, String metric,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT) int search) {

    /** Most configurations a search may try per algorithm. */
    public static final int MAX_SEARCH = 500;

    public TrainingSetup {
        features = List.copyOf(features);
        algorithms = List.copyOf(algorithms);
        if (metric == null) {
            metric = task == Task.CLASSIFICATION ? "accuracy" : "r2";
        }
    }

    /** A setup without a hyperparameter search. */
    public TrainingSetup(String target, Task task, List<String> features, double holdout, int folds, long seed,
                         List<AlgorithmChoice> algorithms, String metric) {
        this(target, task, features, holdout, folds, seed, algorithms, metric, 0);
    }

    /** Whether this setup searches hyperparameters (more than one configuration per algorithm). */
    public boolean searches() {
        return search >= 2;
    }

    public void check() {
        if (target == null || target.isBlank()) {
            throw new dev.baton.util.UserException("Choose the column to predict.");
        }
        if (holdout < 0.05 || holdout > 0.5) {
            throw new dev.baton.util.UserException("Hold out between 5% and 50% of the rows, not " + Math.round(holdout * 100) + "%.");
        }
        if (folds != 0 && (folds < 2 || folds > 20)) {
            throw new dev.baton.util.UserException("Cross-validation needs 2 to 20 folds (or 0 for none), not " + folds + ".");
        }
        if (algorithms.isEmpty()) {
            throw new dev.baton.util.UserException("Choose at least one algorithm.");
        }
        if (search < 0 || search == 1 || search > MAX_SEARCH) {
            throw new dev.baton.util.UserException("A search tries 2 to " + MAX_SEARCH + " configurations per algorithm (0 for none), not " + search + ".");
        }
        if (searches() && folds < 2) {
            throw new dev.baton.util.UserException("A hyperparameter search compares configurations by cross-validation, so that the "
                    + "held-out rows stay untouched: set 2 or more folds.");
        }
        if (!Metrics.names(task).contains(metric)) {
            throw new dev.baton.util.UserException("'" + metric + "' is not a " + task.label() + " metric; choose one of " + Metrics.names(task) + ".");
        }
    }

    public TrainingSetup withAlgorithms(List<AlgorithmChoice> choices) {
        return new TrainingSetup(target, task, features, holdout, folds, seed, choices, metric, search);
    }

    public TrainingSetup withSearch(int configurations) {
        return new TrainingSetup(target, task, features, holdout, folds, seed, algorithms, metric, configurations);
    }
}
