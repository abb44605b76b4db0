package dev.baton.ui.handoff;

import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleExporter;
import dev.baton.bundle.BundleVerifier;
import dev.baton.bundle.ModelCardFields;
import dev.baton.project.Project;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The Hand-off stage's state: the model card's fields (kept in the project), a preview of the contract the bundle
 * will carry, and the export, which writes the bundle, proves it against the workbench's predictions and then
 * verifies its golden examples, all off the FX thread.
 */
public final class HandoffViewModel {

    /** An export's outcome, for the stage to show. */
    public record Exported(BundleExporter.Report report, BundleVerifier.Result verified) {
    }

    private final Project project;
    private final TaskRunner tasks;
    private final LatestWins previews = new LatestWins();
    public final ObjectProperty<BundleExporter.Preview> preview = new SimpleObjectProperty<>();
    public final ObjectProperty<Exported> exported = new SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty();
    /** Monitoring new data with a bundle: the one just exported, or any other. */
    public final MonitorViewModel monitor;

    public HandoffViewModel(Project project, TaskRunner tasks, dev.baton.ui.workbench.SessionPasswords passwords) {
        this.project = project;
        this.tasks = tasks;
        this.monitor = new MonitorViewModel(tasks, passwords);
        project.addListener(change -> {
            if (change == Project.Change.TRAINING || change == Project.Change.DATA) {
                refresh();
            }
        });
    }

    public Project project() {
        return project;
    }

    public boolean ready() {
        return project.chosenModel() != null && project.dataset() != null;
    }

    /** Why there is nothing to export yet, in words; null when ready. */
    public String notReady() {
        if (project.dataset() == null) {
            return "Open a dataset, train models and choose one: the bundle carries the chosen model.";
        }
        if (project.chosen() == null) {
            return "Train models in the Train stage and choose one for hand-off.";
        }
        if (project.chosenModel() == null) {
            return "The chosen model is not loaded: train it again (or wait while the project's models load).";
        }
        return null;
    }

    public void setCard(ModelCardFields fields) {
        project.setModelCard(fields);
    }

    /** Recomputes the contract preview in the background. */
    public void refresh() {
        exported.set(null);
        if (!ready()) {
            preview.set(null);
            message.set(notReady());
            return;
        }
        message.set(null);
        BundleExporter.Request request = project.bundleRequest(Instant.now());
        previews.start(tasks.background("Preparing the contract", p -> BundleExporter.preview(request)).quiet(), preview::set);
    }

    public void export(Path file) {
        BundleExporter.Request request = project.bundleRequest(Instant.now());
        exported.set(null);
        message.set("Exporting " + file.getFileName() + "\u2026");
        tasks.background("Exporting the bundle " + file.getFileName(), progress -> {
                    BundleExporter.Report report = BundleExporter.export(request, file, progress.slice(0, 0.85));
                    progress.update(90, 100, "Verifying the golden examples");
                    BundleVerifier.Result verified = BundleVerifier.verify(Bundle.open(file));
                    return new Exported(report, verified);
                })
                .onSuccess(e -> {
                    // The message first: whoever sees the export done also sees the progress line gone.
                    message.set(null);
                    exported.set(e);
                    monitor.bundle.set(e.report().file());
                    // The report names the bundle, unless the project changed while it was written.
                    if (project.chosenModel() == request.model()) {
                        project.noteExported(e.report().exported(request.model().result().algorithm()));
                    }
                })
                .onFailure(error -> message.set("The bundle was not written. " + dev.baton.ui.controls.ErrorDialog.plainMessage(error)))
                .onCancelled(() -> message.set("Export cancelled; nothing was written."))
                .start();
    }
}
