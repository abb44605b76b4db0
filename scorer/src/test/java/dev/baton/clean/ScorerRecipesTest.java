package dev.baton.clean;

import dev.baton.util.UserException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the scorer alone (no workbench on the class path) makes of recipes. */
class ScorerRecipesTest {

    @Test
    void theScorerKnowsTheTwentyFourRowWiseStepsAndRefusesAWholeTableOneByName() {
        assertThat(Operations.names()).hasSize(24).contains("fill-missing", "derive-column", "split-column").doesNotContain("filter-rows");
        assertThat(Operations.rowWiseOnly()).isTrue();
        String json = "{\"format\":\"baton-recipe/1\",\"steps\":[{\"enabled\":true,\"operation\":{\"op\":\"change-case\",\"columns\":[\"Sex\"],"
                + "\"mode\":\"LOWER\"}},{\"enabled\":true,\"operation\":{\"op\":\"filter-rows\",\"condition\":\"year > 2008\",\"remove\":false}}]}";
        assertThatThrownBy(() -> RecipeFiles.fromJson(json, "recipe.json")).isInstanceOf(UserException.class)
                .hasMessageContaining("recipe.json, step 2: unknown operation 'filter-rows'").hasMessageContaining("row by row");
    }

    @Test
    void aRowWiseStepReadsAndWritesTheSameJson() {
        String json = "{\"format\":\"baton-recipe/1\",\"steps\":[{\"enabled\":true,\"operation\":{\"op\":\"merge-rare\",\"column\":\"island\","
                + "\"minCount\":10,\"kept\":[\"Biscoe\",\"Dream\"]}}]}";
        Recipe recipe = RecipeFiles.fromJson(json, "recipe.json");
        assertThat(recipe.steps().get(0).operation()).isEqualTo(new MergeRare("island", 10, null, null, java.util.List.of("Biscoe", "Dream")));
        assertThat(RecipeFiles.toJson(recipe)).contains("\"op\" : \"merge-rare\"");
    }
}
