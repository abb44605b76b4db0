package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.util.Format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What anyone relying on a model should know, found from the training itself: a small training set, imbalanced
 * classes, scoring beyond the training ranges, columns left out and why. The model card and the report both say it.
 */
public final class ModelCaveats {

    /** Excluded columns named one by one up to this many; the rest are counted. */
    static final int NAMED_COLUMNS = 10;

    private ModelCaveats() {
    }

    public static List<String> of(ModelResult result, Dataset data, TrainingSetup setup) {
        List<String> out = new ArrayList<>();
        if (result.perClass() != null) {
            long max = result.perClass().stream().mapToLong(Metrics.ClassScores::support).max().orElse(0);
            Metrics.ClassScores rare = result.perClass().stream().min(Comparator.comparingLong(Metrics.ClassScores::support)).orElse(null);
            if (rare != null && rare.support() > 0 && max >= 3 * rare.support()) {
                out.add(String.format(Locale.ROOT, "The classes are imbalanced: %s has %s held-out rows against %s for the largest class; "
                        + "look at per-class recall, not accuracy alone.", rare.label(), Format.count(rare.support()), Format.count(max)));
            }
        }
        if (result.trainRows() < 1000) {
            out.add("The model learned from " + Format.count(result.trainRows())
                    + " rows; expect its quality to vary more on new data than the metrics suggest.");
        }
        out.add("Numbers and dates outside the training range are scored as given (counted in the scoring summary); the model "
                + "extrapolates there.");
        out.add("Categories never seen in training are scored as unknown (no category column set) and counted.");
        String excluded = excluded(data, setup);
        if (excluded != null) {
            out.add(excluded);
        }
        return out;
    }

    /** The columns the model does not use, each with the reason, as one sentence. */
    static String excluded(Dataset data, TrainingSetup setup) {
        if (data == null) {
            return null;
        }
        Set<String> features = Set.copyOf(setup.features());
        List<String> left = new ArrayList<>();
        for (Features.Choice c : Features.suggest(data, setup.target())) {
            if (c.column().equals(setup.target()) || features.contains(c.column()) || !data.columnNames().contains(c.column())) {
                continue;
            }
            left.add(c.column() + " (" + (c.included() ? "left out by the author" : c.reason()) + ")");
        }
        if (left.isEmpty()) {
            return null;
        }
        String named = String.join("; ", left.subList(0, Math.min(NAMED_COLUMNS, left.size())));
        return "The model does not use " + Format.count(left.size()) + " column" + (left.size() == 1 ? "" : "s") + " of the data: " + named
                + (left.size() > NAMED_COLUMNS ? "; and " + Format.count(left.size() - NAMED_COLUMNS) + " more" : "") + ".";
    }
}
