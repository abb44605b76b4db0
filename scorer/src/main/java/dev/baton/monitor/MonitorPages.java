package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Distributions;
import dev.baton.monitor.DriftReport.Bin;
import dev.baton.monitor.DriftReport.ColumnDrift;
import dev.baton.monitor.DriftReport.Test;
import dev.baton.train.MetricEstimate;
import dev.baton.train.Metrics;

import java.util.List;
import java.util.Locale;

/**
 * The drift and evaluation reports as self-contained HTML pages: inline styles and SVG charts, no script and nothing
 * fetched, so they read the same offline, in a mail client or behind a sanitizer that strips scripts. Values from the
 * data are escaped and isolated ({@code <bdi>}), so a right-to-left character in a category cannot reorder the text.
 */
public final class MonitorPages {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;margin:2em auto;max-width:1100px;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #d7dbe3;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.6em 0}th,td{padding:.25em .7em;border-bottom:1px solid #e5e8ee;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#5b6475}
            .v{display:inline-block;padding:.05em .55em;border-radius:.8em;font-weight:600;font-size:.9em}
            .drift{background:#fde2e1;color:#9b1c14}.watch{background:#fff1c7;color:#7a5300}.ok{background:#dff3e4;color:#1e6b35}.na{background:#e8eaef;color:#3c4454}
            .col{margin:1.2em 0 2em}.legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:-.1em}
            svg text{font:11px system-ui,sans-serif;fill:#3c4454}
            """;

    private MonitorPages() {
    }

    public static String drift(DriftReport r) {
        StringBuilder h = start("Drift: " + r.input() + " against " + r.bundle());
        driftBody(h, r);
        return end(h);
    }

    /** Drift and evaluation of the same data on one page (the evaluation may be null). */
    public static String page(DriftReport drift, Evaluation.Report evaluation) {
        StringBuilder h = start("Monitoring: " + drift.input() + " with " + drift.bundle());
        if (evaluation != null) {
            evaluationBody(h, evaluation);
        }
        driftBody(h, drift);
        return end(h);
    }

    private static void driftBody(StringBuilder h, DriftReport r) {
        h.append("<h1>Drift of <bdi>").append(esc(r.input())).append("</bdi></h1>\n<p class=\"muted\">Compared with the reference profile of <bdi>")
                .append(esc(r.bundle())).append("</bdi>: ").append(String.format(Locale.ROOT, "%,d", r.referenceRows())).append(" rows, ")
                .append(esc(r.referenceFrom())).append(".</p>\n");
        h.append("<p style=\"font-size:1.2em\">Verdict: ").append(badge(r.verdict())).append(" \u2014 ").append(esc(r.reason())).append("</p>\n");
        h.append("<p class=\"muted\">Rule: ").append(esc(r.rule())).append(".<br>").append(String.format(Locale.ROOT,
                "%,d rows read, %,d scored, %,d rejected (by the contract, or unreadable).", r.rows(), r.rowsScored(), r.rowsRejected())).append("</p>\n");
        h.append("<h2>Inputs</h2>\n");
        summaryTable(h, r.columns(), true);
        h.append("<h2>Model outputs</h2>\n");
        summaryTable(h, r.outputs(), false);
        h.append("<h2>Distributions</h2>\n<p class=\"legend muted\">Share of rows per bin:<span style=\"background:#8a94a8\"></span>reference"
                + "<span style=\"background:#2f6fdb\"></span>new data</p>\n");
        for (ColumnDrift c : r.columns()) {
            column(h, c);
        }
        for (ColumnDrift c : r.outputs()) {
            column(h, c);
        }
    }

    private static void summaryTable(StringBuilder h, List<ColumnDrift> columns, boolean inputs) {
        h.append("<table><tr><th>").append(inputs ? "column" : "output").append("</th><th>verdict</th>")
                .append(inputs ? "<th>importance</th>" : "").append("<th>PSI</th><th>distance</th><th>missing: reference \u2192 new</th><th>rows</th></tr>\n");
        for (ColumnDrift c : columns) {
            Test psi = c.tests().get(0);
            Test distance = c.tests().size() > 1 ? c.tests().get(1) : null;
            h.append("<tr><td><bdi>").append(esc(c.name())).append("</bdi></td><td>").append(badge(c.verdict())).append(' ')
                    .append(esc(c.summary())).append("</td>");
            if (inputs) {
                h.append("<td class=\"n\">").append(c.importance() == null ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * c.importance()))
                        .append("</td>");
            }
            h.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%.3f", psi.value())).append("</td><td class=\"n\">")
                    .append(distance == null ? "" : esc(distance.test()) + String.format(Locale.ROOT, " %.3f", distance.value()))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f%% \u2192 %.1f%%", 100 * c.referenceMissing(),
                            100 * c.missing())).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", c.rows())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void column(StringBuilder h, ColumnDrift c) {
        h.append("<div class=\"col\"><h3><bdi>").append(esc(c.name())).append("</bdi> ").append(badge(c.verdict())).append("</h3>\n");
        h.append("<table><tr><th>test</th><th>why</th><th>value</th><th>watch from</th><th>drift from</th><th>sampling noise</th><th>verdict</th></tr>\n");
        for (Test t : c.tests()) {
            h.append("<tr><td>").append(esc(t.test())).append("</td><td>").append(esc(t.why())).append(t.note() == null ? ""
                    : "<br><span class=\"muted\">" + esc(t.note()) + "</span>").append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.4f", t.value())).append("</td><td class=\"n\">").append(num(t.watch()))
                    .append("</td><td class=\"n\">").append(num(t.drift())).append("</td><td class=\"n\">").append(num(t.noise()))
                    .append("</td><td>").append(t.verdict() == null ? "<span class=\"muted\">not used</span>" : badge(t.verdict())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (c.mean() != null && c.referenceMean() != null) {
            h.append(String.format(Locale.ROOT, "<p class=\"muted\">Mean %s \u2192 %s; standard deviation %s \u2192 %s.</p>\n",
                    DriftCheck.number(c.referenceMean()), DriftCheck.number(c.mean()), DriftCheck.number(c.referenceStd()),
                    DriftCheck.number(c.std())));
        }
        bars(h, c.bins());
        if (c.unseen() != null) {
            h.append("<p>Values never seen in training: ");
            for (int i = 0; i < c.unseen().size(); i++) {
                ReferenceProfile.ValueCount v = c.unseen().get(i);
                h.append(i == 0 ? "" : ", ").append("<bdi>").append(esc(v.value())).append("</bdi> (")
                        .append(String.format(Locale.ROOT, "%,d", v.count())).append(")");
            }
            h.append("</p>\n");
        }
        h.append("</div>\n");
    }

    /** Reference and new shares side by side per bin, as an inline SVG bar chart. */
    private static void bars(StringBuilder h, List<Bin> bins) {
        int rowH = 18;
        int labelW = 220;
        int barW = 380;
        int height = bins.size() * rowH + 6;
        double max = 0;
        for (Bin b : bins) {
            max = Math.max(max, Math.max(b.reference(), b.current()));
        }
        double scale = max > 0 ? barW / max : 0;
        h.append("<svg role=\"img\" width=\"").append(labelW + barW + 140).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            int y = i * rowH + 3;
            String label = b.label().length() > 34 ? b.label().substring(0, 33) + "\u2026" : b.label();
            h.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 12).append("\" text-anchor=\"end\" direction=\"ltr\" unicode-bidi=\"isolate\">")
                    .append(esc(label)).append("</text>");
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"7\" fill=\"#8a94a8\"/>", labelW, y + 1,
                    b.reference() * scale));
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"7\" fill=\"#2f6fdb\"/>", labelW, y + 8,
                    b.current() * scale));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.1f%% \u2192 %.1f%%</text>%n", labelW + barW + 8, y + 12,
                    100 * b.reference(), 100 * b.current()));
        }
        h.append("</svg>\n");
    }

    public static String evaluation(Evaluation.Report r) {
        StringBuilder h = start("Evaluation: " + r.input() + " with " + r.bundle());
        evaluationBody(h, r);
        return end(h);
    }

    private static void evaluationBody(StringBuilder h, Evaluation.Report r) {
        h.append("<h1>How <bdi>").append(esc(r.bundle())).append("</bdi> does on <bdi>").append(esc(r.input())).append("</bdi></h1>\n");
        String css = switch (r.verdict()) {
            case "dropped" -> "drift";
            case "improved" -> "ok";
            default -> "na";
        };
        h.append("<p style=\"font-size:1.2em\"><span class=\"v ").append(css).append("\">").append(esc(r.verdict())).append("</span> ")
                .append(esc(r.statement())).append("</p>\n");
        h.append(String.format(Locale.ROOT, "<p class=\"muted\">%,d rows read; %,d evaluated; %,d rejected (by the contract, or unreadable); %,d without a true %s",
                r.rows(), r.rowsEvaluated(), r.rowsRejected(), r.rowsWithoutTarget(), "outcome"));
        if (r.unreadableTargets() > 0) {
            h.append(String.format(Locale.ROOT, "; %,d whose outcome is not a number", r.unreadableTargets()));
        }
        if (r.unknownLabels() != null) {
            h.append("; labels the model does not know: ");
            r.unknownLabels().forEach((k, v) -> h.append("<bdi>").append(esc(k)).append("</bdi> (").append(v).append(") "));
        }
        h.append(".</p>\n<h2>Metrics</h2>\n<table><tr><th>metric</th><th>now (95% CI)</th><th>bundle's held-out rows (95% CI)</th><th>difference</th><th></th></tr>\n");
        for (Evaluation.Comparison c : r.metrics()) {
            h.append("<tr><td>").append(esc(c.label())).append(c.metric().equals(r.mainMetric()) ? " <span class=\"muted\">(main)</span>" : "")
                    .append("</td><td class=\"n\">").append(estimate(c.metric(), c.now())).append("</td><td class=\"n\">")
                    .append(c.holdout() == null ? "\u2013" : estimate(c.metric(), c.holdout())).append("</td><td class=\"n\">")
                    .append(c.difference() == null ? "" : String.format(Locale.ROOT, "%+.4f", c.difference())).append("</td><td>")
                    .append(c.significant() ? "<span class=\"v " + (c.change().equals("worse") ? "drift" : "ok") + "\">significantly " + c.change() + "</span>"
                            : "<span class=\"muted\">within chance</span>").append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (r.confusion() != null) {
            h.append("<h2>Confusion matrix</h2>\n<p class=\"muted\">Rows: true class; columns: predicted.</p>\n<table><tr><th></th>");
            for (String c : r.classes()) {
                h.append("<th><bdi>").append(esc(c)).append("</bdi></th>");
            }
            h.append("</tr>\n");
            for (int i = 0; i < r.classes().size(); i++) {
                h.append("<tr><th><bdi>").append(esc(r.classes().get(i))).append("</bdi></th>");
                for (long v : r.confusion()[i]) {
                    h.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%,d", v)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        if (r.residuals() != null) {
            Evaluation.Residuals e = r.residuals();
            h.append("<h2>Residuals (true \u2212 predicted)</h2>\n").append(String.format(Locale.ROOT,
                    "<p>Mean %s, standard deviation %s, mean absolute %s.</p>%n", DriftCheck.number(e.mean()), DriftCheck.number(e.std()),
                    DriftCheck.number(e.meanAbsolute())));
            h.append("<table><tr>");
            e.quantiles().keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
            h.append("</tr><tr>");
            e.quantiles().values().forEach(v -> h.append("<td class=\"n\">").append(DriftCheck.number(v)).append("</td>"));
            h.append("</tr></table>\n");
        }
        if (r.groups() != null) {
            h.append("<h2>By <bdi>").append(esc(r.by())).append("</bdi></h2>\n<table><tr><th>group</th><th>rows</th><th>")
                    .append(esc(Metrics.label(r.mainMetric()))).append(" (95% CI)</th><th></th></tr>\n");
            for (Evaluation.Group g : r.groups()) {
                MetricEstimate e = g.metrics().get(r.mainMetric());
                h.append("<tr><td><bdi>").append(esc(g.value())).append("</bdi></td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", g.rows()))
                        .append("</td><td class=\"n\">").append(e == null ? "\u2013" : estimate(r.mainMetric(), e)).append("</td><td>")
                        .append(g.flagged() ? "<span class=\"v drift\">worse</span> " + esc(g.why()) : "").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static String estimate(String metric, MetricEstimate e) {
        return esc(Metrics.format(metric, e.value())) + " <span class=\"muted\">(" + esc(Metrics.format(metric, e.low())) + "\u2013"
                + esc(Metrics.format(metric, e.high())) + String.format(Locale.ROOT, ", %,d rows)", e.rows()) + "</span>";
    }

    private static StringBuilder start(String title) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\n<title>")
                .append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        return h;
    }

    private static String end(StringBuilder h) {
        h.append("<p class=\"muted\">Written by Baton ").append(esc(dev.baton.util.Versions.baton())).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static String badge(DriftReport.Verdict v) {
        String css = switch (v) {
            case DRIFT -> "drift";
            case WATCH -> "watch";
            case NO_DRIFT -> "ok";
            case NOT_ENOUGH_DATA -> "na";
        };
        return "<span class=\"v " + css + "\">" + v.label() + "</span>";
    }

    private static String num(Double v) {
        return v == null ? "" : v.isInfinite() ? "\u221e" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
