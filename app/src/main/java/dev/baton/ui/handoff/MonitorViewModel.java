package dev.baton.ui.handoff;

import dev.baton.bundle.Bundle;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Passwords;
import dev.baton.data.QueryRequest;
import dev.baton.monitor.DriftThresholds;
import dev.baton.monitor.MonitorPages;
import dev.baton.monitor.Monitoring;
import dev.baton.ui.task.TaskRunner;
import dev.baton.ui.workbench.SessionPasswords;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * Monitoring in the window: a bundle and new data (a file, or a query on a database), checked off the FX thread in one pass (drift against
 * the bundle's reference profile; and, when the file has the target column, the evaluation), and the result
 * exported as one self-contained HTML page.
 */
public final class MonitorViewModel {

    private final TaskRunner tasks;
    private final SessionPasswords passwords;
    public final ObjectProperty<Path> bundle = new SimpleObjectProperty<>();
    /** The new data: a file, or {@link #query} (one or the other). */
    public final ObjectProperty<Path> data = new SimpleObjectProperty<>();
    /** The new data as the result of a query on a database, read as it is checked. */
    public final ObjectProperty<QueryRequest> query = new SimpleObjectProperty<>();
    public final ObjectProperty<Monitoring.Check> result = new SimpleObjectProperty<>();
    public final StringProperty message = new SimpleStringProperty();
    /** Which bundle and data the result shows: a result never outlives a change of either. */
    private Path checkedBundle;
    private Object checkedData;

    public MonitorViewModel(TaskRunner tasks, SessionPasswords passwords) {
        this.tasks = tasks;
        this.passwords = passwords;
        bundle.addListener((o, was, now) -> clearIfStale());
        data.addListener((o, was, now) -> {
            if (now != null) {
                query.set(null);
            }
            clearIfStale();
        });
        query.addListener((o, was, now) -> {
            if (now != null) {
                data.set(null);
            }
            clearIfStale();
        });
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public SessionPasswords passwords() {
        return passwords;
    }

    private Object newData() {
        return data.get() != null ? data.get() : query.get();
    }

    private void clearIfStale() {
        if (result.get() != null && (!java.util.Objects.equals(bundle.get(), checkedBundle) || !java.util.Objects.equals(newData(), checkedData))) {
            result.set(null);
        }
    }

    public boolean ready() {
        return bundle.get() != null && newData() != null;
    }

    /** How the new data is named in messages and reports: the file's name, or "the query on" the database. */
    private static String nameOf(Object newData) {
        return newData instanceof Path p ? p.getFileName().toString()
                : "the query on " + ((QueryRequest) newData).connection().shortName();
    }

    public void check() {
        if (!ready()) {
            message.set("Choose a bundle and new data (a file, or a query on a database) first.");
            return;
        }
        Path b = bundle.get();
        Object d = newData();
        String name = nameOf(d);
        result.set(null);
        message.set("Checking " + name + " against " + b.getFileName() + "\u2026");
        String typed = d instanceof QueryRequest q ? passwords.get(q.connection()) : null;
        tasks.background("Checking " + name + " for drift", progress -> {
                    Bundle opened = Bundle.open(b);
                    if (d instanceof QueryRequest q) {
                        // The result is read as the check consumes it: it is never held whole.
                        try (java.io.InputStream in = new DatabaseReader(new Passwords()).openCsv(q, typed)) {
                            return Monitoring.check(opened, in, false, name, DriftThresholds.DEFAULTS, null, progress);
                        }
                    }
                    return Monitoring.check(opened, (Path) d, DriftThresholds.DEFAULTS, null, progress);
                })
                .onSuccess(check -> {
                    if (b.equals(bundle.get()) && d.equals(newData())) {
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
