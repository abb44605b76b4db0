package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;


/** The pieces of training the benchmark times, on one dataset and setup. */
public final class TrainBenchmarks {

    private final Dataset data;
    private final TrainingSetup setup;
    private final Frame frame;
    private final int[] train;
    private Preparation preparation;
    private double[][] rows;
    private double accuracy = Double.NaN;

    public TrainBenchmarks(Dataset data, TrainingSetup setup) {
        this.data = data;
        this.setup = setup;
        this.frame = Frame.of(data, setup.target(), setup.task(), setup.features());
        this.train = java.util.stream.IntStream.range(0, frame.rows).toArray();
        prepare();
    }

    public int featureCount() {
        return preparation.names().length;
    }

    public void prepare() {
        int[][] split = Splits.holdout(frame, setup.holdout(), setup.seed());
        preparation = frame.fitPreparation(split[0], false);
        rows = frame.encode(preparation, train);
    }

    public void buildDataset() {
        int[] labels = frame.labels;
        TribuoBridge.classification("bench", preparation.names(), rows, labels, frame.classes);
    }

    public void buildDatasetNaively() {
        String[] names = preparation.names();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("bench", TribuoBridge.LABELS), TribuoBridge.LABELS);
        Label[] labels = frame.classes.stream().map(Label::new).toArray(Label[]::new);
        for (int i = 0; i < rows.length; i++) {
            d.add(new ArrayExample<>(labels[frame.labels[i]], names, rows[i]));
        }
    }

    public void trainAndEvaluate() {
        ModelRun.TrainedModel m = ModelRun.run(frame, setup.algorithms().get(0), setup, "bench", Progress.NONE);
        accuracy = m.result().holdout().get("accuracy");
    }

    public double lastAccuracy() {
        return accuracy;
    }

    /**
     * For comparing with another tool on the same rows: per row of the dataset, the cross-validation fold (0 to
     * k-1) it is tested in, -1 when it is held out, -2 when it has no target.
     */
    public static int[] assignment(Dataset data, TrainingSetup setup) {
        Frame frame = Frame.of(data, setup.target(), setup.task(), setup.features());
        EvaluationSplit split = EvaluationSplit.of(frame, setup);
        int[] out = new int[data.rowCount()];
        java.util.Arrays.fill(out, -2);
        for (int r : split.holdout()) {
            out[frame.sourceRow(r)] = -1;
        }
        for (int k = 0; k < split.folds().length; k++) {
            for (int r : split.folds()[k]) {
                out[frame.sourceRow(r)] = k;
            }
        }
        return out;
    }

    /** How the preparation encodes each feature: "numeric" (median and indicator) or "categorical" (one-hot). */
    public static java.util.Map<String, String> kinds(Dataset data, TrainingSetup setup) {
        Frame frame = Frame.of(data, setup.target(), setup.task(), setup.features());
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        frame.kinds.forEach((name, kind) -> out.put(name, kind == Frame.Kind.NUMERIC ? "numeric" : "categorical"));
        return out;
    }
}
