package dev.baton.explore;

import dev.baton.clean.Clustering;
import dev.baton.clean.DropColumns;
import dev.baton.clean.FillMissing;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MergeRare;
import dev.baton.clean.RemoveDuplicates;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the alerts of a profiled dataset, each with its evidence and, where one makes sense, a fix. */
public final class Alerts {

    private Alerts() {
    }

    public static List<Alert> find(Dataset data, DatasetProfile profile, Correlations.Matrix correlations, AlertSettings s) {
        List<Alert> alerts = new ArrayList<>();
        if (profile.duplicateRows() > s.duplicateRows()) {
            alerts.add(new Alert(Alert.Kind.DUPLICATES, List.of(), String.format("%,d rows repeat an earlier row in every column (%.1f%%)",
                    profile.duplicateRows(), 100.0 * profile.duplicateRows() / Math.max(1, profile.rows())),
                    profile.duplicateRows(), (double) s.duplicateRows(), new RemoveDuplicates(List.of()), "Remove duplicate rows"));
        }
        for (ColumnProfile c : profile.columns()) {
            column(data, c, s, alerts);
        }
        if (correlations != null) {
            Map<String, BitSet> gaps = new HashMap<>();
            for (Correlations.Pair pair : Correlations.strong(correlations, s.correlation())) {
                alerts.add(new Alert(Alert.Kind.HIGH_CORRELATION, List.of(pair.first(), pair.second()),
                        String.format("%s and %s are strongly associated (%s %.3f%s): one may be redundant", pair.first(),
                                pair.second(), Correlations.mixedMeasure(data.info(pair.first()).type(),
                                        data.info(pair.second()).type()).label(), pair.value(),
                                rowsWithBoth(data, profile, pair, gaps)),
                        pair.value(), s.correlation(), new DropColumns(List.of(pair.second())), "Drop " + pair.second()));
            }
        }
        return alerts;
    }

    /**
     * Where either column has gaps, on how many rows the association was measured (pairwise complete rows): a
     * strong association over a few rows says less. Each column's gaps are read once, however many pairs it is in.
     */
    private static String rowsWithBoth(Dataset data, DatasetProfile profile, Correlations.Pair pair, Map<String, BitSet> gaps) {
        if (profile.column(pair.first()).missing() == 0 && profile.column(pair.second()).missing() == 0) {
            return "";
        }
        BitSet either = (BitSet) gaps(data, pair.first(), gaps).clone();
        either.or(gaps(data, pair.second(), gaps));
        int both = data.rowCount() - either.cardinality();
        return String.format(", on the %,d of %,d rows that have both", both, data.rowCount());
    }

    private static BitSet gaps(Dataset data, String column, Map<String, BitSet> gaps) {
        return gaps.computeIfAbsent(column, name -> {
            BitSet missing = new BitSet(data.rowCount());
            for (int row : data.column(name).isMissing().toArray()) {
                missing.set(row);
            }
            return missing;
        });
    }

