package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.batch.Batch;
import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleException;
import dev.baton.bundle.BundleFormat;
import dev.baton.bundle.Scorer;
import dev.baton.monitor.DriftReport.Bin;
import dev.baton.monitor.DriftReport.ColumnDrift;
import dev.baton.monitor.DriftReport.Test;
import dev.baton.monitor.DriftReport.Verdict;
import dev.baton.bundle.ReferenceProfile.Categories;
import dev.baton.bundle.ReferenceProfile.ColumnReference;
import dev.baton.bundle.ReferenceProfile.Kind;
import dev.baton.bundle.ReferenceProfile.Numeric;
import dev.baton.bundle.ReferenceProfile.ValueCount;
import dev.baton.train.Task;
import dev.baton.util.Json;
import dev.baton.util.Parallel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares scored data with a bundle's reference profile, one batch at a time in fixed memory: every input column
 * as the contract typed it, and the model's outputs. Not thread-safe: one caller adds batches, then asks for the report.
 */
public final class DriftCheck {

    private final String bundleName;
    private final ReferenceProfile reference;
    private final DriftThresholds thresholds;
    private final Task task;
    private final List<ColumnReference> inputs;
    private final Object[] tallies;
    private final CategoryTally classes;
    private final Map<String, NumericTally> probabilities = new LinkedHashMap<>();
    private final NumericTally values;
    private long rows;
    private long rejected;

    public DriftCheck(Bundle bundle, DriftThresholds thresholds) {
        this(bundle.file().getFileName().toString(), reference(bundle), bundle.contract().task(), bundle.contract().classes(), thresholds);
    }

    /**
     * A check against a reference profile read elsewhere; {@code name} names it in the report, {@code classes} are the
     * contract's (null for regression).
     */
    public DriftCheck(String name, ReferenceProfile reference, Task task, List<String> classes, DriftThresholds thresholds) {
        this.bundleName = name;
        this.reference = reference;
        this.thresholds = thresholds;
        this.task = task;
        this.inputs = reference.columns();
        this.tallies = new Object[inputs.size()];
        for (int c = 0; c < inputs.size(); c++) {
            ColumnReference ref = inputs.get(c);
            tallies[c] = ref.kind() == Kind.CATEGORICAL ? new CategoryTally(ref.categories()) : new NumericTally(ref.numeric());
        }
        ReferenceProfile.Outputs out = reference.outputs();
        this.classes = out != null && out.classes() != null ? new CategoryTally(out.classes()) : null;
        if (out != null && out.probabilities() != null) {
            out.probabilities().forEach((label, numeric) -> probabilities.put(label, new NumericTally(numeric)));
        }
        this.values = out != null && out.values() != null ? new NumericTally(out.values()) : null;
        if (classes != null && !probabilities.isEmpty()) {
            classTallies = new NumericTally[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                classTallies[c] = probabilities.get(classes.get(c));
            }
        } else {
            classTallies = null;
        }
    }

    /** The probability tallies in the contract's class order (null entries for classes the reference lacks). */
    private final NumericTally[] classTallies;

    /**
     * The bundle's reference profile; a bundle exported before drift checks existed has a profile of another form,
     * and is told to be exported again.
     */
    public static ReferenceProfile reference(Bundle bundle) {
        byte[] bytes = bundle.entry(BundleFormat.REFERENCE_PROFILE);
        try {
            com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(bytes);
            if (node == null || !ReferenceProfile.FORMAT.equals(node.path("format").asText())) {
                throw new BundleException(bundle.file() + " was exported before drift checks: its " + BundleFormat.REFERENCE_PROFILE
                        + " is not " + ReferenceProfile.FORMAT + " (fixed bins of the training data). Export the bundle again with this Baton "
                        + "to check drift; scoring it still works.");
            }
            return Json.mapper().treeToValue(node, ReferenceProfile.class);
        } catch (IOException e) {
            throw new BundleException(bundle.file() + ": " + BundleFormat.REFERENCE_PROFILE + " is damaged: " + e.getMessage(), e);
        }
    }

    public ReferenceProfile referenceProfile() {
        return reference;
    }

    /** Scored rows: their inputs as the contract typed them, and their outputs (rejected ones count as inputs only). */
    public void add(Batch batch, List<Scorer.Output> outputs) {
        add(batch, outputs, 0);
    }

