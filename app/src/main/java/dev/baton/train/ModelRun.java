package dev.baton.train;

import dev.baton.util.Progress;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains and evaluates one algorithm. The held-out rows are set aside first; cross-validation runs on the other
 * rows only (each fold's preparation fitted on its training part), then one model is trained on all of them and
 * scored once on the held-out rows, as the final estimate. That model is the one kept (for the report, the bundle
 * and its golden examples).
 */
public final class ModelRun {

    private ModelRun() {
    }

    /** A trained model with what it needs at scoring time and what it scored on the held-out rows. */
    public record TrainedModel(ModelResult result, Model<?> model, Preparation preparation, Predictions holdout,
                               int[] trainRows, int[] testRows) {
    }

    public static TrainedModel run(Frame frame, AlgorithmChoice choice, TrainingSetup setup, String description, Progress progress) {
        Algorithms.Algorithm algorithm = algorithm(setup, choice);
        // The holdout is split off first; cross-validation only ever sees the rest.
        EvaluationSplit split = EvaluationSplit.of(frame, setup);
        int steps = setup.folds() + 2;
        List<Map<String, Double>> folds = crossValidate(frame, algorithm, choice, setup, split, description, progress.slice(0, (double) setup.folds() / steps));
        return finish(frame, algorithm, choice, setup, split, folds, description, progress, steps);
    }

    /** The algorithm of a choice, checked to be runnable here. */
    static Algorithms.Algorithm algorithm(TrainingSetup setup, AlgorithmChoice choice) {
        Algorithms.Algorithm algorithm = Algorithms.get(setup.task(), choice.id());
        if (!algorithm.available()) {
            throw new dev.baton.util.UserException(algorithm.label() + " cannot run here: " + algorithm.unavailableReason());
        }
        return algorithm;
    }

    /**
     * Each fold's scores: the choice trained on the other folds' rows (preparation fitted on them) and scored on the
     * fold. Never touches the held-out rows. Progress counts folds.
     */
    static List<Map<String, Double>> crossValidate(Frame frame, Algorithms.Algorithm algorithm, AlgorithmChoice choice, TrainingSetup setup,
                                                   EvaluationSplit split, String description, Progress progress) {
        boolean standardize = choice.standardize() != null ? choice.standardize() : algorithm.standardize();
        List<Map<String, Double>> folds = new ArrayList<>();
        for (int k = 0; k < split.folds().length; k++) {
            progress.checkCancelled();
            progress.update(k, split.folds().length, "Fold " + (k + 1) + " of " + split.folds().length);
            Fit fit = fit(frame, algorithm, choice, setup, standardize, split.foldTrain(k), description);
            Predictions p = predict(frame, fit, split.folds()[k]);
            folds.add(Metrics.scores(p, frame.classes == null ? 0 : frame.classes.size()));
        }
        progress.update(split.folds().length, split.folds().length, "Cross-validated");
        return folds;
    }

    /**
     * The model kept: trained on all the training rows, scored once on the held-out rows, with the given
     * cross-validation scores.
     */
    static TrainedModel finish(Frame frame, Algorithms.Algorithm algorithm, AlgorithmChoice choice, TrainingSetup setup, EvaluationSplit split,
                               List<Map<String, Double>> folds, String description, Progress progress, int steps) {
        boolean standardize = choice.standardize() != null ? choice.standardize() : algorithm.standardize();
        progress.checkCancelled();
        progress.update(steps - 2, steps, "Holdout");
        long start = System.nanoTime();
        Fit fit = fit(frame, algorithm, choice, setup, standardize, split.train(), description);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Predictions holdout = predict(frame, fit, split.holdout());
        int classes = frame.classes == null ? 0 : frame.classes.size();
        Map<String, Double> scores = Metrics.scores(holdout, classes);
        progress.checkCancelled();
        progress.update(steps - 1, steps, "Importance");
        Importances.Result importance = Importances.of(frame, fit.model(), fit.preparation(), holdout, setup.metric(), setup.seed());
        ModelResult result = new ModelResult(algorithm.id(), algorithm.label(), setup.task(), values(algorithm, choice), standardize, scores,
                folds.isEmpty() ? null : Metrics.spread(folds), folds.isEmpty() ? null : folds,
                frame.classes, classes == 0 ? null : Metrics.confusion(holdout, classes),
                classes == 0 ? null : Metrics.perClass(holdout, frame.classes), importance.values(), importance.method(),
                split.train().length, split.holdout().length, millis);
        progress.update(steps, steps, "Done");
        return new TrainedModel(result, fit.model(), fit.preparation(), holdout, split.train(), split.holdout());
    }

    /** Every parameter's value for a choice: the given ones, defaults for the rest, in the catalog's order. */
    static Map<String, Double> values(Algorithms.Algorithm algorithm, AlgorithmChoice choice) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Parameter p : algorithm.parameters()) {
            parameters.put(p.name(), p.value(choice.parameters(), algorithm.label()));
        }
        return parameters;
    }

    record Fit(Model<?> model, Preparation preparation, String[] names) {
    }

    static Fit fit(Frame frame, Algorithms.Algorithm algorithm, AlgorithmChoice choice, TrainingSetup setup, boolean standardize,
                   int[] train, String description) {
        Preparation preparation = frame.fitPreparation(train, standardize);
        String[] names = preparation.names();
        double[][] rows = frame.encode(preparation, train);
        Trainer<?> trainer = algorithm.trainer(choice.parameters(),
                new Algorithms.Context(setup.seed(), train.length, names.length, frame.classes == null ? 0 : frame.classes.size()));
        MutableDataset<?> data;
        if (frame.task == Task.CLASSIFICATION) {
            int[] labels = new int[train.length];
            for (int i = 0; i < train.length; i++) {
                labels[i] = frame.labels[train[i]];
            }
            data = TribuoBridge.classification(description, names, rows, labels, frame.classes);
        } else {
            double[] values = new double[train.length];
            TargetScale scale = preparation.target();
            for (int i = 0; i < train.length; i++) {
                values[i] = scale == null ? frame.values[train[i]] : scale.scale(frame.values[train[i]]);
            }
            data = TribuoBridge.regression(description, frame.target, names, rows, values);
        }
        return new Fit(TribuoBridge.train(trainer, data), preparation, names);
    }

    @SuppressWarnings("unchecked")
    static Predictions predict(Frame frame, Fit fit, int[] rows) {
        double[][] encoded = frame.encode(fit.preparation(), rows);
        if (frame.task == Task.CLASSIFICATION) {
            int[] actual = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                actual[i] = frame.labels[rows[i]];
            }
            return TribuoBridge.classify((Model<Label>) fit.model(), fit.names(), encoded, rows, actual, frame.classes);
        }
        double[] actual = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            actual[i] = frame.values[rows[i]];
        }
        return TribuoBridge.regress((Model<Regressor>) fit.model(), fit.preparation(), fit.names(), encoded, rows, actual);
    }
}
