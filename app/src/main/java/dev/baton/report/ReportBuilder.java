package dev.baton.report;

import dev.baton.clean.StepResult;
import dev.baton.data.Dataset;
import dev.baton.data.FileSource;
import dev.baton.data.QuerySource;
import dev.baton.explore.Alert;
import dev.baton.explore.ColumnProfile;
import dev.baton.explore.DatasetProfile;
import dev.baton.explore.Exploration;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.explore.chart.Charts;
import dev.baton.train.Baseline;
import dev.baton.train.Comparison;
import dev.baton.train.Metrics;
import dev.baton.train.ModelCharts;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelRun;
import dev.baton.train.Ranking;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.train.TrainingState;
import dev.baton.util.Format;
import dev.baton.util.Markup;
import dev.baton.util.Progress;
import dev.baton.util.Versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a project into the report's content. Every number comes from the project's own data and results,
 * computed here the same way the workbench computes them; nothing is typed in by hand except the author's words.
 */
public final class ReportBuilder {

    /**
     * The expensive part of a report, the profiles and alerts of the data as imported and as cleaned: computed
     * once per data and alert settings, so that editing commentary re-renders quickly.
     */
    public record Analysis(Dataset data, Dataset source, dev.baton.explore.AlertSettings alertSettings, Exploration cleaned,
                           Exploration raw) {

        public boolean isFor(ReportInput in) {
            return data == in.data() && source == in.source() && alertSettings.equals(in.alertSettings());
        }
    }

    /**
     * Alerts a report lists: a table of thousands (every pair of a hundred correlated sensor columns) would bury the
     * rest; the workbench keeps them all.
     */
    static final int ALERT_ROWS = 40;

    private final ReportInput in;
    private final ReportSettings settings;
    private final Exploration cleaned;
    private final Exploration raw;

    private ReportBuilder(ReportInput in, Analysis analysis) {
        this.in = in;
        this.settings = in.settings();
        this.cleaned = analysis.cleaned();
        this.raw = analysis.raw();
    }

    public static ReportModel build(ReportInput in, Progress progress) {
        Analysis analysis = analyse(in, progress.slice(0, 0.65));
        return build(in, analysis, progress.slice(0.65, 1));
    }

    public static Analysis analyse(ReportInput in, Progress progress) {
        if (in.data() == null) {
            throw new dev.baton.util.UserException("The project has no data yet: open a dataset before making a report.");
        }
        progress.update(0, 100, "Profiling the cleaned data");
        Exploration cleaned = Exploration.forAlerts(in.data(), in.alertSettings(), progress.slice(0, 0.5));
        boolean recipeChangedData = in.steps().stream().anyMatch(s -> s.status() == StepResult.Status.APPLIED);
        Exploration raw = cleaned;
        if (recipeChangedData && in.source() != null) {
            progress.update(50, 100, "Profiling the data as imported");
            raw = Exploration.forAlerts(in.source(), in.alertSettings(), progress.slice(0.5, 1));
        }
        return new Analysis(in.data(), in.source(), in.alertSettings(), cleaned, raw);
    }

    public static ReportModel build(ReportInput in, Analysis analysis, Progress progress) {
        return new ReportBuilder(in, analysis).build(progress);
    }

    private ReportModel build(Progress progress) {
        progress.checkCancelled();
        List<ReportModel.ReportSection> sections = new ArrayList<>();
        for (Section s : Section.values()) {
            if (!settings.includes(s)) {
                continue;
            }
            progress.update(s.ordinal(), Section.values().length, "Writing " + s.title().toLowerCase(Locale.ROOT));
            List<Block> blocks = new ArrayList<>();
            String commentary = settings.commentary(s);
            if (!commentary.isBlank() && s != Section.TITLE) {
                blocks.add(new Block.Commentary(commentary));
            }
            switch (s) {
                case TITLE -> title(blocks);
                case DATA -> data(blocks);
                case QUALITY -> quality(blocks);
                case EXPLORATION -> exploration(blocks, progress);
                case MODELLING -> modelling(blocks);
                case MODEL_CARD -> modelCard(blocks);
                case LIMITATIONS -> limitations(blocks, commentary);
                case APPENDIX -> appendix(blocks);
            }
            sections.add(new ReportModel.ReportSection(s, s.title(), blocks));
            progress.checkCancelled();
        }
        progress.update(1, 1, "Done");
        String title = settings.title().isBlank() ? in.projectName() : settings.title();
        String date = settings.date() != null && !settings.date().isBlank() ? settings.date() : in.today().toString();
        return new ReportModel(title, settings.author(), date, datasetName(), sections, "Baton " + Versions.baton());
    }

