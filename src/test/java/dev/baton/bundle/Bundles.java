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
}