    /** The same, from row {@code from} of the batch on. */
    public void add(Batch batch, List<Scorer.Output> outputs, int from) {
        int n = batch.rows();
        rows += n - from;
        // Each input column's tally, and the outputs' as one more task: independent, so on all cores for a large batch.
        java.util.function.IntConsumer tally = c -> {
            if (c == inputs.size()) {
                addOutputs(outputs, from, n);
            } else {
                addColumn(c, batch.column(inputs.get(c).name()), from, n);
            }
        };
        if (n - from >= 10_000) {
            Parallel.forEach(inputs.size() + 1, tally);
        } else {
            for (int c = 0; c <= inputs.size(); c++) {
                tally.accept(c);
            }
        }
    }

    private void addOutputs(List<Scorer.Output> outputs, int from, int n) {
        long rejectedHere = 0;
        for (int r = from; r < n; r++) {
            Scorer.Output o = outputs.get(r);
            if (o.rejected()) {
                rejectedHere++;
                continue;
            }
            if (classes != null) {
                classes.add(o.label());
            }
            if (o.probabilities() instanceof dev.baton.bundle.ClassProbabilities p && classTallies != null) {
                for (int c = 0; c < classTallies.length; c++) {
                    if (classTallies[c] != null) {
                        classTallies[c].add(p.value(c)); // unboxed: a Double per class and row was a tenth of what drift allocated
                    }
                }
            } else if (o.probabilities() != null) {
                o.probabilities().forEach((label, p) -> {
                    NumericTally t = probabilities.get(label);
                    if (t != null) {
                        t.add(p);
                    }
                });
            }
            if (values != null && o.value() != null) {
                values.add(o.value());
            }
        }
        rejected += rejectedHere;
    }