    private String datasetName() {
        return in.data().source() != null ? in.data().source().fileName() : in.data().name();
    }

    // ---- title page ----

    private void title(List<Block> blocks) {
        if (in.dataNotice() != null) {
            blocks.add(new Block.Note(in.dataNotice()));
        }
        ModelResult best = chosen();
        if (best != null) {
            ModelRun.TrainedModel trained = in.leaderboard() == null ? null : in.leaderboard().get(best.algorithm());
            String line = BottomLine.of(best, in.training().baseline(), trained == null ? null : trained.holdout(),
                    in.training().setup().target(), in.training().setup().task());
            if (line != null) {
                blocks.add(new Block.Lead(line));
            }
        }
        if (!settings.summary().isBlank()) {
            blocks.add(new Block.Commentary(settings.summary()));
        }
        List<Block.Figure> figures = new ArrayList<>();
        DatasetProfile p = cleaned.profile();
        figures.add(new Block.Figure("rows analysed", Format.count(p.rows()), in.source() != null && in.source().rowCount() != p.rows()
                ? Format.count(in.source().rowCount()) + " before cleaning" : null));
        figures.add(new Block.Figure("columns", Format.count(p.columnCount()), null));
        long applied = in.steps().stream().filter(r -> r.status() == StepResult.Status.APPLIED).count();
        figures.add(new Block.Figure("cleaning steps", Long.toString(applied), null));
        figures.add(new Block.Figure("quality alerts", Integer.toString(cleaned.alerts().size()), "in the cleaned data"));
        ModelResult chosen = chosen();
        if (chosen != null) {
            String metric = in.training().setup().metric();
            figures.add(new Block.Figure("chosen model", chosen.label(), null));
            figures.add(new Block.Figure(Metrics.label(metric), metric(chosen.holdout().get(metric)), spreadText(chosen, metric)));
        }
        blocks.add(new Block.Figures(figures));
    }

    // ---- data overview ----

