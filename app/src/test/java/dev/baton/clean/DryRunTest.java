package dev.baton.clean;

import dev.baton.testing.Tables;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DryRunTest {

    @Test
    void reportsMissingColumnsNewCategoriesAndChanges() {
        Recipe recipe = Recipe.of(List.of(
                RecipeStep.of(new MapValues("sex", Map.of("M", "male", "F", "female"), false)),
                RecipeStep.of(new DropColumns(List.of("comments"))),
                RecipeStep.of(new FillMissing(List.of("mass"), FillMissing.Method.CONSTANT, "0"))));
        Dataset other = Tables.csv("sex,mass\nM,1\nF,NA\nX,3\n");
        List<DryRun.StepReport> reports = DryRun.run(other, recipe, Progress.NONE);
        assertThat(reports.get(0).ok()).isTrue();
        assertThat(reports.get(0).newCategories()).containsExactly("X");
        assertThat(reports.get(0).change()).isEqualTo("2 cells in 2 rows changed");
        assertThat(reports.get(1).ok()).isFalse();
        assertThat(reports.get(1).missingColumns()).containsExactly("comments");
        assertThat(reports.get(1).problem()).isEqualTo("there is no column 'comments'");
        assertThat(reports.get(2).change()).isEqualTo("1 cell in 1 row changed");
    }
}
