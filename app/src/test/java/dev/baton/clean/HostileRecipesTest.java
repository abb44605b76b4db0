package dev.baton.clean;

import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import dev.baton.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recipes come from other people, inside bundles too. Whatever an expression's or a pattern's shape, parsing and
 * running it ends quickly with a result or a message: never a stack overflow, never minutes of matching.
 */
class HostileRecipesTest {

    private final Dataset data = Tables.csv("x,name\n1,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n2,b\n");

    /** Shapes of nesting, each as a function of its depth. */
    private static final List<IntFunction<String>> SHAPES = List.of(
            n -> "(".repeat(n) + "x" + ")".repeat(n),
            n -> "x" + " + x".repeat(n),
            n -> "x" + " * 1".repeat(n),
            n -> "not ".repeat(n) + "(x > 1)",
            n -> "-".repeat(n) + "x",
            n -> "- ".repeat(n) + "x",
            n -> "abs(".repeat(n) + "x" + ")".repeat(n),
            n -> "coalesce(".repeat(n) + "x" + ", 1)".repeat(n),
            n -> "x > 0" + " and x > 0".repeat(n),
            n -> "x > 0" + " or x > 0".repeat(n),
            n -> "name" + " + 'a'".repeat(n),
            n -> "((x + 1) * (".repeat(n) + "x" + "))".repeat(n));

    @Test
    void deepExpressionsOfEveryShapeAreRefusedWithAMessage() {
        SplittableRandom random = new SplittableRandom(1);
        for (IntFunction<String> shape : SHAPES) {
            for (int depth : new int[]{101, 150, 1_000, 5_000, 101 + random.nextInt(3_000)}) {
                String source = shape.apply(depth);
                assertThatThrownBy(() -> TableExpressions.compile(source, data)).as("depth %d of %s", depth, shape.apply(2))
                        .isInstanceOf(ExpressionException.class)
                        .hasMessageContaining(source.length() > 10_000 ? "characters long" : "levels deep");
            }
        }
    }

    @Test
    void expressionsWithinTheLimitsParseAndRun() {
        for (IntFunction<String> shape : SHAPES) {
            String source = shape.apply(40);
            Expression e = TableExpressions.compile(source, data);
            e.evaluate(0); // runs without overflowing the stack
        }
        assertThat(TableExpressions.compile("(".repeat(90) + "x + 1" + ")".repeat(90), data).evaluate(1)).isEqualTo(3.0);
    }

    @Test
    void aLongExpressionIsRefusedAndTheMessageQuotesOnlyAPartOfIt() {
        String source = "x + " + "1 + ".repeat(3_000) + "1";
        assertThatThrownBy(() -> TableExpressions.compile(source, data)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("at most 10,000 are allowed")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void derivingAndFilteringWithAHostileExpressionFailsTheStepNotTheProgram() {
        String deep = "(".repeat(2_000) + "x" + ")".repeat(2_000);
        StepResult derive = Replay.step(data, RecipeStep.of(new DeriveColumn("y", deep)), Replay.Mode.REFIT);
        assertThat(derive.failed()).isTrue();
        assertThat(derive.problem()).contains("levels deep");
        StepResult filter = Replay.step(data, RecipeStep.of(new FilterRows("not ".repeat(10_000) + "x > 1", false)), Replay.Mode.REFIT);
        assertThat(filter.failed()).isTrue();
    }

    /** Patterns known to take exponential time in a backtracking engine, each against texts that make them backtrack. */
    private static final List<String> CATASTROPHIC = List.of("(.*a){20}x", "(a+)+b", "(a|aa)*c", "(x+x+)+y", "^(\\w+\\s?)*$",
            "(a|a?)+b", "((a*)*)*b", "(.*){1,30}z", "^(([a-z])+.)+[A-Z]([a-z])+$");

    @Test
    void catastrophicPatternsRunInLinearTime() {
        List<String> texts = new ArrayList<>(List.of("a".repeat(41), "a".repeat(5_000) + "!", "x".repeat(200), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"));
        StringBuilder csv = new StringBuilder("name\n");
        texts.forEach(t -> csv.append(t).append('\n'));
        Dataset hostile = Tables.csv(csv.toString());
        long start = System.nanoTime();
        for (String pattern : CATASTROPHIC) {
            StepResult replace = Replay.step(hostile, RecipeStep.of(new ReplaceText("name", pattern, "-", true)), Replay.Mode.REFIT);
            assertThat(replace.failed()).as(pattern + ": " + replace.problem()).isFalse();
            StepResult extract = Replay.step(hostile, RecipeStep.of(new ExtractText("name", ExtractText.Mode.REGEX,
                    "(" + pattern + ")", 1, "out")), Replay.Mode.REFIT);
            assertThat(extract.failed()).as(pattern + ": " + extract.problem()).isFalse();
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds for all patterns").isLessThan(5);
    }

    @Test
    void patternsBeyondALinearEngineAreRefusedInWords() {
        for (String pattern : List.of("(?=a)a", "(?<=a)b", "(a)\\1", "(?!x)y")) {
            StepResult r = Replay.step(data, RecipeStep.of(new ReplaceText("name", pattern, "-", true)), Replay.Mode.REFIT);
            assertThat(r.failed()).as(pattern).isTrue();
            assertThat(r.problem()).as(pattern).contains("not a regular expression Baton can use", "look-ahead");
        }
        StepResult long_ = Replay.step(data, RecipeStep.of(new ReplaceText("name", "a".repeat(5_000), "-", true)), Replay.Mode.REFIT);
        assertThat(long_.problem()).contains("at most 1,000");
    }

    @Test
    void aRecipeNestedPastTheParsersLimitGetsAMessage() {
        String deep = "{\"format\":\"baton-recipe/1\",\"steps\":[" + "[".repeat(3_000) + "]".repeat(3_000) + "]}";
        assertThatThrownBy(() -> RecipeFiles.fromJson(deep, "deep.recipe.json")).isInstanceOf(UserException.class)
                .hasMessageStartingWith("deep.recipe.json is not a recipe Baton can read")
                .hasMessageContaining("nesting depth");
    }
}
