package dev.baton.cli;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.FillMissing;
import dev.baton.data.Dataset;
import dev.baton.explore.Correlations;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.project.Project;
import dev.baton.report.HtmlReport;
import dev.baton.report.PdfReport;
import dev.baton.report.ReportBuilder;
import dev.baton.report.ReportInput;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report benchmark: a project on the 1M-row file with a cleaning step, four pinned charts and a trained
 * logistic regression; then the whole report from that project (profiles, alerts, charts, modelling) as HTML,
 * and as PDF. Training is done once beforehand and not timed.
 */
final class ReportBench {

    private ReportBench() {
    }

    static void run(BenchCommand bench, Dataset data) {
        Project project = new Project();
        project.setData(data);
        CleaningHistory history = project.history();
        project.apply(history.compute(history.withAdded(new FillMissing(List.of("income"), FillMissing.Method.MEDIAN, null)), "fill",
                Progress.NONE));
        project.pin(ChartSpec.histogram("income", 40).withCaption("Income is skewed to the right."));
        project.pin(ChartSpec.bar("region"));
        project.pin(ChartSpec.scatter("age", "income", "segment"));
        project.pin(ChartSpec.heatmap(Correlations.Measure.PEARSON));
        String target = "active";
        TrainingSetup setup = new TrainingSetup(target, Task.CLASSIFICATION, Features.included(Features.suggest(project.dataset(), target)),
                0.2, 0, 42, List.of(AlgorithmChoice.of("logistic-regression")), null);
        bench.out().println("  training logistic regression for the modelling section (not timed)");
        bench.out().flush();
        project.setLeaderboard(Experiment.run(project.dataset(), setup, Experiment.Listener.NONE, Progress.NONE));
        ReportInput input = project.reportInput(LocalDate.now());
        String[] html = new String[1];
        bench.time("report: HTML from the project (profiles, alerts, 4 pinned charts, modelling, plotly inlined)", () ->
                html[0] = HtmlReport.render(ReportBuilder.build(input, Progress.NONE), HtmlReport.Mode.INTERACTIVE, Instant.now()));
        bench.out().printf("  HTML size %.1f MB%n", html[0].length() / 1e6);
        long[] size = new long[1];
        bench.time("report: PDF from the project (the same, charts as vector graphics)", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                PdfReport.write(ReportBuilder.build(input, Progress.NONE), Instant.now(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            size[0] = out.size();
        });
        bench.out().printf("  PDF size %.1f MB%n", size[0] / 1e6);
    }
}
