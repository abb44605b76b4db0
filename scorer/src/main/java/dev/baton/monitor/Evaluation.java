package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Distributions;
import dev.baton.train.MetricIntervals;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleFormat;
import dev.baton.bundle.Scorer;
import dev.baton.train.MetricEstimate;
import dev.baton.train.Metrics;
import dev.baton.train.Predictions;
import dev.baton.train.Task;
import dev.baton.util.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bundle evaluate}: the bundle's model on newly labelled rows. Every metric of its task with a 95% interval,
 * beside the bundle's own held-out figures, and whether the difference is more than chance; per group of a
 * categorical column on request. Rows are added as they are scored; the report is computed at the end.
 */
public final class Evaluation {

    /** At most this many groups are shown (the most frequent); the rest are summed as "(other)". */
    static final int MAX_GROUPS = 20;

    private final Bundle bundle;
    private final Task task;
    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final Set<String> missingTokens;
    private final String by;
    private final List<Integer> actualClass = new ArrayList<>();
    private final List<Integer> predictedClass = new ArrayList<>();
    private final List<double[]> probabilities = new ArrayList<>();
    private final List<Double> actualValue = new ArrayList<>();
    private final List<Double> predictedValue = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, Long> unknownLabels = new LinkedHashMap<>();
    private long rows;
    private long rejected;
    private long withoutTarget;
    private long unreadableTarget;
    private boolean sawTarget;
    private boolean sawBy;

    public Evaluation(Bundle bundle, String by) {
        this.bundle = bundle;
        this.task = bundle.contract().task();
        this.classes = bundle.contract().classes();
        if (classes != null) {
            for (int c = 0; c < classes.size(); c++) {
                classIndex.put(classes.get(c), c);
            }
        }
        this.missingTokens = new HashSet<>(bundle.contract().missingTokens());
        this.by = by;
        this.yesNo = classes != null && !classes.isEmpty() && Set.of("false", "true").containsAll(classes);
    }

    /** A yes/no target: training read "yes", "Y" or "TRUE" as true, and so are new labels read. */
    private final boolean yesNo;

    private static String asBoolean(String text) {
        double v = dev.baton.data.CellParser.parse(java.util.Collections.singletonList(text), dev.baton.data.ColumnType.BOOLEAN, null, null)[0];
        return Double.isNaN(v) ? text : v == 1 ? "true" : "false";
    }

    public String target() {
        return bundle.contract().target();
    }

    /** The raw columns evaluation reads: the target, and the column to group by. */
    public Set<String> rawColumns() {
        return by == null ? Set.of(target()) : Set.of(target(), by);
    }

    /** Scored rows, with the raw texts of {@link #rawColumns()} by name (null for a column the input lacks). */
    public void add(java.util.function.Function<String, String[]> raw, List<Scorer.Output> outputs) {
        String[] truths = raw.apply(target());
        String[] groupOf = by == null ? null : raw.apply(by);
        sawTarget |= truths != null;
        sawBy |= groupOf != null;
        for (int r = 0; r < outputs.size(); r++) {
            rows++;
            Scorer.Output o = outputs.get(r);
            if (o.rejected()) {
                rejected++;
                continue;
            }
            String truth = truths == null ? null : truths[r];
            if (truth == null || missingTokens.contains(truth)) {
                withoutTarget++;
                continue;
            }
            if (task == Task.CLASSIFICATION) {
                Integer c = classIndex.get(yesNo ? asBoolean(truth) : truth);
                if (c == null) {
                    unknownLabels.merge(truth, 1L, Long::sum);
                    continue;
                }
                actualClass.add(c);
                predictedClass.add(classIndex.get(o.label()));
                if (o.probabilities() != null) {
                    double[] p = new double[classes.size()];
                    for (int k = 0; k < p.length; k++) {
                        p[k] = o.probabilities().get(classes.get(k));
                    }
                    probabilities.add(p);
                }
            } else {
                double y;
                try {
                    y = Double.parseDouble(truth.strip());
                } catch (NumberFormatException e) {
                    unreadableTarget++;
                    continue;
                }
                if (!Double.isFinite(y)) {
                    unreadableTarget++;
                    continue;
                }
                actualValue.add(y);
                predictedValue.add(o.value());
            }
            if (by != null) {
                String v = groupOf == null ? null : groupOf[r];
                groups.add(v == null || missingTokens.contains(v) ? "(missing)" : v);
            }
        }
    }

