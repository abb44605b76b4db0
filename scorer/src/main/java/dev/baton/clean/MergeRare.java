package dev.baton.clean;

import dev.baton.batch.Batch;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges categories seen fewer than a count (or a fraction of rows) into one label, "Other" by default.
 * The categories kept are fitted, so at scoring time any other value, even a new one, becomes the label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergeRare(String column, Integer minCount, Double minFraction, String label, List<String> kept) implements RowOperation {

    public MergeRare {
        kept = kept == null ? null : List.copyOf(kept);
    }

    public MergeRare(String column, Integer minCount, Double minFraction, String label) {
        this(column, minCount, minFraction, label, null);
    }

    private String other() {
        return label == null || label.isBlank() ? "Other" : label;
    }

    @Override
    public String describe() {
        String rule = minCount != null ? "seen fewer than " + minCount + " times" : "below " + Rows.text(minFraction * 100) + "% of rows";
        return "Merge categories of " + column + " " + rule + " into '" + other() + "'"
                + (kept == null ? "" : " (keeps " + kept.size() + ")");
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if ((minCount == null) == (minFraction == null)) {
            throw new StepException(column, "give either a minimum count or a minimum fraction");
        }
    }

    @Override
    public boolean hasFit() {
        return kept != null;
    }

    @Override
    public Batch apply(Batch rows) {
        if (!hasFit()) {
            throw StepException.notFitted(column, "the categories to keep");
        }
        Set<String> keep = new HashSet<>(kept);
        String other = other();
        return Rows.mapText(rows, List.of(column), "merging rare categories", s -> keep.contains(s) ? s : other);
    }
}
