package dev.baton.bundle;

import dev.baton.project.Project;

import java.time.Instant;

/** Export requests from test projects. */
final class Bundles {

    private Bundles() {
    }

    static BundleExporter.Request request(Project project, String algorithm) {
        return new BundleExporter.Request(project.name(), project.history().source(), project.dataset(), project.recipe(),
                project.trainingSetup(), project.leaderboard().get(algorithm), project.baseline(),
                new ModelCardFields("Sorting penguin field records by species.", "Three islands only.", "data-team@example.org"),
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** Trains every available algorithm of the task on the project's data (seed 7, 20% held out, no folds); returns the setup. */
    static dev.baton.train.TrainingSetup trainEveryAlgorithm(Project project, dev.baton.train.Task task, String target) {
        var algorithms = available(task);
        var setup = new dev.baton.train.TrainingSetup(target, task,
                dev.baton.train.Features.included(dev.baton.train.Features.suggest(project.dataset(), target)), 0.2, 0, 7,
                algorithms.stream().map(a -> dev.baton.train.AlgorithmChoice.of(a.id())).toList(), null);
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE,
                dev.baton.util.Progress.NONE));
        org.assertj.core.api.Assertions.assertThat(project.leaderboard().failures()).isEmpty();
        return setup;
    }

    /** The available algorithms of a task, in catalog order. */
    static java.util.List<dev.baton.train.Algorithms.Algorithm> available(dev.baton.train.Task task) {
        return dev.baton.train.Algorithms.forTask(task).stream().filter(dev.baton.train.Algorithms.Algorithm::available).toList();
    }
}
