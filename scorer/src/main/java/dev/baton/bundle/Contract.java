package dev.baton.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.baton.data.ColumnType;
import dev.baton.train.Task;

import java.util.List;

/**
 * The bundle's input contract: every raw column the model needs, its type, what was seen in training, and
 * what the scorer does with a missing, unseen, out-of-range or wrongly typed value. Engineers read it to know
 * exactly what to send; the scorer enforces it.
 *
 * @param missingTokens texts that mean "missing" in input files, as when the training data was read
 * @param classes       for classification, the labels in the order of the probabilities
 */
@JsonPropertyOrder({"target", "task", "classes", "missingTokens", "inputs", "derived"})
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
public record Contract(String target, Task task, List<String> classes, List<String> missingTokens, List<Input> inputs,
                       List<Derived> derived) {

    public Contract {
        classes = classes == null ? null : List.copyOf(classes);
        missingTokens = missingTokens == null ? List.of("") : List.copyOf(missingTokens);
        inputs = List.copyOf(inputs);
        derived = derived == null ? List.of() : List.copyOf(derived);
    }

    public Contract(String target, Task task, List<String> classes, List<String> missingTokens, List<Input> inputs) {
        this(target, task, classes, missingTokens, inputs, List.of());
    }

    /**
     * A numeric feature the recipe makes from the inputs (a ratio, a year from a date), with the range it had in
     * training. After the recipe, a value outside it is a finding, handled by its policy: a weight of -5 lb is one
     * out-of-range input, but the power-to-weight ratio it makes is what leads the model astray.
     */
    @JsonPropertyOrder({"name", "min", "max", "outOfRange"})
    public record Derived(String name, double min, double max, OutOfRange outOfRange) {

        public Derived {
            outOfRange = outOfRange == null ? OutOfRange.SCORE : outOfRange;
        }
    }

    /** What happens to a missing value (a null, an empty cell or a missing token). */
    public enum Missing {
        IMPUTE("impute"), REJECT("reject");

        private final String id;

        Missing(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** What happens to a category the training data never had. */
    public enum Unseen {
        SCORE_AS_UNKNOWN("score-as-unknown"), REJECT("reject");

        private final String id;

        Unseen(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** What happens to a number or date outside the range seen in training. */
    public enum OutOfRange {
        SCORE("score"), CLIP("clip"), REJECT("reject");

        private final String id;

        OutOfRange(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** What happens to a value that is not of the column's type ("abc" for a number). */
    public enum WrongType {
        REJECT("reject"), MISSING("treat-as-missing");

        private final String id;

        WrongType(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /**
     * One raw input column.
     *
     * @param categories the values seen in training (categorical columns with at most {@link #MAX_CATEGORIES}); null otherwise
     * @param min        the smallest value seen in training (numbers; dates as ISO text in {@code minText})
     */
    @JsonPropertyOrder({"name", "type", "format", "required", "categories", "min", "max", "minText", "maxText", "missing", "unseen",
            "outOfRange", "wrongType"})
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Input(String name, ColumnType type, boolean required, List<String> categories, Double min, Double max,
                        String minText, String maxText, Missing missing, Unseen unseen, OutOfRange outOfRange, WrongType wrongType,
                        String format) {

        /** Without a date layout: ISO dates, or the layout that fits a batch (bundles written before layouts were kept). */
        public Input(String name, ColumnType type, boolean required, List<String> categories, Double min, Double max,
                     String minText, String maxText, Missing missing, Unseen unseen, OutOfRange outOfRange, WrongType wrongType) {
            this(name, type, required, categories, min, max, minText, maxText, missing, unseen, outOfRange, wrongType, null);
        }

        public Input {
            categories = categories == null ? null : List.copyOf(categories);
            missing = missing == null ? Missing.IMPUTE : missing;
            unseen = unseen == null ? Unseen.SCORE_AS_UNKNOWN : unseen;
            outOfRange = outOfRange == null ? OutOfRange.SCORE : outOfRange;
            wrongType = wrongType == null ? WrongType.REJECT : wrongType;
        }
    }

    public static final int MAX_CATEGORIES = 1000;

    public Input input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    public Derived derived(String name) {
        return derived.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }
}
