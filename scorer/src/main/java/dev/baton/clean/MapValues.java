package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replaces whole values by others (e.g. M to male); values not listed stay, or become missing if chosen. */
public record MapValues(String column, Map<String, String> mapping, boolean othersMissing) implements RowOperation {

    public MapValues {
        mapping = mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    @Override
    public String describe() {
        String pairs = String.join(", ", mapping.entrySet().stream().limit(4).map(e -> e.getKey() + " \u2192 " + e.getValue()).toList());
        return "Map values of " + column + ": " + pairs + (mapping.size() > 4 ? ", ..." : "") + (othersMissing ? "; others missing" : "");
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
            throw new StepException(column, "add at least one value to map");
        }
    }

    private String map(String s) {
        String to = mapping.get(s);
        return to != null ? to : othersMissing ? null : s;
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapText(rows, List.of(column), "mapping values", this::map);
    }
}