    private void data(List<Block> blocks) {
        Dataset data = in.data();
        DatasetProfile p = cleaned.profile();
        StringBuilder text = new StringBuilder();
        if (data.source() instanceof FileSource src) {
            text.append(String.format(Locale.ROOT, "The data comes from the file %s (%s, %s). ", Markup.isolate(src.fileName()),
                    src.options().format() == null ? "delimited text" : src.options().format().description(),
                    Format.bytes(src.sizeBytes())));
        } else if (data.source() instanceof QuerySource src) {
            text.append(String.format(Locale.ROOT, "The data comes from a query on the %s, read on %s UTC (%s rows). ",
                    Markup.isolate(src.connection().describe()),
                    src.readAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", ""),
                    Format.count(src.rows())));
        }
        text.append(String.format(Locale.ROOT, "After cleaning it has %s rows and %s columns; %s of its cells are missing",
                Format.count(p.rows()), Format.count(p.columnCount()), Format.percent(p.missingCellsPercent())));
        text.append(p.duplicateRows() > 0 ? String.format(Locale.ROOT, " and %s rows are exact duplicates of another.", Format.count(p.duplicateRows()))
                : " and no row is an exact duplicate of another.");
        blocks.add(new Block.Text(text.toString()));
        List<Block.Figure> figures = new ArrayList<>();
        figures.add(new Block.Figure("rows", Format.count(p.rows()), in.source() != null ? Format.count(in.source().rowCount()) + " as imported" : null));
        figures.add(new Block.Figure("columns", Format.count(p.columnCount()), in.source() != null ? Format.count(in.source().columnCount()) + " as imported" : null));
        figures.add(new Block.Figure("missing cells", Format.percent(p.missingCellsPercent()), Format.count(p.missingCells()) + " cells"));
        blocks.add(new Block.Figures(figures));
        if (data.source() instanceof QuerySource src) {
            blocks.add(new Block.Table("Where the data came from", List.of("", ""), List.of(
                    List.of("Database", src.connection().describe()),
                    List.of("Query", src.sql().strip()),
                    List.of("Read at", src.readAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (UTC)"),
                    List.of("Rows returned", Format.count(src.rows())),
                    List.of("SHA-256 of the result", src.fingerprint())), List.of(false, false)));
            blocks.add(new Block.Note("The same fingerprint means the query returned the same rows in the same order, "
                    + "so the report can be reproduced from the same data."));
        } else if (data.source() != null && data.source().fingerprint() != null) {
            blocks.add(new Block.Note("SHA-256 of the file: " + data.source().fingerprint()
                    + ". The same fingerprint means the same bytes, so the report can be reproduced from the same file."));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ColumnProfile c : p.columns()) {
            rows.add(List.of(c.name(), c.type().label(), Format.count(c.missing()) + " (" + Format.percent(c.missingPercent()) + ")",
                    Format.count(c.distinct()), example(c)));
        }
        blocks.add(new Block.Table("The columns after cleaning", List.of("column", "type", "missing", "distinct values", "most frequent value"),
                rows, List.of(false, false, true, true, false)));
    }

    private static String example(ColumnProfile c) {
        if (c.top() == null || c.top().isEmpty()) {
            return "";
        }
        var top = c.top().get(0);
        return Markup.isolate(top.value()) + " (" + Format.count(top.count()) + ")";
    }

    // ---- data quality ----

    private void quality(List<Block> blocks) {
        List<Alert> found = raw.alerts();
        Set<String> remaining = new HashSet<>();
        for (Alert a : cleaned.alerts()) {
            remaining.add(key(a));
        }
        if (found.isEmpty()) {
            blocks.add(new Block.Text("Baton's quality checks found nothing to warn about in the data as imported."));
        } else {
            long resolved = raw == cleaned ? 0 : found.stream().filter(a -> !remaining.contains(key(a))).count();
            blocks.add(new Block.Text(String.format(Locale.ROOT, "Baton's quality checks raised %d alert%s on the data as imported%s.",
                    found.size(), found.size() == 1 ? "" : "s",
                    raw == cleaned ? "" : "; " + resolved + " of them no longer apply after cleaning")));
            List<List<String>> rows = new ArrayList<>();
            for (Alert a : found.subList(0, Math.min(found.size(), ALERT_ROWS))) {
                rows.add(List.of(a.kind().label(), String.join(", ", a.columns()), a.message(),
                        raw == cleaned || remaining.contains(key(a)) ? "still present" : "resolved by cleaning"));
            }
            blocks.add(new Block.Table("Quality alerts", List.of("alert", "columns", "evidence", "after cleaning"), rows,
                    List.of(false, false, false, false)));
            if (found.size() > ALERT_ROWS) {
                blocks.add(new Block.Text(String.format(Locale.ROOT, "The table shows the first %d; the other %d (%s) are "
                        + "listed in the project's Explore stage.", ALERT_ROWS, found.size() - ALERT_ROWS,
                        countsByKind(found.subList(ALERT_ROWS, found.size())))));
            }
        }
        List<String> items = new ArrayList<>();
        for (StepResult r : in.steps()) {
            items.add(stepInWords(r));
        }
        if (items.isEmpty()) {
            blocks.add(new Block.Text("No cleaning steps were applied: the analysis uses the data as imported."));
        } else {
            blocks.add(new Block.Text("The cleaning steps, in the order they were applied:"));
            blocks.add(new Block.Steps(items));
        }
    }

    /** "250 high correlation, 3 skewed": how many of each kind, most first. */
    private static String countsByKind(List<Alert> alerts) {
        Map<Alert.Kind, Long> counts = new EnumMap<>(Alert.Kind.class);
        for (Alert a : alerts) {
            counts.merge(a.kind(), 1L, Long::sum);
        }
        return counts.entrySet().stream().sorted(Map.Entry.<Alert.Kind, Long>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    private static String key(Alert a) {
        return a.kind() + ":" + String.join(",", a.columns());
    }

    static String stepInWords(StepResult r) {
        String what = r.step().operation().describe();
        if (r.status() == StepResult.Status.APPLIED && r.change() != null && !r.change().renamed().isEmpty()
                && r.change().added().isEmpty() && r.change().removed().isEmpty() && r.change().cellsChanged() == 0) {
            return what; // a rename says it all
        }
        return switch (r.status()) {
            case DISABLED -> what + " (switched off; not applied)";
            case FAILED -> what + " (could not apply: " + r.problem() + ")";
            case APPLIED -> {
                String change = r.change() == null ? "" : r.change().summary();
                yield what + (change.isBlank() ? "" : ": " + change) + (r.note() == null ? "" : " (" + r.note() + ")");
            }
        };
    }

    // ---- exploration ----

    private void exploration(List<Block> blocks, Progress progress) {
        if (in.pins().isEmpty()) {
            blocks.add(new Block.Note("No charts were pinned in Explore."));
            return;
        }
        for (ChartSpec pin : in.pins()) {
            progress.checkCancelled();
            try {
                blocks.add(new Block.Chart(Charts.data(in.data(), pin, Progress.NONE), pin.caption()));
            } catch (RuntimeException e) {
                blocks.add(new Block.Note("A pinned " + pin.kind().label().toLowerCase(Locale.ROOT) + " could not be drawn: " + e.getMessage()));
            }
        }
    }

    // ---- modelling ----

    private ModelResult chosen() {
        TrainingState t = in.training();
        if (t == null || t.results().isEmpty()) {
            return null;
        }
        ModelResult chosen = t.chosenResult();
        return chosen != null ? chosen : t.results().get(0);
    }

    private void modelling(List<Block> blocks) {
        TrainingState t = in.training();
        ModelResult chosen = chosen();
        if (chosen == null) {
            blocks.add(new Block.Note("No model has been trained in this project yet."));
            return;
        }
        TrainingSetup s = t.setup();
        String metric = s.metric();
        Task task = s.task();
        int cvRows = chosen.trainRows();
        int heldOut = chosen.testRows();
        boolean cv = Ranking.byCrossValidation(s);
        blocks.add(new Block.Text(String.format(Locale.ROOT,
                "The task is %s of %s from %d column%s. First, %d%% of the %s rows with a value for %s (%s rows) were set aside%s "
                        + "with seed %d; no model saw them while it was trained or compared. %s",
                task == Task.CLASSIFICATION ? "classification" : "regression", Markup.isolate(s.target()), s.features().size(),
                s.features().size() == 1 ? "" : "s", Math.round(s.holdout() * 100), Format.count(cvRows + heldOut), Markup.isolate(s.target()),
                Format.count(heldOut), task == Task.CLASSIFICATION ? ", keeping each class's share," : "", s.seed(),
                cv ? String.format(Locale.ROOT, "The %d model%s %s compared by %d-fold cross-validation on the other %s rows and "
                                + "ranked by the mean %s over the folds. Each was then trained on all %s of those rows and scored once "
                                + "on the held-out rows: that is the final estimate of how it will do on new data.",
                        t.results().size(), t.results().size() == 1 ? "" : "s", t.results().size() == 1 ? "was" : "were", s.folds(),
                        Format.count(cvRows), Metrics.label(metric), Format.count(cvRows))
                        : String.format(Locale.ROOT, "The %d model%s %s trained on the other %s rows and, with no cross-validation, "
                                + "ranked by %s on the held-out rows; as those rows also chose the model, its figure there is slightly "
                                + "optimistic.", t.results().size(), t.results().size() == 1 ? "" : "s",
                        t.results().size() == 1 ? "was" : "were", Format.count(cvRows), Metrics.label(metric)))));
        List<String> names = Metrics.names(task).stream().filter(m -> chosen.holdout().containsKey(m)).toList();
        List<String> headers = new ArrayList<>(List.of("algorithm"));
        if (cv) {
            headers.add(Metrics.label(metric) + ", cross-validation (mean \u00b1 sd)");
        }
        names.forEach(m -> headers.add(Metrics.label(m) + ", held out"));
        List<List<String>> rows = new ArrayList<>();
        List<ModelResult> ranked = Ranking.rank(t.results(), metric);
        ModelResult baseline = t.baseline();
        List<String> notBeating = new ArrayList<>();
        List<ModelResult> shown = new ArrayList<>(ranked);
        if (baseline != null) {
            shown.add(baseline);
        }
        for (ModelResult r : shown) {
            boolean isBaseline = r == baseline;
            boolean beats = isBaseline || Baseline.beaten(r, baseline, metric);
            if (!beats) {
                notBeating.add(r.label());
            }
            List<String> row = new ArrayList<>(List.of(r.label() + (r.algorithm().equals(chosen.algorithm()) ? " (chosen)" : "")
                    + (beats ? "" : " \u2014 not better than the baseline")));
            if (cv) {
                Metrics.Spread spread = r.cv() == null ? null : r.cv().get(metric);
                row.add(spread == null ? "" : metric(spread.mean()) + " \u00b1 " + metric(spread.std()));
            }
            names.forEach(m -> row.add(metric(r.holdout().get(m))));
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        if (cv) {
            numeric.add(true);
        }
        names.forEach(m -> numeric.add(true));
        blocks.add(new Block.Table("Leaderboard, ranked by " + Ranking.basis(s, cvRows, heldOut) + "; " + Ranking.holdoutBasis(heldOut),
                headers, rows, numeric));
        if (baseline != null) {
            blocks.add(new Block.Text(baseline.label() + (task == Task.CLASSIFICATION
                    ? " always predicts the class most common in the training rows; a useful model must do better."
                    : " always predicts the training rows' average; a useful model must do better.")));
        }
        if (!notBeating.isEmpty()) {
            blocks.add(new Block.Note(String.join(", ", notBeating) + (notBeating.size() == 1 ? " does" : " do")
                    + " not beat the baseline in " + Metrics.label(metric) + ": " + (notBeating.size() == 1 ? "it has" : "they have")
                    + " learned nothing a constant guess would not give."));
        }
        comparison(blocks, ranked, chosen, metric);
        SearchSummary.add(blocks, t, chosen);

        List<List<String>> detail = new ArrayList<>();
        for (String m : names) {
            Metrics.Spread spread = chosen.cv() == null ? null : chosen.cv().get(m);
            double[] range = range(chosen, m);
            detail.add(List.of(Metrics.label(m), metric(chosen.holdout().get(m)),
                    spread == null ? "" : metric(spread.mean()) + " \u00b1 " + metric(spread.std()),
                    range == null ? "" : metric(range[0]) + " to " + metric(range[1])));
        }
        blocks.add(new Block.Text(String.format(Locale.ROOT, "The chosen model is %s, trained on %s rows and tested on %s held-out rows.",
                chosen.label(), Format.count(chosen.trainRows()), Format.count(chosen.testRows()))));
        blocks.add(new Block.Table("Metrics of " + chosen.label(), List.of("metric", "held-out rows", "cross-validation mean \u00b1 sd", "range across folds"),
                detail, List.of(false, true, true, true)));
        groups(blocks, chosen, s);
        if (task == Task.CLASSIFICATION) {
            if (chosen.perClass() != null) {
                List<List<String>> classes = new ArrayList<>();
                for (Metrics.ClassScores c : chosen.perClass()) {
                    classes.add(List.of(c.label(), metric(c.precision()), metric(c.recall()), metric(c.f1()), Format.count(c.support())));
                }
                blocks.add(new Block.Table("Per class (held-out rows)", List.of("class", "precision", "recall", "F1", "rows"), classes,
                        List.of(false, true, true, true, true)));
                imbalance(blocks, chosen);
            }
            if (chosen.confusion() != null) {
                blocks.add(new Block.Chart(ModelCharts.confusion(chosen), "Each row is the true class, each column the predicted one; "
                        + "the diagonal holds the correct predictions."));
            }
        } else {
            ModelRun.TrainedModel trained = in.leaderboard() == null ? null : in.leaderboard().get(chosen.algorithm());
            if (trained != null) {
                blocks.add(new Block.Chart(ModelCharts.predictedVsActual(chosen, trained.holdout(), s.target()),
                        "Points on the diagonal are exact predictions."));
                blocks.add(new Block.Chart(ModelCharts.residuals(chosen, trained.holdout(), s.target()),
                        "Residuals (actual minus predicted) should scatter evenly around zero."));
            } else {
                blocks.add(new Block.Note("The residual plots need the trained model, which was not loaded; train again to include them."));
            }
        }
        if (chosen.importance() != null && !chosen.importance().isEmpty()) {
            blocks.add(new Block.Chart(ModelCharts.importance(chosen), "Which columns the model relies on most."));
            effects(blocks, chosen, s);
        }
    }

    /** How the most important numeric columns move the prediction: partial dependence, in a chart and a sentence each. */
    private void effects(List<Block> blocks, ModelResult chosen, TrainingSetup s) {
        ModelRun.TrainedModel trained = in.leaderboard() == null ? null : in.leaderboard().get(chosen.algorithm());
        if (trained == null) {
            return;
        }
        weights(blocks, trained, s);
        List<String> top = chosen.importance().stream().sorted(Comparator.comparingDouble(dev.baton.train.Importance::value).reversed())
                .map(dev.baton.train.Importance::column)
                .filter(c -> in.data().hasColumn(c) && in.data().type(c).isNumeric()).limit(3).toList();
        List<dev.baton.train.PartialDependence.Curve> curves = dev.baton.train.PartialDependence.of(in.data(), s, trained, top);
        if (curves.isEmpty()) {
            return;
        }
        blocks.add(new Block.Text("How the most important numeric columns move the prediction: each is set to values across its usual "
                + "range in training rows while the other columns keep their own values, and the model's predictions are averaged "
                + "(partial dependence)."));
        for (dev.baton.train.PartialDependence.Curve curve : curves) {
            blocks.add(new Block.Chart(dev.baton.train.PartialDependence.chart(curve, s.task(), s.target()), effectInWords(curve, s)));
        }
    }

    /** A linear model's weights: which way and how hard each prepared feature pushes, for each class. */
    private void weights(List<Block> blocks, ModelRun.TrainedModel trained, TrainingSetup s) {
        List<dev.baton.train.LinearWeights.Weight> weights = dev.baton.train.LinearWeights.of(trained.model(), 12);
        if (weights.isEmpty()) {
            return;
        }
        List<String> outputs = new ArrayList<>(weights.get(0).byOutput().keySet());
        boolean classification = s.task() == Task.CLASSIFICATION;
        List<String> headers = new ArrayList<>(List.of("feature"));
        outputs.forEach(o -> headers.add(classification ? o : "weight"));
        List<List<String>> rows = new ArrayList<>();
        for (dev.baton.train.LinearWeights.Weight w : weights) {
            List<String> row = new ArrayList<>(List.of(w.feature().replace("@", " = ")));
            outputs.forEach(o -> row.add(w.byOutput().containsKey(o) ? String.format(Locale.ROOT, "%+.3f", w.byOutput().get(o)) : ""));
            rows.add(row);
        }
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        outputs.forEach(o -> numeric.add(true));
        blocks.add(new Block.Text("The model is linear, so its weights say how each column pushes the prediction: a positive weight pushes "
                + (classification ? "towards the class" : "the prediction up") + ", a negative one "
                + (classification ? "away from it" : "down") + ". Numbers were standardized, so a weight is the push of one standard "
                + "deviation more; for a category, of the row being in it" + (classification ? " (on the log-odds)."
                : trained.preparation().target() != null ? " (in standard deviations of " + Markup.isolate(s.target()) + ")."
                : " (in " + Markup.isolate(s.target()) + "'s units).")));
        blocks.add(new Block.Table("Largest weights of the linear model", headers, rows, numeric));
    }

    /** The series that moves most, from the grid's first value to its last. */
    private static String effectInWords(dev.baton.train.PartialDependence.Curve curve, TrainingSetup s) {
        int best = 0;
        double[][] a = curve.average();
        int last = curve.grid().length - 1;
        for (int k = 1; k < a.length; k++) {
            if (Math.abs(a[k][last] - a[k][0]) > Math.abs(a[best][last] - a[best][0])) {
                best = k;
            }
        }
        String what = s.task() == Task.CLASSIFICATION ? "the probability of " + Markup.isolate(curve.series().get(best))
                : "the predicted " + Markup.isolate(s.target());
        String from = s.task() == Task.CLASSIFICATION ? Math.round(100 * a[best][0]) + "%" : BottomLine.significant(a[best][0]);
        String to = s.task() == Task.CLASSIFICATION ? Math.round(100 * a[best][last]) + "%" : BottomLine.significant(a[best][last]);
        return String.format(Locale.ROOT, "As %s goes from %s to %s, %s goes from %s to %s on average.", Markup.isolate(curve.feature()),
                BottomLine.significant(curve.grid()[0]), BottomLine.significant(curve.grid()[last]), what, from, to);
    }

    /** The chosen model's figure within each group of the categorical columns, the clearly worse groups flagged. */
    private void groups(List<Block> blocks, ModelResult chosen, TrainingSetup s) {
        ModelRun.TrainedModel trained = in.leaderboard() == null ? null : in.leaderboard().get(chosen.algorithm());
        if (trained == null || trained.holdout() == null || trained.holdout().size() == 0) {
            return;
        }
        List<GroupMetrics.Group> groups = GroupMetrics.of(in.data(), s.target(), s.task(), trained.holdout());
        if (groups.isEmpty()) {
            return;
        }
        boolean classification = s.task() == Task.CLASSIFICATION;
        List<List<String>> rows = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        for (GroupMetrics.Group g : groups) {
            rows.add(List.of(g.column(), g.group(), Format.count(g.rows()), g.figure(), g.worse() ? "clearly worse" : ""));
            if (g.worse()) {
                worse.add(Markup.isolate(g.column()) + " = " + Markup.isolate(g.group()));
            }
        }
        blocks.add(new Block.Text(worse.isEmpty()
                ? "No group of the held-out rows is clearly worse served than the rest (by the 95% intervals below)."
                : "The model is clearly worse for " + String.join(", ", worse) + " than overall (by the 95% intervals below): "
                        + "check these groups before relying on it for them."));
        blocks.add(new Block.Table("Where the model works and where it does not: " + (classification
                ? "accuracy on the held-out rows of each group, with its 95% interval"
                : "mean absolute error on the held-out rows of each group, ± its 95% margin"),
                List.of("column", "group", "held-out rows", classification ? "accuracy" : "mean absolute error", ""), rows,
                List.of(false, false, true, true, false)));
    }

    private void comparison(List<Block> blocks, List<ModelResult> ranked, ModelResult chosen, String metric) {
        if (ranked.size() < 2 || chosen.folds() == null) {
            return;
        }
        ModelResult other = ranked.get(0).algorithm().equals(chosen.algorithm()) ? ranked.get(1) : ranked.get(0);
        Comparison c = Comparison.of(chosen, other, metric);
        if (c == null) {
            return;
        }
        blocks.add(new Block.Text(String.format(Locale.ROOT,
                "Compared with %s over the %d cross-validation folds, %s differs by %+.4f in %s on average (corrected resampled t-test, p = %.3f): %s.",
                other.label(), c.folds(), chosen.label(), c.meanDifference(), Metrics.label(metric), c.pValue(),
                c.significant(0.05) ? "a real difference at the 5% level" : "not a significant difference, so either model would do")));
    }

    /** Class imbalance is a caveat a stakeholder should see next to accuracy. */
    private void imbalance(List<Block> blocks, ModelResult chosen) {
        long max = 0;
        long min = Long.MAX_VALUE;
        String rare = null;
        for (Metrics.ClassScores c : chosen.perClass()) {
            if (c.support() > max) {
                max = c.support();
            }
            if (c.support() < min) {
                min = c.support();
                rare = c.label();
            }
        }
        if (min > 0 && max >= 3 * min) {
            blocks.add(new Block.Note(String.format(Locale.ROOT, "The classes are imbalanced: %s has %s held-out rows against %s for the largest class. "
                    + "Balanced accuracy and macro F1 weigh every class equally and are the fairer measures here.", Markup.isolate(rare), Format.count(min), Format.count(max))));
        }
    }

    private static double[] range(ModelResult r, String metric) {
        if (r.folds() == null || r.folds().isEmpty()) {
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map<String, Double> f : r.folds()) {
            Double v = f.get(metric);
            if (v != null && !v.isNaN()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Double.isInfinite(lo) ? null : new double[]{lo, hi};
    }

    private static String spreadText(ModelResult r, String metric) {
        if (r.cv() == null || !r.cv().containsKey(metric)) {
            return null;
        }
        Metrics.Spread s = r.cv().get(metric);
        return metric(s.mean()) + " \u00b1 " + metric(s.std()) + " across folds";
    }

    static String metric(Double v) {
        return v == null || v.isNaN() ? "\u2013" : String.format(Locale.ROOT, "%.4f", v);
    }

    // ---- limitations ----

    private void limitations(List<Block> blocks, String commentary) {
        if (!commentary.isBlank()) {
            return;
        }
        List<String> caveats = caveats();
        if (caveats.isEmpty()) {
            blocks.add(new Block.Note("The author has not written this section yet."));
        } else {
            blocks.add(new Block.Note("The author has not written this section. These caveats were generated by Baton from the training:"));
            blocks.add(new Block.Steps(caveats));
        }
    }

    /** The chosen model's caveats, found from its training; none without a model. */
    private List<String> caveats() {
        ModelResult chosen = chosen();
        return chosen == null ? List.of() : dev.baton.train.ModelCaveats.of(chosen, in.data(), in.training().setup());
    }

    // ---- model card ----

    private void modelCard(List<Block> blocks) {
        ModelResult chosen = chosen();
        if (chosen == null) {
            blocks.add(new Block.Note("No model has been trained in this project yet."));
            return;
        }
        var card = in.modelCard();
        TrainingSetup s = in.training().setup();
        String notWritten = "(not written by the author)";
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Model", chosen.label() + ", " + (s.task() == Task.CLASSIFICATION ? "classifying " : "predicting ")
                + Markup.isolate(s.target()) + " from " + s.features().size() + " column" + (s.features().size() == 1 ? "" : "s")));
        rows.add(List.of("Intended use", card.intendedUse().isBlank() ? notWritten : card.intendedUse()));
        rows.add(List.of("Out of scope and limitations", card.limitations().isBlank() ? notWritten : card.limitations()));
        rows.add(List.of("Owner and contact", card.contact().isBlank() ? notWritten : card.contact()));
        rows.add(List.of("Trained on", String.format(Locale.ROOT, "%s rows of %s; tested on %s held-out rows",
                Format.count(chosen.trainRows()), Markup.isolate(datasetName()), Format.count(chosen.testRows()))));
        if (in.data().source() != null && in.data().source().fingerprint() != null) {
            rows.add(List.of("Data fingerprint", "SHA-256 " + in.data().source().fingerprint()
                    + (in.data().source() instanceof QuerySource q ? " of the result of a query on the " + q.connection().describe() : "")));
        }
        var bundle = in.bundle();
        if (bundle != null && bundle.algorithm().equals(chosen.algorithm())) {
            rows.add(List.of("Model bundle", Markup.isolate(bundle.file()) + ", SHA-256 " + bundle.sha256()
                    + " (check a copy with sha256sum before scoring with it)"));
        } else {
            rows.add(List.of("Model bundle", "none exported from the project as it is now"));
        }
        rows.add(List.of("Made with", "Baton " + Versions.baton()));
        blocks.add(new Block.Table("The model card, as the model bundle carries it", List.of("field", "value"), rows, List.of(false, false)));
        blocks.add(new Block.Text("Caveats, generated by Baton from the training:"));
        blocks.add(new Block.Steps(caveats()));
    }

    // ---- appendix ----

    private void appendix(List<Block> blocks) {
        List<List<String>> rows = new ArrayList<>();
        for (ColumnProfile c : cleaned.profile().columns()) {
            boolean numeric = c.mean() != null;
            boolean code = Format.isCode(c.name(), c.type() == dev.baton.data.ColumnType.INTEGER, c.min(), c.max());
            rows.add(List.of(c.name(), c.type().label(), Format.count(c.count()), Format.count(c.missing()), Format.count(c.distinct()),
                    numeric ? Format.number(c.mean(), code) : "", numeric ? Format.number(c.std()) : "",
                    c.min() != null ? Format.number(c.min(), code) : nullToEmpty(c.first()),
                    c.median() != null ? Format.number(c.median(), code) : "",
                    c.max() != null ? Format.number(c.max(), code) : nullToEmpty(c.last())));
        }
        blocks.add(new Block.Table("Column profile (cleaned data)", List.of("column", "type", "values", "missing", "distinct", "mean", "sd", "min",
                "median", "max"), rows, List.of(false, false, true, true, true, true, true, true, true, true)));
        if (!in.steps().isEmpty()) {
            List<String> steps = new ArrayList<>();
            for (StepResult r : in.steps()) {
                var op = r.step().operation();
                steps.add(op.describe() + (r.step().enabled() ? "" : " [off]") + (op.rowWise() ? " \u2014 applied to every scored row" : " \u2014 training data only"));
            }
            blocks.add(new Block.Text("The recipe (saved in the project, and in the model bundle for the steps that apply to each row):"));
            blocks.add(new Block.Steps(steps));
        }
        ModelResult chosen = chosen();
        if (chosen != null) {
            List<List<String>> glossary = new ArrayList<>();
            for (String m : Metrics.names(in.training().setup().task())) {
                if (chosen.holdout().containsKey(m)) {
                    glossary.add(List.of(Metrics.label(m), Metrics.meaning(m)));
                }
            }
            glossary.add(List.of("held-out rows", "Rows set aside before training and used once, at the end, to measure the chosen "
                    + "model: the best estimate of how it will do on new data."));
            glossary.add(List.of("cross-validation", "The training rows split into folds; each model is trained on all but one fold and "
                    + "tested on that one, in turn. The mean over the folds ranks the models; the spread shows how stable they are."));
            glossary.add(List.of("95% confidence interval", "The range that would contain the true figure in 95 of 100 repetitions "
                    + "of the test on other rows like these."));
            blocks.add(new Block.Table("Glossary of the figures in this report", List.of("term", "meaning"), glossary, List.of(false, false)));
        }
        List<List<String>> env = new ArrayList<>();
        for (Map.Entry<String, String> e : Versions.libraries().entrySet()) {
            env.add(List.of(e.getKey(), e.getValue()));
        }
        env.add(List.of("operating system", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        blocks.add(new Block.Table("Environment and library versions", List.of("component", "version"), env, List.of(false, false)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
