package dev.baton.train;

/**
 * How a training run divides a frame's rows: the held-out rows first (stratified for classification, seeded),
 * then k cross-validation folds drawn from the remaining rows only. Every model of a run, and the baseline, uses
 * the same split, so their scores compare fold by fold.
 *
 * @param train   the rows models are trained on (and cross-validated on), sorted
 * @param holdout the held-out rows, scored once per model as the final estimate, sorted
 * @param folds   the test rows of each fold, a partition of {@code train}; empty without cross-validation
 */
record EvaluationSplit(int[] train, int[] holdout, int[][] folds) {

    static EvaluationSplit of(Frame frame, TrainingSetup setup) {
        int[][] split = Splits.holdout(frame, setup.holdout(), setup.seed());
        int[][] folds = setup.folds() >= 2 ? Splits.folds(frame, split[0], setup.folds(), setup.seed()) : new int[0][];
        return new EvaluationSplit(split[0], split[1], folds);
    }

    /** The rows fold {@code k}'s model is trained on: the training rows outside that fold. */
    int[] foldTrain(int k) {
        return Splits.without(train, folds[k]);
    }
}
