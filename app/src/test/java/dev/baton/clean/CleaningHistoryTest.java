package dev.baton.clean;

import dev.baton.testing.Tables;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CleaningHistoryTest {

    private final Dataset source = Tables.csv("a,b,c\n1,x,10\nNA,y,20\n3,y,NA\n");

    private void act(CleaningHistory h, List<RecipeStep> steps, String action) {
        h.push(h.compute(steps, action, Progress.NONE));
    }

    @Test
    void undoAndRedoMoveBetweenVersionsWithoutRecomputing() {
        CleaningHistory h = new CleaningHistory(source);
        act(h, h.withAdded(new FillMissing(List.of("a"), FillMissing.Method.MEDIAN, null)), "fill a");
        Dataset afterFill = h.current();
        act(h, h.withAdded(new RenameColumn("b", "bee")), "rename b");
        assertThat(h.current().columnNames()).containsExactly("a", "bee", "c");
        assertThat(h.current().table().intColumn("a").get(1)).isEqualTo(2);

        h.undo();
        assertThat(h.current()).isSameAs(afterFill);
        h.undo();
        assertThat(h.current()).isSameAs(source);
        assertThat(h.canUndo()).isFalse();
        h.redo();
        h.redo();
        assertThat(h.current().columnNames()).containsExactly("a", "bee", "c");
        assertThat(h.canRedo()).isFalse();

        h.undo();
        act(h, h.withAdded(new DropColumns(List.of("c"))), "drop c");
        assertThat(h.canRedo()).as("a new action drops the redo list").isFalse();
        assertThat(h.current().columnNames()).containsExactly("a", "b");
    }

    @Test
    void editingAStepInTheMiddleReplaysTheStepsAfterIt() {
        CleaningHistory h = new CleaningHistory(source);
        act(h, h.withAdded(new FilterRows("c > 5", false)), "filter");
        act(h, h.withAdded(new FillMissing(List.of("a"), FillMissing.Method.MEAN, null)), "fill");
        // Rows kept: (1, x, 10), (NA, y, 20): the mean of a is 1.
        assertThat(h.current().table().intColumn("a").asList()).containsExactly(1, 1);
        StepResult filter = h.results().get(0);

        act(h, h.withReplaced(0, new FilterRows("c > 15", false)), "edit filter");
        // Only (NA, y, 20) is left; the fill is refitted on it and has nothing to fill from.
        assertThat(h.results().get(1).failed()).isTrue();
        assertThat(h.results().get(1).problem()).contains("no filled values");

        h.undo();
        assertThat(h.results().get(0)).isSameAs(filter);
        act(h, h.withEnabled(0, false), "disable filter");
        assertThat(h.results().get(0).status()).isEqualTo(StepResult.Status.DISABLED);
        // Mean of 1 and 3 over all three rows; whole, so the column stays integer.
        assertThat(h.current().table().intColumn("a").asList()).containsExactly(1, 2, 3);
    }

    @Test
    void aStepThatNoLongerAppliesIsFlaggedNotSkippedSilently() {
        CleaningHistory h = new CleaningHistory(source);
        act(h, h.withAdded(new RenameColumn("b", "bee")), "rename");
        act(h, h.withAdded(new ChangeCase(List.of("bee"), ChangeCase.Case.UPPER)), "upper");
        act(h, h.withRemoved(0), "delete rename");
        StepResult upper = h.results().get(0);
        assertThat(upper.failed()).isTrue();
        assertThat(upper.problem()).isEqualTo("there is no column 'bee'");
        assertThat(h.current().columnNames()).containsExactly("a", "b", "c");
    }

    @Test
    void movingAStep() {
        CleaningHistory h = new CleaningHistory(source);
        act(h, h.withAdded(new DropColumns(List.of("c"))), "drop");
        act(h, h.withAdded(new RenameColumn("a", "z")), "rename");
        act(h, h.withMoved(1, 0), "move");
        assertThat(h.recipe().steps().get(0).operation()).isInstanceOf(RenameColumn.class);
        assertThat(h.current().columnNames()).containsExactly("z", "b");
        assertThat(h.undoAction()).isEqualTo("move");
    }

    @Test
    void theRecipeKeepsTheFittedValues() {
        CleaningHistory h = new CleaningHistory(source);
        act(h, h.withAdded(new FillMissing(List.of("c"), FillMissing.Method.MEDIAN, null)), "fill");
        FillMissing saved = (FillMissing) h.recipe().steps().get(0).operation();
        assertThat(saved.fitted()).containsEntry("c", 15.0);
        Recipe back = RecipeFiles.fromJson(RecipeFiles.toJson(h.recipe()), "test");
        assertThat(back).isEqualTo(h.recipe());
    }
}
