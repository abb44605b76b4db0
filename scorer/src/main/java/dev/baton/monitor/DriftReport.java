package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * What {@code bundle drift} found: a verdict for the data with the rule that gave it, and per input column and
 * model output every test with its statistic, threshold and verdict, and both distributions on the same bins.
 */
@JsonPropertyOrder({"bundle", "input", "verdict", "reason", "rule", "rows", "rowsScored", "rowsRejected", "referenceRows",
        "referenceFrom", "thresholds", "columns", "outputs"})
public record DriftReport(String bundle, String input, Verdict verdict, String reason, String rule, long rows, long rowsScored,
                          long rowsRejected, long referenceRows, String referenceFrom, DriftThresholds thresholds,
                          List<ColumnDrift> columns, List<ColumnDrift> outputs) {

    public enum Verdict {
        NO_DRIFT("no drift"), WATCH("watch"), DRIFT("drift"), NOT_ENOUGH_DATA("not enough data");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        static Verdict worst(Verdict a, Verdict b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /**
     * One input column or model output.
     *
     * @param importance its share of the model's importance (0 to 1), or null when unknown (outputs)
     * @param weighted   PSI times importance: the order in which drifted columns matter
     * @param bins       the reference's and the new data's shares on the same bins, missing values last
     * @param unseen     the most frequent values never seen in training, with their counts
     */
    @JsonPropertyOrder({"name", "kind", "verdict", "summary", "importance", "weighted", "referenceRows", "rows", "referenceMissing",
            "missing", "tests", "bins", "unseen", "referenceMean", "mean", "referenceStd", "std"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnDrift(String name, String kind, Verdict verdict, String summary, Double importance, Double weighted,
                              long referenceRows, long rows, double referenceMissing, double missing, List<Test> tests, List<Bin> bins,
                              List<ReferenceProfile.ValueCount> unseen, Double referenceMean, Double mean, Double referenceStd,
                              Double std) {
    }

    /**
     * One test on a column.
     *
     * @param why    why this test applies to this column
     * @param watch  the value from which it marks the column "watch" (null: none)
     * @param drift  the value from which it marks a drift (null: it can only mark "watch")
     * @param noise  the value sampling alone reaches one time in a thousand with these row counts; a statistic below it
     *               decides nothing (null: not estimated, because the statistic is below its threshold anyway)
     * @param verdict null when the test was not used for the verdict ({@code note} says why)
     */
    @JsonPropertyOrder({"test", "why", "value", "watch", "drift", "noise", "verdict", "note"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(String test, String why, double value, Double watch, Double drift, Double noise, Verdict verdict, String note) {
    }

    @JsonPropertyOrder({"label", "reference", "current", "referenceCount", "count"})
    public record Bin(String label, double reference, double current, long referenceCount, long count) {
    }

    /** 0 no drift (or not enough data to tell), 1 drift: a pipeline can gate on it. */
    public int exitCode() {
        return verdict == Verdict.DRIFT ? 1 : 0;
    }
}
