package dev.baton.clean;

import dev.baton.testing.Tables;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** sample-data/penguins.recipe.json turns penguins_raw.csv into a table equal to penguins.csv, cell by cell. */
class PenguinsRecipeTest {

    @Test
    void theRecipeTidiesTheRawFileIntoPenguinsCsv() {
        Dataset raw = DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), ImportOptions.detect(), Progress.NONE);
        Dataset expected = DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE);
        Recipe recipe = RecipeFiles.read(Path.of("sample-data", "penguins.recipe.json"));

        Dataset cleaned = Replay.strict(raw, recipe, Progress.NONE);

        assertThat(cleaned.rowCount()).isEqualTo(344);
        Tables.assertSameTable(cleaned, expected);
        assertThat(recipe.rowWise().steps()).hasSize(recipe.steps().size());
    }

    @Test
    void inTheWorkbenchEveryStepApplies() {
        Dataset raw = DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), ImportOptions.detect(), Progress.NONE);
        Recipe recipe = RecipeFiles.read(Path.of("sample-data", "penguins.recipe.json"));
        var results = Replay.run(raw, recipe.steps(), Replay.Mode.REFIT, Progress.NONE);
        assertThat(results).allMatch(r -> r.status() == StepResult.Status.APPLIED);
        // Lower-casing Sex changes the 333 filled cells; the 11 missing ones stay missing.
        assertThat(results.get(7).change().cellsChanged()).isEqualTo(333);
        assertThat(results.get(1).change().cellsChanged()).isZero();
    }
}
