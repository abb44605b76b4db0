package dev.baton.cli;

import dev.baton.data.Dataset;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.ClusterAnalysis;
import dev.baton.train.Features;
import dev.baton.train.Task;
import dev.baton.train.TrainBenchmarks;
import dev.baton.train.TrainingSetup;

import java.util.List;

/** The training benchmark: building the Tribuo dataset from 1M prepared rows, and logistic regression end to end. */
final class TrainBench {

    private TrainBench() {
    }

    static void run(BenchCommand bench, Dataset data) {
        String target = "active";
        List<String> features = Features.included(Features.suggest(data, target));
        TrainingSetup setup = new TrainingSetup(target, Task.CLASSIFICATION, features, 0.2, 0, 42,
                List.of(AlgorithmChoice.of("logistic-regression")), null);
        TrainBenchmarks b = new TrainBenchmarks(data, setup);
        bench.out().printf("  predicting %s from %d columns (%d features after one-hot encoding)%n", target, features.size(), b.featureCount());
        bench.time("train: prepared rows to a Tribuo dataset (1M rows, Baton's bulk path)", b::buildDataset);
        bench.timeOnce("train: the same with Tribuo's MutableDataset.add (for comparison)", b::buildDatasetNaively);
        bench.time("train: prepare features (fit on 80%, encode all rows)", b::prepare);
        bench.timeOnce("train: logistic regression (L-BFGS) on 800k rows, plus evaluation on 200k", b::trainAndEvaluate);
        bench.out().printf("  held-out accuracy %.4f%n", b.lastAccuracy());
        List<String> measures = data.columnNames().stream().filter(c -> data.type(c).isNumeric()).limit(4).toList();
        bench.timeOnce("train: k-means, 5 clusters over " + measures.size() + " numeric columns (fit on 100k sampled rows, assign all 1M)",
                () -> ClusterAnalysis.run(data, measures, 5, 42, dev.baton.util.Progress.NONE));
    }
}
