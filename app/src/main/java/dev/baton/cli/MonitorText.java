package dev.baton.cli;

import dev.baton.monitor.DriftReport;
import dev.baton.monitor.Evaluation;
import dev.baton.train.MetricEstimate;
import dev.baton.train.Metrics;

import java.util.List;
import java.util.Locale;

/** The plain-text summaries {@code bundle drift} and {@code bundle evaluate} print (--json gives every figure). */
final class MonitorText {

    private MonitorText() {
    }

    static String drift(DriftReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Drift of %s against %s: %s (%s)%n", r.input(), r.bundle(), r.verdict().label().toUpperCase(Locale.ROOT),
                r.reason()));
        b.append(String.format(Locale.ROOT, "%,d rows read (%,d scored, %,d rejected); reference: %,d rows, %s.%n", r.rows(), r.rowsScored(),
                r.rowsRejected(), r.referenceRows(), r.referenceFrom()));
        b.append("Rule: ").append(r.rule()).append(".\n\n");
        table(b, "input", r.columns());
        b.append('\n');
        table(b, "output", r.outputs());
        return b.toString();
    }

    private static void table(StringBuilder b, String what, List<DriftReport.ColumnDrift> columns) {
        int w = Math.max(what.length(), columns.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        w = Math.min(w, 40);
        b.append(String.format(Locale.ROOT, "%-" + w + "s  %-15s  %10s  %7s  %-22s  %-17s  %s%n", what, "verdict", "importance", "PSI",
                "distance", "missing ref -> new", "why"));
        for (DriftReport.ColumnDrift c : columns) {
            DriftReport.Test distance = c.tests().size() > 1 ? c.tests().get(1) : null;
            String name = c.name().length() > w ? c.name().substring(0, w - 1) + "\u2026" : c.name();
            b.append(String.format(Locale.ROOT, "%-" + w + "s  %-15s  %10s  %7.3f  %-22s  %-17s  %s%n", name, c.verdict().label(),
                    c.importance() == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * c.importance()), c.tests().get(0).value(),
                    distance == null ? "" : String.format(Locale.ROOT, "%s %.3f", distance.test(), distance.value()),
                    String.format(Locale.ROOT, "%.1f%% -> %.1f%%", 100 * c.referenceMissing(), 100 * c.missing()), c.summary()));
        }
    }

    static String evaluation(Evaluation.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Evaluation of %s on %s: %s%n%s%n", r.bundle(), r.input(), r.verdict().toUpperCase(Locale.ROOT),
                r.statement()));
        b.append(String.format(Locale.ROOT, "%,d rows read: %,d evaluated, %,d rejected (by the contract, or unreadable), %,d without a true outcome%s%s.%n%n",
                r.rows(), r.rowsEvaluated(), r.rowsRejected(), r.rowsWithoutTarget(),
                r.unreadableTargets() > 0 ? String.format(Locale.ROOT, ", %,d whose outcome is not a number", r.unreadableTargets()) : "",
                r.unknownLabels() != null ? ", labels the model does not know: " + r.unknownLabels() : ""));
        b.append(String.format(Locale.ROOT, "%-18s  %-28s  %-28s  %s%n", "metric", "now (95% CI)", "held-out in bundle (95% CI)", "difference"));
        for (Evaluation.Comparison c : r.metrics()) {
            b.append(String.format(Locale.ROOT, "%-18s  %-28s  %-28s  %s%n", c.label() + (c.metric().equals(r.mainMetric()) ? " *" : ""),
                    estimate(c.metric(), c.now()), c.holdout() == null ? "-" : estimate(c.metric(), c.holdout()),
                    c.difference() == null ? "" : String.format(Locale.ROOT, "%+.4f %s", c.difference(),
                            c.significant() ? "significantly " + c.change() : "within chance")));
        }
        b.append("* the main metric (the one the model was chosen by)\n");
        if (r.confusion() != null) {
            b.append("\nConfusion matrix (rows: true class, columns: predicted)\n");
            int w = Math.max(8, r.classes().stream().mapToInt(String::length).max().orElse(0));
            b.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
            r.classes().forEach(c -> b.append(String.format(Locale.ROOT, "  %" + w + "s", c)));
            b.append('\n');
            for (int i = 0; i < r.classes().size(); i++) {
                b.append(String.format(Locale.ROOT, "%-" + w + "s", r.classes().get(i)));
                for (long v : r.confusion()[i]) {
                    b.append(String.format(Locale.ROOT, "  %" + w + "d", v));
                }
                b.append('\n');
            }
        }
        if (r.residuals() != null) {
            b.append(String.format(Locale.ROOT, "%nResiduals (true - predicted): mean %.6g, standard deviation %.6g, quantiles %s%n",
                    r.residuals().mean(), r.residuals().std(), r.residuals().quantiles()));
        }
        if (r.groups() != null) {
            b.append(String.format(Locale.ROOT, "%nBy %s (%s):%n", r.by(), Metrics.label(r.mainMetric())));
            for (Evaluation.Group g : r.groups()) {
                MetricEstimate e = g.metrics().get(r.mainMetric());
                b.append(String.format(Locale.ROOT, "  %-24s %,8d rows  %-28s %s%n", g.value(), g.rows(), e == null ? "-" : estimate(r.mainMetric(), e),
                        g.flagged() ? "WORSE: " + g.why() : ""));
            }
        }
        return b.toString();
    }

    private static String estimate(String metric, MetricEstimate e) {
        return Metrics.format(metric, e.value()) + " (" + Metrics.format(metric, e.low()) + " to " + Metrics.format(metric, e.high()) + ")";
    }
}