    private static void column(Dataset data, ColumnProfile c, AlertSettings s, List<Alert> alerts) {
        String name = c.name();
        if (c.count() > 0 && c.distinct() == 1) {
            alerts.add(new Alert(Alert.Kind.CONSTANT, List.of(name), name + " has one value only (" + c.top().get(0).value() + ")",
                    1, null, new DropColumns(List.of(name)), "Drop " + name));
        }
        if (c.missingPercent() > s.missingPercent()) {
            FillMissing fill = c.type().isNumeric() ? new FillMissing(List.of(name), FillMissing.Method.MEDIAN, null)
                    : c.type().isString() || c.type() == ColumnType.BOOLEAN ? new FillMissing(List.of(name), FillMissing.Method.MODE, null) : null;
            alerts.add(new Alert(Alert.Kind.HIGH_MISSING, List.of(name), String.format("%s is missing in %,d rows (%.1f%%)", name,
                    c.missing(), c.missingPercent()), c.missingPercent(), s.missingPercent(), fill,
                    fill == null ? null : "Fill with the " + (c.type().isNumeric() ? "median" : "most frequent value")));
        }
        if (c.unparsable() > 0) {
            alerts.add(new Alert(Alert.Kind.UNPARSABLE, List.of(name), String.format("%,d values of %s did not fit the type %s and are missing",
                    c.unparsable(), name, c.type().label()), c.unparsable(), null, null, null));
        }
        if (c.type().isString() && c.count() > 0) {
            if (c.distinct() == c.count() && c.count() > 1) {
                alerts.add(new Alert(Alert.Kind.UNIQUE, List.of(name), name + " has a different value in every row: an identifier, not a feature",
                        c.distinct(), null, new DropColumns(List.of(name)), "Drop " + name));
            } else if (c.distinct() > s.cardinality()) {
                int min = (int) Math.max(2, Math.ceil(c.count() * 0.01));
                alerts.add(new Alert(Alert.Kind.HIGH_CARDINALITY, List.of(name), String.format("%s has %,d distinct values", name, c.distinct()),
                        c.distinct(), (double) s.cardinality(), new MergeRare(name, min, null, "Other"),
                        "Merge values seen fewer than " + min + " times into Other"));
            }
        }
        if (c.type().isNumeric() && c.count() > 0) {
            if (c.distinct() == c.count() && c.count() > 1 && c.type() == ColumnType.INTEGER && isSequence(c)) {
                alerts.add(new Alert(Alert.Kind.UNIQUE, List.of(name), name + " counts up through every row: an identifier, not a feature",
                        c.distinct(), null, new DropColumns(List.of(name)), "Drop " + name));
            }
            if (c.skewness() != null && Math.abs(c.skewness()) > s.skewness()) {
                boolean canLog = c.min() != null && c.min() >= 0;
                alerts.add(new Alert(Alert.Kind.SKEWED, List.of(name), String.format("%s is skewed (skewness %.2f)", name, c.skewness()),
                        c.skewness(), s.skewness(), canLog ? new LogTransform(name, "e", true, null) : null,
                        canLog ? "Take log(x + 1)" : null));
            }
            double zeros = c.zeros() == null ? 0 : 100.0 * c.zeros() / c.count();
            if (zeros > s.zerosPercent()) {
                alerts.add(new Alert(Alert.Kind.ZEROS, List.of(name), String.format("%s is zero in %,d rows (%.1f%%)", name, c.zeros(), zeros),
                        zeros, s.zerosPercent(), null, null));
            }
        }
        if ((c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.BOOLEAN) && c.distinct() > 1) {
            double imbalance = imbalance(data, c);
            if (imbalance > s.imbalance()) {
                alerts.add(new Alert(Alert.Kind.IMBALANCED, List.of(name), String.format("%s is imbalanced (%.2f): %s in %.1f%% of rows", name,
                        imbalance, c.top().get(0).value(), 100.0 * c.top().get(0).count() / c.count()), imbalance, s.imbalance(), null, null));
            }
        }
        if (c.type() == ColumnType.CATEGORICAL && c.distinct() > 1) {
            List<Clustering.Cluster> clusters = Clustering.find(Clustering.counts(data.column(name)), Clustering.Method.FINGERPRINT, 2, 1);
            if (!clusters.isEmpty()) {
                Map<Clustering.Cluster, String> all = new LinkedHashMap<>();
                clusters.forEach(cl -> all.put(cl, cl.suggested()));
                List<String> examples = clusters.stream().limit(3).map(cl -> String.join(" / ",
                        cl.values().stream().map(Clustering.ValueCount::value).toList())).toList();
                alerts.add(new Alert(Alert.Kind.SPELLINGS, List.of(name), name + " spells " + clusters.size() + " value"
                        + (clusters.size() == 1 ? "" : "s") + " in several ways: " + String.join("; ", examples),
                        clusters.size(), null, Clustering.mergeStep(name, all), "Merge each into its most frequent spelling"));
            }
        }
    }

    private static boolean isSequence(ColumnProfile c) {
        return c.max() != null && c.min() != null && c.max() - c.min() + 1 == c.count();
    }

    /** 1 - H / log(k): 0 when the k values are equally frequent, near 1 when one dominates (ydata-profiling's measure). */
    static double imbalance(Dataset data, ColumnProfile c) {
        // The profile's most frequent values are all of them when there are few (a yes/no column, most categories):
        // no pass over the rows then.
        java.util.Collection<? extends Number> counts = c.distinct() == c.top().size()
                ? c.top().stream().map(ValueCount::count).toList()
                : Clustering.counts(data.column(c.name())).values();
        long n = counts.stream().mapToLong(Number::longValue).sum();
        if (counts.size() < 2 || n == 0) {
            return 0;
        }
        double entropy = 0;
        for (Number count : counts) {
            double p = count.doubleValue() / n;
            entropy -= p * Math.log(p);
        }
        return 1 - entropy / Math.log(counts.size());
    }
}
