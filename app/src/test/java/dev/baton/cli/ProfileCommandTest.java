package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.util.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileCommandTest {

    @Test
    void jsonUsesTheColumnNamesOfTheFile() throws Exception {
        Cli cli = Cli.run("profile", "sample-data/birdstrikes.csv", "--json");
        assertThat(cli.exit()).isZero();
        JsonNode root = Json.mapper().readTree(cli.out());
        assertThat(root.get("rows").asInt()).isEqualTo(10_000);
        JsonNode speed = null;
        for (JsonNode c : root.get("columns")) {
            if (c.get("name").asText().equals("Speed IAS in knots")) {
                speed = c;
            }
        }
        assertThat(speed).isNotNull();
        assertThat(speed.get("missing").asInt()).isEqualTo(2836);
        assertThat(speed.get("type").asText()).isEqualTo("integer");
    }

    @Test
    void theColumnsJsonMadeBesideTheCorrelationsIsTheDocumentMadeAfterThem() throws Exception {
        // --json builds the columns' JSON while the correlations run: it must be what the finished exploration gives.
        Cli cli = Cli.run("profile", "sample-data/penguins_raw.csv", "--json");
        assertThat(cli.exit()).isZero();
        dev.baton.data.Dataset d = dev.baton.data.DatasetReader.read(java.nio.file.Path.of("sample-data/penguins_raw.csv"),
                dev.baton.data.ImportOptions.detect(), dev.baton.util.Progress.NONE);
        dev.baton.explore.Exploration e = dev.baton.explore.Exploration.forAlerts(d,
                dev.baton.explore.AlertSettings.defaults(), dev.baton.util.Progress.NONE);
        assertThat(cli.out().strip()).isEqualTo(Json.mapper().writeValueAsString(ProfileCommand.toJson(d, e)).strip());
        JsonNode printed = Json.mapper().readTree(cli.out());
        assertThat(printed.get("columns")).hasSize(17);
        assertThat(printed.get("columns").get(0).get("name").asText()).isEqualTo("studyName");
    }

    @Test
    void badInputExitsOneWithTheMessageOnStderr() {
        Cli cli = Cli.run("profile", "no/such/file.csv");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains("File not found");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void typeOverrides() {
        Cli cli = Cli.run("profile", "sample-data/penguins.csv", "--type", "year=categorical", "--type", "species=integer");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).containsPattern("year\\s+categorical");
        assertThat(cli.out()).containsPattern("species\\s+integer\\s+344\\s+344");
    }

    @Test
    void unknownTypeIsAUsageError() {
        assertThat(Cli.run("profile", "sample-data/penguins.csv", "--type", "year=colour").exit()).isEqualTo(2);
    }

    @Test
    void plainIsAQuickLookAndFullAddsStatisticsAndAlerts() {
        Cli quick = Cli.run("profile", "sample-data/birdstrikes.csv");
        assertThat(quick.exit()).isZero();
        assertThat(quick.out()).contains("10,000 rows x").containsPattern("Speed IAS in knots\\s+integer\\s+2,836\\s+0")
                .contains("add --full").doesNotContainPattern("(?m)^alerts:");
        Cli full = Cli.run("profile", "sample-data/birdstrikes.csv", "--full");
        assertThat(full.exit()).isZero();
        // 2,836 of 10,000 speeds missing (the file's own count, also in the JSON test above) gives the alert.
        assertThat(full.out()).containsPattern("(?m)^alerts:").contains("Speed IAS in knots is missing in 2,836 rows (28.4%)")
                .containsPattern("Speed IAS in knots\\s+integer\\s+2,836\\s+0\\s+\\d+\\s+\\d");
    }
}
