package dev.baton.ui.handoff;

import dev.baton.bundle.Bundle;
import dev.baton.monitor.DriftThresholds;
import dev.baton.monitor.MonitorPages;
import dev.baton.monitor.Monitoring;
import dev.baton.ui.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * Monitoring in the window: a bundle and a file of new data, checked off the FX thread in one pass (drift against
 * the bundle's reference profile; and, when the file has the target column, the evaluation), and the result
 * exported as one self-contained HTML page.
 */
public final class MonitorViewModel {

    private final TaskRunner tasks;
    public final ObjectProperty<Path> bundle = new SimpleObjectProperty<>();
    public final ObjectProperty<Path> data = new SimpleObjectProperty<>();
    public final ObjectProperty<Monitoring.Check> result = new SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty();
    /** Which bundle and data the result shows: a result never outlives a change of either. */
    private Path checkedBundle;
    private Path checkedData;

    public MonitorViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        bundle.addListener((o, was, now) -> clearIfStale());
        data.addListener((o, was, now) -> clearIfStale());
    }

    private void clearIfStale() {
        if (result.get() != null && (!java.util.Objects.equals(bundle.get(), checkedBundle) || !java.util.Objects.equals(data.get(), checkedData))) {
            result.set(null);
        }
    }

    public boolean ready() {
        return bundle.get() != null && data.get() != null;
    }

    public void check() {
        if (!ready()) {
            message.set("Choose a bundle and a file of new data first.");
            return;
        }
        Path b = bundle.get();
        Path d = data.get();
        result.set(null);
        message.set("Checking " + d.getFileName() + " against " + b.getFileName() + "\u2026");
        tasks.background("Checking " + d.getFileName() + " for drift", progress ->
                        Monitoring.check(Bundle.open(b), d, DriftThresholds.DEFAULTS, null, progress))
                .onSuccess(check -> {
                    if (b.equals(bundle.get()) && d.equals(data.get())) {
                        checkedBundle = b;
                        checkedData = d;
                        message.set(null);
                        result.set(check);
                    }
                })
                .onFailure(error -> message.set("The check did not finish. " + dev.baton.ui.controls.ErrorDialog.plainMessage(error)))
                .onCancelled(() -> message.set("Check cancelled."))
                .start();
    }

    /** Writes the result as one page; the previous file stays until the new one is complete. */
    public void export(Path file) {
        Monitoring.Check check = result.get();
        if (check == null) {
            return;
        }
        tasks.background("Writing " + file.getFileName(), progress -> {
                    dev.baton.util.AtomicFiles.writeString(file, MonitorPages.page(check.drift(), check.evaluation()));
                    return file;
                })
                .onSuccess(f -> message.set("Wrote " + f + "."))
                .onFailure(error -> message.set("The page was not written. " + dev.baton.ui.controls.ErrorDialog.plainMessage(error)))
                .start();
    }
}
