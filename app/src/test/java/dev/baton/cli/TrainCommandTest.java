package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {

    @Test
    void jsonLeaderboardHasPlainMetricKeysWithCrossValidationSpread() throws Exception {
        Cli r = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "logistic-regression,cart",
                "--folds", "3", "--seed", "5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode models = json.get("models");
        assertThat(models).hasSize(2);
        for (JsonNode m : models) {
            assertThat(m.get("algorithm").asText()).isIn("logistic-regression", "cart");
            for (String key : new String[]{"accuracy", "balancedAccuracy", "macroF1", "weightedF1"}) {
                assertThat(m.get(key).asDouble()).as(key).isBetween(0.8, 1.0);
            }
            assertThat(m.get("cv").get("accuracy").get("mean").asDouble()).isBetween(0.8, 1.0);
            assertThat(m.get("cv").get("accuracy").get("std").asDouble()).isBetween(0.0, 0.2);
        }
        // Logistic regression has probabilities, so it has AUC and log loss; the tree does too (leaf frequencies).
        assertThat(models.get(0).get("auc")).isNotNull();
    }

    @Test
    void everyModelSaysWhichRowsCrossValidationAndTheHoldoutUsedAndTheBaselineIsThere() throws Exception {
        Cli r = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "cart", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode cart = json.get("models").get(0);
        // 344 penguins, 20 % held out per species (30 + 14 + 25 = 69), cross-validation on the other 275.
        assertThat(cart.get("holdoutRows").asInt()).isEqualTo(69);
        assertThat(cart.get("cvRows").asInt()).isEqualTo(275);
        assertThat(json.get("rankedBy").asText()).isEqualTo("cv");
        assertThat(json.get("ranking").asText()).isEqualTo("cross-validation mean \u00b1 sd of accuracy over 5 folds of 275 rows");
        JsonNode baseline = json.get("baseline");
        assertThat(baseline.get("label").asText()).isEqualTo("Baseline (most common class)");
        assertThat(baseline.get("holdout").get("accuracy").asDouble()).isEqualTo(30 / 69.0);
        assertThat(cart.get("beatsBaseline").asBoolean()).isTrue();

        Cli table = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "cart", "--folds", "0");
        assertThat(table.out()).contains("Ranked by accuracy on the 69 held-out rows (no cross-validation).", "Baseline (most common class)");
    }

    @Test
    void regressionMetricsAndTheSameSeedGivesTheSameNumbers() throws Exception {
        String[] args = {"train", "sample-data/auto-mpg.csv", "--target", "Miles_per_Gallon", "--algorithms", "linear-regression",
                "--folds", "0", "--seed", "3", "--json"};
        Cli a = Cli.run(args);
        Cli b = Cli.run(args);
        assertThat(a.exit()).as(a.err()).isZero();
        JsonNode m = Json.mapper().readTree(a.out()).get("models").get(0);
        assertThat(m.get("r2").asDouble()).isBetween(0.7, 0.9);
        assertThat(m.get("rmse").asDouble()).isBetween(2.0, 5.0);
        assertThat(m.get("mae").asDouble()).isPositive();
        assertThat(withoutTimes(a.out())).isEqualTo(withoutTimes(b.out()));
    }

    /** The models without their training times, which are the one thing allowed to differ. */
    private static JsonNode withoutTimes(String out) throws Exception {
        JsonNode models = Json.mapper().readTree(out).get("models");
        models.forEach(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("trainMillis"));
        return models;
    }

    @Test
    void badTargetAndUnknownAlgorithmAreNamed() {
        Cli noColumn = Cli.run("train", "sample-data/penguins.csv", "--target", "spieces");
        assertThat(noColumn.exit()).isEqualTo(1);
        assertThat(noColumn.err()).contains("spieces");
        Cli noAlgorithm = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "deep-forest");
        assertThat(noAlgorithm.exit()).isEqualTo(1);
        assertThat(noAlgorithm.err()).contains("deep-forest");
    }

    @Test
    void searchIsInTheJsonAndTheTableAndNeedsFolds() throws Exception {
        Cli r = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "knn,cart", "--search", "5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode search = json.get("search");
        assertThat(search.get("configurationsPerAlgorithm").asInt()).isEqualTo(5);
        assertThat(search.get("algorithms")).hasSize(2);
        for (JsonNode s : search.get("algorithms")) {
            assertThat(s.get("trials")).hasSize(5);
            // Configuration 1 is the catalog's defaults: k 5, or depth 8 with leaves of 5 rows.
            JsonNode first = s.get("trials").get(0).get("parameters");
            assertThat(first.has("k") ? first.get("k").asDouble() : first.get("maxDepth").asDouble()).isIn(5.0, 8.0);
            int chosen = s.get("chosen").asInt();
            JsonNode model = null;
            for (JsonNode m : json.get("models")) {
                if (m.get("algorithm").asText().equals(s.get("algorithm").asText())) {
                    model = m;
                }
            }
            assertThat(model.get("parameters")).isEqualTo(s.get("trials").get(chosen - 1).get("parameters"));
            assertThat(s.get("reason").asText()).startsWith("#" + chosen);
        }
        Cli table = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "knn", "--search", "4");
        assertThat(table.out()).contains("Search of k-nearest neighbours over k: chose k ");
        // Progress per configuration on stderr, so that stdout stays the leaderboard (or its JSON).
        assertThat(table.err()).contains("knn: 1 of 4 configurations done; #", "knn: 4 of 4 configurations done; #");
        assertThat(table.out()).doesNotContain("configurations done");

        // The project keeps every configuration tried, and loading it gives them back with the models.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("search-project");
        Cli saved = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "knn", "--search", "4",
                "--save-project", dir.resolve("p").toString());
        assertThat(saved.exit()).as(saved.err()).isZero();
        var loaded = dev.baton.project.ProjectLoader.load(dir.resolve("p.baton-project"), true, dev.baton.util.Progress.NONE);
        var state = dev.baton.project.ProjectStore.read(dir.resolve("p.baton-project")).training();
        assertThat(state.setup().search()).isEqualTo(4);
        assertThat(state.searches()).hasSize(1);
        assertThat(state.searches().get(0).trials()).hasSize(4);
        assertThat(loaded.models().searches()).isEqualTo(state.searches());
        assertThat(loaded.models().get("knn").result().parameters()).isEqualTo(state.searches().get(0).chosenTrial().parameters());
        // The report's modelling section says how the settings were searched and what was chosen.
        java.nio.file.Path html = dir.resolve("report.html");
        Cli report = Cli.run("report", dir.resolve("p.baton-project").toString(), "--html", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String text = java.nio.file.Files.readString(html);
        assertThat(text).contains("Hyperparameter search (cross-validation accuracy)", "up to 4 configurations per algorithm",
                "the held-out rows played no part in the search",
                "k " + (long) state.searches().get(0).chosenTrial().parameters().get("k").doubleValue());

        Cli noFolds = Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--search", "4", "--folds", "0");
        assertThat(noFolds.exit()).isEqualTo(1);
        assertThat(noFolds.err()).contains("set 2 or more folds").doesNotContain("Exception");
    }
}
