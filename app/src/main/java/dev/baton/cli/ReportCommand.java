package dev.baton.cli;

import dev.baton.util.SourceDate;
import dev.baton.project.ProjectLoader;
import dev.baton.report.ReportBuilder;
import dev.baton.report.ReportFiles;
import dev.baton.report.ReportModel;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code report <project> --html F --pdf F}: the stakeholder report of a saved project, without the window. */
@Command(name = "report", description = "Render a saved project's report as self-contained HTML and/or PDF.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project folder (NAME.baton-project) or its project.json.")
    Path project;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the interactive HTML report here.")
    Path html;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report here.")
    Path pdf;

    @Option(names = "--allow-changed-data", description = "Report even when the data file is not the one the project was saved with "
            + "(the title page then says so).")
    boolean allowChangedData;

    @Override
    public Integer call() throws Exception {
        if (html == null && pdf == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --html FILE, --pdf FILE, or both");
        }
        PrintWriter err = spec.commandLine().getErr();
        ProjectLoader.Opened opened = ProjectLoader.open(project, Progress.NONE);
        opened.warnings().forEach(w -> err.println("baton: warning: " + w));
        if (opened.dataChange() != null) {
            if (!allowChangedData) {
                throw new dev.baton.util.UserException(opened.dataChange().refusal("Give --allow-changed-data to use the new data anyway."));
            }
            err.println("baton: warning: " + opened.dataChange().notice(true));
            opened.project().noteChangedData(opened.dataChange().notice(true));
        }
        ReportModel model = ReportBuilder.build(opened.project().reportInput(SourceDate.today()), Progress.NONE);
        Instant now = SourceDate.now();
        if (html != null) {
            ReportFiles.writeHtml(model, html, now);
            err.printf("Wrote %s (%,d KB)%n", html, Files.size(html) / 1024);
        }
        if (pdf != null) {
            ReportFiles.writePdf(model, pdf, now, Progress.NONE);
            err.printf("Wrote %s (%,d KB)%n", pdf, Files.size(pdf) / 1024);
        }
        err.flush();
        return 0;
    }
}