    private void addColumn(int c, Column column, int from, int n) {
        Object t = tallies[c];
        if (column == null) {
            if (t instanceof NumericTally nt) {
                nt.addMissing(n - from);
            } else {
                ((CategoryTally) t).addMissing(n - from);
            }
            return;
        }
        Kind kind = inputs.get(c).kind();
        if (kind == Kind.NUMERIC && column instanceof NumberColumn numbers) {
            NumericTally nt = (NumericTally) t;
            double[] v = numbers.values();
            for (int r = from; r < n; r++) {
                nt.add(v[r]);
            }
        } else if (kind == Kind.TEXT_LENGTH || kind == Kind.NUMERIC) {
            NumericTally nt = (NumericTally) t;
            for (int r = from; r < n; r++) {
                String s = column.text(r);
                nt.add(s == null ? Double.NaN : kind == Kind.TEXT_LENGTH ? s.codePointCount(0, s.length()) : parse(s));
            }
        } else {
            CategoryTally ct = (CategoryTally) t;
            for (int r = from; r < n; r++) {
                ct.add(column.text(r));
            }
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Rows that could not be read at all (a CSV row with too many fields, a line that is not JSON). */
    public void notRead(long n) {
        rows += n;
        rejected += n;
    }

    public long rows() {
        return rows;
    }

    /** The comparison so far. */
    public DriftReport report(String input) {
        boolean enough = rows >= thresholds.minRows();
        List<ColumnDrift> columns = new ArrayList<>();
        for (int c = 0; c < inputs.size(); c++) {
            ColumnReference ref = inputs.get(c);
            Double importance = reference.importance().isEmpty() ? null : reference.importance().getOrDefault(ref.name(), 0.0);
            ColumnDrift d = tallies[c] instanceof NumericTally nt
                    ? numeric(ref.name(), ref.kind().id(), ref.type(), ref.numeric(), ref.missing(), nt, importance, true)
                    : categorical(ref.name(), ref.kind().id(), ref.categories(), ref.missing(), (CategoryTally) tallies[c], importance, true);
            columns.add(enough ? d : withVerdict(d, Verdict.NOT_ENOUGH_DATA));
        }
        columns.sort(Comparator.comparing((ColumnDrift d) -> -d.verdict().ordinal())
                .thenComparing(d -> -(d.weighted() == null ? 0 : d.weighted())).thenComparing(ColumnDrift::name));
        List<ColumnDrift> outputs = new ArrayList<>();
        ReferenceProfile.Outputs out = reference.outputs();
        if (classes != null) {
            outputs.add(categorical("predicted class", "categorical", out.classes(), 0, classes, null, false));
        }
        probabilities.forEach((label, t) -> outputs.add(numeric("probability of " + label, "numeric", null, out.probabilities().get(label), 0, t,
                null, false)));
        if (values != null) {
            outputs.add(numeric("predicted value", "numeric", null, out.values(), 0, values, null, false));
        }
        if (!enough) {
            outputs.replaceAll(d -> withVerdict(d, Verdict.NOT_ENOUGH_DATA));
        }
        String rule = String.format(Locale.ROOT, "drift when any of the %d most important inputs drifts, when at least %.0f%% of the inputs "
                        + "drift, or when the predicted %s drift; watch when any input or output is marked watch or drift; not enough data "
                        + "below %,d rows", thresholds.important(), 100 * thresholds.columnShare(),
                task == Task.CLASSIFICATION ? "classes" : "values", thresholds.minRows());
        Verdict verdict;
        String reason;
        if (!enough) {
            verdict = Verdict.NOT_ENOUGH_DATA;
            reason = String.format(Locale.ROOT, "%,d rows: below %,d, drift cannot be told from chance", rows, thresholds.minRows());
        } else {
            List<String> important = importantInputs();
            List<String> drifted = columns.stream().filter(d -> d.verdict() == Verdict.DRIFT).map(ColumnDrift::name).toList();
            List<String> importantDrifted = drifted.stream().filter(important::contains).toList();
            boolean predictionDrift = !outputs.isEmpty() && outputs.get(0).verdict() == Verdict.DRIFT;
            List<String> why = new ArrayList<>();
            if (!importantDrifted.isEmpty()) {
                why.add((importantDrifted.size() == 1 ? "an important input drifts: " : "important inputs drift: ") + String.join(", ", importantDrifted));
            }
            if (!inputs.isEmpty() && drifted.size() >= thresholds.columnShare() * inputs.size()) {
                why.add(String.format(Locale.ROOT, "%d of %d inputs drift", drifted.size(), inputs.size()));
            }
            if (predictionDrift) {
                why.add("the " + outputs.get(0).name() + " drifts");
            }
            if (!why.isEmpty()) {
                verdict = Verdict.DRIFT;
                reason = String.join("; ", why);
            } else {
                List<String> marked = new ArrayList<>();
                columns.stream().filter(d -> d.verdict() != Verdict.NO_DRIFT).forEach(d -> marked.add(d.name() + " (" + d.verdict().label() + ")"));
                outputs.stream().filter(d -> d.verdict() != Verdict.NO_DRIFT).forEach(d -> marked.add(d.name() + " (" + d.verdict().label() + ")"));
                verdict = marked.isEmpty() ? Verdict.NO_DRIFT : Verdict.WATCH;
                reason = marked.isEmpty() ? "every input and output is like the reference" : "to watch: " + String.join(", ", marked);
            }
        }
        return new DriftReport(bundleName, input, verdict, reason, rule, rows, rows - rejected, rejected, reference.rows(),
                reference.rowsFrom(), thresholds, columns, outputs);
    }

    /** The inputs whose drift drifts the data: the most important ones; every input when the bundle gives no importance. */
    private List<String> importantInputs() {
        if (reference.importance().isEmpty()) {
            return inputs.stream().map(ColumnReference::name).toList();
        }
        return reference.importance().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(thresholds.important()).map(Map.Entry::getKey).toList();
    }

    private static ColumnDrift withVerdict(ColumnDrift d, Verdict v) {
        return new ColumnDrift(d.name(), d.kind(), v, d.summary(), d.importance(), d.weighted(), d.referenceRows(), d.rows(),
                d.referenceMissing(), d.missing(), d.tests(), d.bins(), d.unseen(), d.referenceMean(), d.mean(), d.referenceStd(), d.std());
    }

    private ColumnDrift numeric(String name, String kind, dev.baton.data.ColumnType type, Numeric ref, long refMissing, NumericTally tally, Double importance, boolean input) {
        Numeric cur = tally.current();
        long refRows = ref.count() + refMissing;
        long curRows = cur.count() + tally.missing();
        long[] refBins = append(ref.counts(), refMissing);
        long[] curBins = append(cur.counts(), tally.missing());
        List<Test> tests = new ArrayList<>();
        String what = kind.equals("text-length") ? "the text's length" : "the values";
        tests.add(psi(refBins, curBins, refRows, curRows, "the share of " + what + " in each of the reference's " + ref.counts().length
                + " quantile bins" + (input ? " and of missing values" : "")));
        double w = DriftStatistics.wasserstein(ref, cur, tally.belowMin(), tally.aboveMax());
        boolean wUsed = ref.count() >= thresholds.distanceRows() && cur.count() >= thresholds.distanceRows();
        tests.add(new Test("wasserstein", "how far " + what + " moved, in reference standard deviations", w, thresholds.wasserstein(), null,
                null, wUsed ? (w >= thresholds.wasserstein() ? Verdict.WATCH : Verdict.NO_DRIFT) : null,
                wUsed ? null : String.format(Locale.ROOT, "not used for the verdict: fewer than %,d values on a side", thresholds.distanceRows())));
        if (input) {
            tests.add(missingTest(refMissing, refRows, tally.missing(), curRows));
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < refBins.length; i++) {
            bins.add(new Bin(i == refBins.length - 1 ? "(missing)" : binLabel(ref, i, type), share(refBins[i], refRows),
                    share(curBins[i], curRows), refBins[i], curBins[i]));
        }
        if (!input) {
            bins.remove(bins.size() - 1);
        }
        return column(name, kind, tests, bins, null, importance, refRows, curRows, refMissing, tally.missing(), ref.mean(), cur.mean(), ref.std(),
                cur.std(), cur.count() > 0);
    }

    private ColumnDrift categorical(String name, String kind, Categories ref, long refMissing, CategoryTally tally, Double importance,
                                    boolean input) {
        long[] known = tally.knownCounts();
        List<Bin> bins = new ArrayList<>();
        List<Long> r = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            labels.add(ref.values().get(i).value());
            r.add(ref.values().get(i).count());
            c.add(known[i]);
        }
        if (!ref.complete()) {
            labels.add("(other)");
            r.add(ref.other());
            c.add(tally.other());
        } else {
            labels.add("(never seen in training)");
            r.add(0L);
            c.add(tally.unseenTotal());
        }
        if (input) {
            labels.add("(missing)");
            r.add(refMissing);
            c.add(tally.missing());
        }
        long[] refBins = r.stream().mapToLong(Long::longValue).toArray();
        long[] curBins = c.stream().mapToLong(Long::longValue).toArray();
        long refRows = (long) DriftStatistics.sum(refBins);
        long curRows = (long) DriftStatistics.sum(curBins);
        for (int i = 0; i < refBins.length; i++) {
            bins.add(new Bin(labels.get(i), share(refBins[i], refRows), share(curBins[i], curRows), refBins[i], curBins[i]));
        }
        List<Test> tests = new ArrayList<>();
        tests.add(psi(refBins, curBins, refRows, curRows, "the share of each category" + (ref.complete() ? "" : " (the "
                + ref.values().size() + " most frequent; the rest together)") + (input ? " and of missing values" : "")));
        double js = DriftStatistics.jensenShannon(refBins, curBins);
        // The noise bound only matters for a value past its threshold (and simulating it for small samples costs time).
        double jsNoise = js >= thresholds.jensenShannon() ? DriftStatistics.noise(refBins, curBins)[1] : Double.NaN;
        tests.add(new Test("jensen-shannon", "how different the category shares are (0 equal, 0.83 nothing in common)", js,
                thresholds.jensenShannon(), null, finite(jsNoise), js >= thresholds.jensenShannon() && js > jsNoise ? Verdict.WATCH : Verdict.NO_DRIFT,
                js >= thresholds.jensenShannon() && js <= jsNoise ? "within what sampling alone gives with these row counts" : null));
        if (input) {
            tests.add(missingTest(refMissing, refRows, tally.missing(), curRows));
        }
        List<ValueCount> unseen = null;
        if (ref.complete()) {
            long values = tally.count();
            double share = values == 0 ? 0 : (double) tally.unseenTotal() / values;
            Verdict v = share >= thresholds.unseenDrift() ? Verdict.DRIFT : share >= thresholds.unseenWatch() ? Verdict.WATCH : Verdict.NO_DRIFT;
            tests.add(new Test("unseen", "the share of values the training data never had", share, thresholds.unseenWatch(),
                    thresholds.unseenDrift(), null, v, null));
            unseen = tally.unseenValues().values().stream().limit(20).toList();
        }
        return column(name, kind, tests, bins, unseen == null || unseen.isEmpty() ? null : unseen, importance, refRows, curRows, refMissing,
                tally.missing(), null, null, null, null, true);
    }

    private ColumnDrift column(String name, String kind, List<Test> tests, List<Bin> bins, List<ValueCount> unseen, Double importance,
                               long refRows, long curRows, long refMissing, long curMissing, Double refMean, Double mean, Double refStd,
                               Double std, boolean hasValues) {
        Verdict v = Verdict.NO_DRIFT;
        for (Test t : tests) {
            if (t.verdict() != null) {
                v = Verdict.worst(v, t.verdict());
            }
        }
        double psi = tests.get(0).value();
        Double weighted = importance == null ? null : psi * importance;
        String summary = summary(v, tests);
        return new ColumnDrift(name, kind, v, summary, importance, weighted, refRows, curRows, share(refMissing, refRows),
                share(curMissing, curRows), tests, bins, unseen, refMean, hasValues ? mean : null, refStd, hasValues ? std : null);
    }

    /** The verdict in a phrase naming the tests that gave it. */
    private static String summary(Verdict v, List<Test> tests) {
        if (v == Verdict.NO_DRIFT) {
            return "like the reference";
        }
        List<String> parts = new ArrayList<>();
        for (Test t : tests) {
            if (t.verdict() == Verdict.WATCH || t.verdict() == Verdict.DRIFT) {
                parts.add(String.format(Locale.ROOT, "%s %s", t.test(), t.test().equals("missing") || t.test().equals("unseen")
                        ? String.format(Locale.ROOT, "%+.1f%%", 100 * t.value()).replace("+", t.test().equals("missing") ? "+" : "")
                        : String.format(Locale.ROOT, "%.3f", t.value())));
            }
        }
        return v.label() + ": " + String.join(", ", parts);
    }

    private Test psi(long[] refBins, long[] curBins, long refRows, long curRows, String why) {
        double psi = DriftStatistics.psi(refBins, curBins);
        double noise = psi >= thresholds.psiWatch() ? DriftStatistics.noise(refBins, curBins)[0] : Double.NaN;
        Verdict v = psi > noise && psi >= thresholds.psiDrift() ? Verdict.DRIFT
                : psi > noise && psi >= thresholds.psiWatch() ? Verdict.WATCH : Verdict.NO_DRIFT;
        String note = psi >= thresholds.psiWatch() && psi <= noise ? "within what sampling alone gives with these row counts" : null;
        return new Test("psi", why, psi, thresholds.psiWatch(), thresholds.psiDrift(), finite(noise), v, note);
    }

    private Test missingTest(long refMissing, long refRows, long curMissing, long curRows) {
        double change = share(curMissing, curRows) - share(refMissing, refRows);
        boolean real = DriftStatistics.sharesDiffer(refMissing, refRows, curMissing, curRows);
        double size = Math.abs(change);
        Verdict v = !real ? Verdict.NO_DRIFT : size >= thresholds.missingDrift() ? Verdict.DRIFT
                : size >= thresholds.missingWatch() ? Verdict.WATCH : Verdict.NO_DRIFT;
        return new Test("missing", "the change in the share of missing values", change, thresholds.missingWatch(), thresholds.missingDrift(),
                null, v, size >= thresholds.missingWatch() && !real ? "within what sampling alone gives with these row counts" : null);
    }

    private static String binLabel(Numeric ref, int i, dev.baton.data.ColumnType type) {
        double[] e = ref.edges();
        if (e.length == 0) {
            return "all values";
        }
        if (i == 0) {
            return "\u2264 " + value(e[0], type);
        }
        if (i == e.length) {
            return "> " + value(e[e.length - 1], type);
        }
        return value(e[i - 1], type) + " \u2013 " + value(e[i], type);
    }

    /** A bin edge as the column's values read: dates as dates. */
    private static String value(double v, dev.baton.data.ColumnType type) {
        if (type != null && type.isTemporal()) {
            return new NumberColumn(type, new double[]{v}).text(0);
        }
        return number(v);
    }

    /** Six significant digits: enough to tell bins apart, short enough for a table. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A bound as the report gives it: null when not estimated (the value was below its threshold) or not finite. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double share(long count, long of) {
        return of == 0 ? 0 : (double) count / of;
    }

    private static long[] append(long[] counts, long last) {
        long[] out = java.util.Arrays.copyOf(counts, counts.length + 1);
        out[counts.length] = last;
        return out;
    }
}