    /** Whether the rows so far had the target column. */
    public boolean hasTarget() {
        return sawTarget;
    }

    /** Rows with a known outcome and a prediction so far. */
    public long evaluated() {
        return task == Task.CLASSIFICATION ? actualClass.size() : actualValue.size();
    }

    /** Rows that could not be read at all. */
    public void notRead(long n) {
        rows += n;
        rejected += n;
    }

    @JsonPropertyOrder({"bundle", "input", "task", "verdict", "statement", "mainMetric", "rows", "rowsEvaluated", "rowsRejected",
            "rowsWithoutTarget", "unreadableTargets", "unknownLabels", "metrics", "classes", "confusion", "residuals", "by", "groups"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String bundle, String input, Task task, String verdict, String statement, String mainMetric, long rows,
                         long rowsEvaluated, long rowsRejected, long rowsWithoutTarget, long unreadableTargets, Map<String, Long> unknownLabels,
                         List<Comparison> metrics, List<String> classes, long[][] confusion, Residuals residuals, String by, List<Group> groups) {

        /** 1 when the main metric dropped by more than chance explains. */
        public int exitCode() {
            return "dropped".equals(verdict) ? 1 : 0;
        }
    }

    /**
     * A metric now and in the bundle's held-out rows.
     *
     * @param z           the difference in standard errors of both estimates together
     * @param significant whether |z| > 1.96 (5% level)
     */
    @JsonPropertyOrder({"metric", "label", "now", "holdout", "difference", "z", "significant", "change", "statement"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comparison(String metric, String label, MetricEstimate now, MetricEstimate holdout, Double difference, Double z,
                             boolean significant, String change, String statement) {
    }

    @JsonPropertyOrder({"mean", "std", "meanAbsolute", "quantiles", "histogram"})
    public record Residuals(double mean, double std, double meanAbsolute, Map<String, Double> quantiles, ReferenceProfile.Numeric histogram) {
    }

    @JsonPropertyOrder({"value", "rows", "metrics", "flagged", "why"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String value, long rows, Map<String, MetricEstimate> metrics, boolean flagged, String why) {
    }

    public Report report(String input) {
        if (!sawTarget) {
            throw new IllegalArgumentException(input + " has no column " + target() + " (the bundle's target), so there is nothing to evaluate "
                    + "against. Give a file whose rows have their true outcome in a column " + target()
                    + (classes == null ? " (a number)" : " (one of " + String.join(", ", classes) + ")") + ", as the model predicts it.");
        }
        if (by != null && !sawBy) {
            throw new IllegalArgumentException(input + " has no column " + by + " to group by.");
        }
        Predictions p = predictions();
        int n = p.size();
        if (n == 0) {
            throw new IllegalArgumentException(input + " has no row with both a known " + target() + " and a prediction (" + rows + " rows: "
                    + rejected + " rejected by the contract or unreadable, " + withoutTarget + " without a " + target() + ", "
                    + (unknownLabels.values().stream().mapToLong(Long::longValue).sum() + unreadableTarget) + " with a value the model cannot have).");
        }
        int k = classes == null ? 0 : classes.size();
        Map<String, MetricEstimate> now = MetricIntervals.estimate(p, k);
        Holdout holdout = holdout();
        String main = now.containsKey(holdout.rankedBy) ? holdout.rankedBy : task == Task.CLASSIFICATION ? "accuracy" : "rmse";
        List<Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, MetricEstimate> e : now.entrySet()) {
            comparisons.add(compare(e.getKey(), e.getValue(), holdout.metrics.get(e.getKey())));
        }
        comparisons.sort(Comparator.comparing((Comparison c) -> !c.metric().equals(main)));
        Comparison first = comparisons.get(0);
        String verdict = !first.significant() ? "no significant change" : first.change().equals("worse") ? "dropped" : "improved";
        String statement = first.statement();
        long[][] confusion = task == Task.CLASSIFICATION ? Metrics.confusion(p, k) : null;
        Residuals residuals = task == Task.REGRESSION ? residuals(p) : null;
        List<Group> groupList = by == null ? null : groups(p, k, main, now.get(main));
        return new Report(bundle.file().getFileName().toString(), input, task, verdict, statement, main, rows, n, rejected, withoutTarget,
                unreadableTarget, unknownLabels.isEmpty() ? null : top(unknownLabels), comparisons, classes, confusion, residuals, by, groupList);
    }

    private Predictions predictions() {
        int n = task == Task.CLASSIFICATION ? actualClass.size() : actualValue.size();
        int[] rowIds = new int[n];
        for (int i = 0; i < n; i++) {
            rowIds[i] = i;
        }
        if (task == Task.CLASSIFICATION) {
            return new Predictions(rowIds, actualClass.stream().mapToInt(Integer::intValue).toArray(),
                    predictedClass.stream().mapToInt(Integer::intValue).toArray(),
                    probabilities.size() == n && n > 0 ? probabilities.toArray(new double[0][]) : null, null, null);
        }
        return new Predictions(rowIds, null, null, null, actualValue.stream().mapToDouble(Double::doubleValue).toArray(),
                predictedValue.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Comparison compare(String metric, MetricEstimate now, MetricEstimate then) {
        String label = Metrics.label(metric);
        if (then == null) {
            return new Comparison(metric, label, now, null, null, null, false, null, String.format(Locale.ROOT,
                    "%s is %s (95%% CI %s to %s); the bundle has no held-out figure to compare with.", cap(label), f(metric, now.value()),
                    f(metric, now.low()), f(metric, now.high())));
        }
        double diff = now.value() - then.value();
        if (then.se() == 0 && then.method().startsWith("bootstrap")) {
            // Every resample of the held-out rows gave the same value (an AUC of 1 on 69 rows): its spread is unknown, not zero.
            return new Comparison(metric, label, now, then, diff, null, false, diff == 0 ? "same" : (Metrics.higherIsBetter(metric)
                    ? diff > 0 : diff < 0) ? "better" : "worse", String.format(Locale.ROOT, "%s is %s on these %,d rows (95%% CI %s to %s), "
                    + "against %s on the bundle's %,d held-out rows, where every resample gave the same value: whether they differ cannot "
                    + "be judged.", cap(label), f(metric, now.value()), now.rows(), f(metric, now.low()), f(metric, now.high()),
                    f(metric, then.value()), then.rows()));
        }
        double se = Math.sqrt(now.se() * now.se() + then.se() * then.se());
        Double z = se > 0 ? diff / se : null;
        boolean significant = z != null ? Math.abs(z) > MetricIntervals.Z95 : diff != 0 && then.se() == 0 && now.se() == 0;
        boolean better = Metrics.higherIsBetter(metric) ? diff > 0 : diff < 0;
        String change = diff == 0 ? "same" : better ? "better" : "worse";
        String statement = String.format(Locale.ROOT, "%s is %s on these %,d rows (95%% CI %s to %s), against %s on the bundle's %,d held-out rows: %s",
                cap(label), f(metric, now.value()), now.rows(), f(metric, now.low()), f(metric, now.high()), f(metric, then.value()), then.rows(),
                !significant ? "the difference is within what chance gives" + (then.se() == 0 ? " (the bundle gives no interval for "
                        + "its figure, so only this data's uncertainty counts)" : "")
                        : "significantly " + change + " (" + String.format(Locale.ROOT, "z = %.1f", z == null ? 0 : z) + ")");
        return new Comparison(metric, label, now, then, diff, z, significant, change, statement + ".");
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String f(String metric, double v) {
        return Metrics.format(metric, v);
    }

    /** The bundle's held-out metrics: with intervals from a version 2 reference profile, else the values of metrics.json. */
    private record Holdout(String rankedBy, Map<String, MetricEstimate> metrics) {
    }

    private Holdout holdout() {
        try {
            JsonNode m = Json.mapper().readTree(bundle.entry(BundleFormat.METRICS));
            String rankedBy = m.path("rankedBy").asText(task == Task.CLASSIFICATION ? "accuracy" : "rmse");
            Map<String, MetricEstimate> out = new LinkedHashMap<>();
            ReferenceProfile ref = null;
            try {
                ref = DriftCheck.reference(bundle);
            } catch (RuntimeException e) {
                // an older bundle: values without intervals
            }
            if (ref != null && ref.holdout() != null) {
                out.putAll(ref.holdout());
            } else {
                long testRows = m.path("testRows").asLong(0);
                m.path("holdout").fields().forEachRemaining(e -> {
                    double v = e.getValue().asDouble();
                    out.put(e.getKey(), e.getKey().equals("accuracy") && testRows > 0 ? MetricIntervals.wilson(v, testRows)
                            : new MetricEstimate(v, v, v, 0, testRows, "no interval: the bundle predates them"));
                });
            }
            return new Holdout(rankedBy, out);
        } catch (IOException e) {
            throw new dev.baton.bundle.BundleException(bundle.file() + ": " + BundleFormat.METRICS + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Residuals residuals(Predictions p) {
        int n = p.size();
        double[] e = new double[n];
        double sum = 0;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            e[i] = p.actualValue()[i] - p.predictedValue()[i];
            sum += e[i];
            abs += Math.abs(e[i]);
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : e) {
            ss += (x - mean) * (x - mean);
        }
        double[] sorted = e.clone();
        java.util.Arrays.sort(sorted);
        Map<String, Double> q = new LinkedHashMap<>();
        for (int pct : new int[]{5, 25, 50, 75, 95}) {
            q.put(pct + "%", MetricIntervals.quantile(sorted, pct / 100.0));
        }
        return new Residuals(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, abs / n, q, Distributions.quantileBins(e, Distributions.OUTPUT_BINS));
    }

    private List<Group> groups(Predictions p, int k, String main, MetricEstimate overall) {
        Map<String, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            rowsOf.computeIfAbsent(groups.get(i), x -> new ArrayList<>()).add(i);
        }
        List<Map.Entry<String, List<Integer>>> ordered = new ArrayList<>(rowsOf.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, List<Integer>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey));
        List<Group> out = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (i < MAX_GROUPS) {
                out.add(group(ordered.get(i).getKey(), MetricIntervals.subset(p, ordered.get(i).getValue()), k, main, overall));
            } else {
                other.addAll(ordered.get(i).getValue());
            }
        }
        if (!other.isEmpty()) {
            out.add(group("(other)", MetricIntervals.subset(p, other), k, main, overall));
        }
        return out;
    }

    /** A group is flagged when its whole 95% interval of the main metric is worse than the overall value. */
    private static Group group(String value, Predictions p, int k, String main, MetricEstimate overall) {
        Map<String, MetricEstimate> m = MetricIntervals.estimate(p, k);
        MetricEstimate e = m.get(main);
        boolean flagged = false;
        String why = null;
        if (e != null && overall != null) {
            flagged = Metrics.higherIsBetter(main) ? e.high() < overall.value() : e.low() > overall.value();
            if (flagged) {
                why = String.format(Locale.ROOT, "%s %s (95%% CI %s to %s) is clearly worse than %s over all rows", Metrics.label(main),
                        f(main, e.value()), f(main, e.low()), f(main, e.high()), f(main, overall.value()));
            }
        }
        return new Group(value, p.size(), m, flagged, why);
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
