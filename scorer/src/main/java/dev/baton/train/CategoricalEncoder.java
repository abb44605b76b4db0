package dev.baton.train;

import dev.baton.data.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * A categorical column as one-hot features {@code column@value}, one per value seen in the training rows; a
 * missing value is its own category {@code column@(missing)} when the training rows had one. A value never seen
 * in training sets no feature (all zeros): the model then relies on the other columns.
 */
public record CategoricalEncoder(String column, ColumnType type, List<String> levels, boolean missingLevel) implements Encoder {

    public static final String MISSING_LEVEL = "(missing)";

    public CategoricalEncoder {
        levels = List.copyOf(levels);
    }

    @Override
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (String level : levels) {
            out.add(column + "@" + level);
        }
        if (missingLevel) {
            out.add(column + "@" + MISSING_LEVEL);
        }
        return out;
    }

    static CategoricalEncoder fit(String column, ColumnType type, int[] codes, List<String> allLevels, int[] rows) {
        boolean[] seen = new boolean[allLevels.size()];
        boolean missing = false;
        for (int r : rows) {
            if (codes[r] < 0) {
                missing = true;
            } else {
                seen[codes[r]] = true;
            }
        }
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                levels.add(allLevels.get(i));
            }
        }
        return new CategoricalEncoder(column, type, levels, missing);
    }
}
