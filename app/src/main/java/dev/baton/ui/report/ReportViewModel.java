package dev.baton.ui.report;

import dev.baton.project.Project;
import dev.baton.report.ReportBuilder;
import dev.baton.report.ReportFiles;
import dev.baton.report.ReportInput;
import dev.baton.report.ReportSettings;
import dev.baton.report.Section;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Report stage's state: edits go straight into the project's report settings (so they are saved with it),
 * and the preview is re-rendered off the FX thread, newest request wins. The profiles the report needs are
 * computed once per data and reused while the author writes.
 */
public final class ReportViewModel {

    private final Project project;
    private final TaskRunner tasks;
    private final LatestWins preview = new LatestWins();
    /** The report as the preview shows it (built off the FX thread from the project), or null. */
    public final javafx.beans.property.ObjectProperty<dev.baton.report.ReportModel> report = new javafx.beans.property.SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty();
    public final BooleanProperty rendering = new SimpleBooleanProperty();
    private volatile ReportBuilder.Analysis analysis;
    private boolean stale = true;

    public ReportViewModel(Project project, TaskRunner tasks) {
        this.project = project;
        this.tasks = tasks;
        project.addListener(change -> {
            // The report shows the model card, so an edit in Hand-off makes the preview stale too.
            if (change == Project.Change.DATA || change == Project.Change.EXPLORE || change == Project.Change.TRAINING
                    || change == Project.Change.REPORT || change == Project.Change.HANDOFF) {
                if (change == Project.Change.DATA) {
                    analysis = null;
                }
                stale = true;
            }
        });
    }

    public Project project() {
        return project;
    }

    public ReportSettings settings() {
        return project.reportSettings();
    }

    public void update(ReportSettings settings) {
        project.setReportSettings(settings);
    }

    public void setIncluded(Section s, boolean on) {
        update(settings().withIncluded(s, on));
    }

    /** The author's text of a section; for the title page, the summary. */
    public String text(Section s) {
        return s == Section.TITLE ? settings().summary() : settings().commentary(s);
    }

    public void setText(Section s, String text) {
        update(s == Section.TITLE ? settings().withSummary(text) : settings().withCommentary(s, text));
    }

    public boolean isStale() {
        return stale;
    }

    /** Renders the preview in the background if anything changed since the last one. */
    public void refreshPreview() {
        if (project.dataset() == null) {
            report.set(null);
            message.set("Open a dataset first: the report describes the project's data, charts and models.");
            return;
        }
        stale = false;
        ReportInput input = project.reportInput(LocalDate.now());
        ReportBuilder.Analysis known = analysis;
        rendering.set(true);
        preview.start(tasks.background("Rendering the report preview", progress -> {
            ReportBuilder.Analysis a = known != null && known.isFor(input) ? known : ReportBuilder.analyse(input, progress.slice(0, 0.7));
            analysis = a;
            return ReportBuilder.build(input, a, progress.slice(0.7, 1));
        }).quiet().onFailure(error -> {
            rendering.set(false);
            message.set(dev.baton.ui.controls.ErrorDialog.plainMessage(error));
        }), built -> {
            rendering.set(false);
            message.set(null);
            report.set(built);
        });
    }

    public void exportHtml(Path file, Runnable done) {
        export(file, false, done);
    }

    public void exportPdf(Path file, Runnable done) {
        export(file, true, done);
    }

    private void export(Path file, boolean pdf, Runnable done) {
        ReportInput input = project.reportInput(LocalDate.now());
        ReportBuilder.Analysis known = analysis;
        tasks.background("Exporting " + file.getFileName(), progress -> {
            ReportBuilder.Analysis a = known != null && known.isFor(input) ? known : ReportBuilder.analyse(input, progress.slice(0, 0.5));
            var model = ReportBuilder.build(input, a, progress.slice(0.5, 0.7));
            if (pdf) {
                ReportFiles.writePdf(model, file, Instant.now(), progress.slice(0.7, 1));
            } else {
                ReportFiles.writeHtml(model, file, Instant.now());
            }
            return file;
        }).onSuccess(f -> {
            message.set("Exported " + f);
            done.run();
        }).start();
    }
}
