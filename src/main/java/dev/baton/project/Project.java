package dev.baton.project;

import dev.baton.data.Dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workbench's state: the single source the window shows and the project file saves.
 *
 * <p>Not thread-safe: in the window it is changed on the FX thread only (background work hands its results
 * over there); headless callers use it from one thread. Listeners run synchronously after each change.
 */
public final class Project {

    /** What changed, for listeners that only care about some parts. */
    public enum Change { DATA, FILE, DIRTY }

    private String name = "Untitled";
    private Path folder;
    private DataRef dataRef;
    private Dataset dataset;
    private boolean dirty;
    private final List<Consumer<Change>> listeners = new ArrayList<>();

    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    private void fire(Change change) {
        for (Consumer<Change> listener : List.copyOf(listeners)) {
            listener.accept(change);
        }
    }

    public String name() {
        return name;
    }

    /** The project folder, or null while the project has never been saved. */
    public Path folder() {
        return folder;
    }

    public DataRef dataRef() {
        return dataRef;
    }

    /** The data as imported, or null before any data is opened. */
    public Dataset dataset() {
        return dataset;
    }

    public boolean hasData() {
        return dataset != null;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Makes a freshly imported dataset the project's data. */
    public void setData(Dataset imported) {
        Objects.requireNonNull(imported);
        this.dataset = imported;
        this.dataRef = imported.source() == null ? null : DataRef.of(imported.source());
        if (folder == null) {
            name = imported.name();
            fire(Change.FILE);
        }
        fire(Change.DATA);
        markDirty();
    }

    /** After opening or saving: the project now lives in this folder and matches it. */
    public void savedAs(Path projectFolder, String projectName) {
        this.folder = projectFolder;
        this.name = projectName;
        fire(Change.FILE);
        markClean();
    }

    public void markDirty() {
        if (!dirty) {
            dirty = true;
            fire(Change.DIRTY);
        }
    }

    public void markClean() {
        if (dirty) {
            dirty = false;
            fire(Change.DIRTY);
        }
    }

    /** The saved form of the current state. */
    public ProjectFile toFile() {
        return new ProjectFile(ProjectFile.FORMAT, name, dev.baton.util.Versions.baton(), dataRef);
    }

    /** Replaces the whole state with an opened project's (its data is loaded separately, then given to {@link #setData}). */
    public void restore(ProjectFile file, Path projectFolder, Dataset data) {
        this.name = file.name();
        this.folder = projectFolder;
        this.dataRef = file.data();
        this.dataset = data;
        fire(Change.FILE);
        fire(Change.DATA);
        markClean();
    }
}
