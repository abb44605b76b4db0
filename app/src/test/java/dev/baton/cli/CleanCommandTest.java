package dev.baton.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CleanCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheCleanedFile() throws Exception {
        Path out = dir.resolve("penguins.csv");
        Cli cli = Cli.run("clean", "sample-data/penguins_raw.csv", "--recipe", "sample-data/penguins.recipe.json", "--out", out.toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.err()).contains("344 rows x 8 columns");
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year");
        assertThat(Files.readAllLines(out).get(1)).isEqualTo("Adelie,Torgersen,39.1,18.7,181,3750,male,2007");
        assertThat(Files.readAllLines(out)).hasSize(345);
    }

    @Test
    void aStepThatCannotApplyNamesStepAndColumnAndWritesNothing() throws Exception {
        Path raw = dir.resolve("raw.csv");
        // penguins_raw without its Island column.
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("sample-data", "penguins_raw.csv"))) {
            sb.append(line.replaceFirst("^([^,]*,[^,]*,[^,]*,[^,]*),[^,]*,", "$1,")).append('\n');
        }
        Files.writeString(raw, sb);
        Path out = dir.resolve("out.csv");
        Cli cli = Cli.run("clean", raw.toString(), "--recipe", "sample-data/penguins.recipe.json", "--out", out.toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains("Step 3 (rename-column: Rename Island to island)").contains("no column 'Island'");
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("raw.csv");
    }

    @Test
    void dryRunListsEveryStep() {
        Cli cli = Cli.run("clean", "sample-data/penguins.csv", "--recipe", "sample-data/penguins.recipe.json", "--dry-run");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).contains(" 1. Extract the first word of Species").contains("CANNOT APPLY: there is no column 'Species'");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run("clean", "sample-data/penguins.csv").exit()).isEqualTo(2);
        assertThat(Cli.run("profile", "--no-such-option", "x.csv").exit()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void badRecipeFile() throws Exception {
        Path recipe = dir.resolve("r.json");
        Files.writeString(recipe, "{\"format\": \"baton-recipe/1\", \"steps\": [{\"enabled\": true, \"operation\": {\"op\": \"teleport\"}}]}");
        Cli cli = Cli.run("clean", "sample-data/penguins.csv", "--recipe", recipe.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).contains("step 1: unknown operation 'teleport'");
    }
}
