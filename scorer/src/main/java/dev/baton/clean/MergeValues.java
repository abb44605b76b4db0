package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges spellings of the same thing into one value: what accepting a cluster of similar values records. */
public record MergeValues(String column, Map<String, String> mapping) implements RowOperation {

    public MergeValues {
        mapping = mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    @Override
    public String describe() {
        long targets = mapping.values().stream().distinct().count();
        return "Merge " + mapping.size() + " spelling" + (mapping.size() == 1 ? "" : "s") + " of " + column + " into "
                + targets + " value" + (targets == 1 ? "" : "s") + " (" + String.join(", ", mapping.values().stream().distinct().limit(3).toList())
                + (targets > 3 ? ", ..." : "") + ")";
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
        if (mapping.isEmpty()) {
            throw new StepException(column, "no values to merge");
        }
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapText(rows, List.of(column), "merging values", s -> mapping.getOrDefault(s, s));
    }
}
