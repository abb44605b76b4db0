package dev.baton.cli;

import dev.baton.util.SourceDate;
import dev.baton.bundle.BundleExporter;
import dev.baton.project.Project;
import dev.baton.project.ProjectLoader;
import dev.baton.project.ProjectStore;
import dev.baton.report.ReportBuilder;
import dev.baton.report.ReportFiles;
import dev.baton.report.ReportModel;
import dev.baton.train.Experiment;
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

/**
 * {@code run <project> [--out DIR]}: re-runs a saved project from its data file, headless (import with the saved
 * options, the recipe, training with the saved setup and seed), and writes its report and bundle.
 */
@Command(name = "run", description = "Re-run a saved project headlessly (import, recipe, training) and write its report (HTML, PDF) and bundle.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "The project folder (NAME.baton-project).")
    Path project;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the results (default: the project folder's out/).")
    Path out;

    @Option(names = "--allow-changed-data", description = "Run even when the data file is not the one the project was saved with "
            + "(the report's title page then says so).")
    boolean allowChangedData;

    @Option(names = "--update", description = "Save the retrained models and their results back into the project.")
    boolean update;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ProjectLoader.Loaded loaded = ProjectLoader.load(project, false, Progress.NONE);
        loaded.warnings().forEach(w -> err.println("baton: warning: " + w));
        if (loaded.dataChange() != null && !allowChangedData) {
            throw new dev.baton.util.UserException(loaded.dataChange().refusal("Give --allow-changed-data to use the new data anyway."));
        }
        Project p = new Project();
        loaded.applyTo(p);
        if (loaded.dataChange() != null) {
            err.println("baton: warning: " + loaded.dataChange().notice(false));
            p.noteChangedData(loaded.dataChange().notice(false));
        }
        String name = ProjectStore.nameOf(loaded.folder());
        Path dir = out != null ? out : loaded.folder().resolve("out");
        Files.createDirectories(dir);
        err.printf("%s: %,d rows after %d recipe steps%n", name, p.dataset().rowCount(), p.recipe().steps().size());
        if (p.trainingSetup() != null) {
            String chosen = p.chosen();
            Experiment.Leaderboard board = Experiment.run(p.dataset(), p.trainingSetup(), Experiment.Listener.NONE, Progress.NONE);
            p.setLeaderboard(board);
            if (chosen != null && board.get(chosen) != null) {
                p.choose(chosen);
            }
            board.failures().forEach((a, why) -> err.println("baton: warning: " + a + " failed: " + why));
            err.printf("trained %d model%s; chosen: %s%n", board.models().size(), board.models().size() == 1 ? "" : "s", p.chosen());
        }
        if (update) {
            if (p.leaderboard() == null) {
                throw new dev.baton.util.UserException("Nothing to update: the project has no training setup.");
            }
            ProjectStore.save(p.toFile(), loaded.folder(), p.leaderboard().models());
            err.printf("Updated %s with the retrained models%n", loaded.folder());
        }
        Instant now = SourceDate.now();
        // The bundle first, so that the report names it (file and SHA-256).
        if (p.chosenModel() != null) {
            Path bundle = dir.resolve(name + ".baton");
            BundleExporter.Report r = BundleExporter.export(p.bundleRequest(now), bundle, Progress.NONE);
            p.noteExported(r.exported(p.chosenModel().result().algorithm()));
            err.printf("Wrote %s: %s, reproduced on %,d held-out rows%s%n", bundle, p.chosenModel().result().label(), r.parityRows(),
                    r.onnx() ? ", with ONNX" : "");
        } else {
            err.println("No bundle: the project has no trained model.");
        }
        ReportModel report = ReportBuilder.build(p.reportInput(SourceDate.today()), Progress.NONE);
        Path html = dir.resolve(name + "-report.html");
        Path pdf = dir.resolve(name + "-report.pdf");
        ReportFiles.writeHtml(report, html, now);
        ReportFiles.writePdf(report, pdf, now, Progress.NONE);
        err.printf("Wrote %s and %s%n", html, pdf);
        err.flush();
        return 0;
    }
}
