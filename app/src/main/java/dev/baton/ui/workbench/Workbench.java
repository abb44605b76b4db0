package dev.baton.ui.workbench;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.DryRun;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportException;
import dev.baton.data.ImportOptions;
import dev.baton.data.RaggedRows;
import dev.baton.data.DatabaseException;
import dev.baton.project.DataRef;
import dev.baton.project.Project;
import dev.baton.project.ProjectFile;
import dev.baton.project.ProjectLoader;
import dev.baton.project.ProjectStore;
import dev.baton.ui.task.TaskRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * The main window's view model: opening data and projects, saving, all through the task runner so the FX
 * thread never waits. A failed or cancelled load leaves the project as it was.
 */
public final class Workbench {

    private final Project project;
    private final TaskRunner tasks;
    private final Prompts prompts;
    private final RecentFiles recentData;
    private final RecentFiles recentProjects;
    private final SessionPasswords passwords = new SessionPasswords();

    public Workbench(Project project, TaskRunner tasks, Prompts prompts, RecentFiles recentData, RecentFiles recentProjects) {
        this.project = project;
        this.tasks = tasks;
        this.prompts = prompts;
        this.recentData = recentData;
        this.recentProjects = recentProjects;
    }

    public Project project() {
        return project;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public RecentFiles recentData() {
        return recentData;
    }

    public RecentFiles recentProjects() {
        return recentProjects;
    }

    /** Passwords typed this session, in memory only. */
    public SessionPasswords passwords() {
        return passwords;
    }

    /**
     * Runs a query and makes its result the project's data. {@code password}: typed by the user (kept for this
     * session), or null to use the environment or {@code ~/.pgpass}. Asks for a password when the database wants one.
     */
    public void openQuery(dev.baton.data.QueryRequest request, String password) {
        if (password != null) {
            passwords.put(request.connection(), password);
        }
        String typed = passwords.get(request.connection());
        tasks.background("Reading the query on " + request.connection().shortName(), progress ->
                        new dev.baton.data.DatabaseReader(new dev.baton.data.Passwords()).read(request, typed, progress).summarized())
                .onSuccess(project::setData)
                .onFailure(error -> {
                    if (error instanceof DatabaseException db && db.needsPassword()) {
                        String again = prompts.askPassword(request.connection(), db.getMessage());
                        if (again != null) {
                            openQuery(request, again);
                        }
                        return;
                    }
                    prompts.showError("Could not read the query on " + request.connection().shortName(), error);
                })
                .start();
    }

    /** Reads a data file and makes it the project's data. */
    public void openData(Path file, ImportOptions options) {
        tasks.background("Opening " + file.getFileName(), progress -> DatasetReader.read(file, options, progress).summarized())
                .onSuccess(dataset -> {
                    project.setData(dataset);
                    recentData.add(file);
                })
                .onFailure(error -> importFailed(file, options, error))
                .start();
    }

    private void importFailed(Path file, ImportOptions options, Throwable error) {
        if (error instanceof ImportException problem && problem.kind() == ImportException.Kind.RAGGED_ROWS
                && options.raggedRows() == RaggedRows.ERROR) {
            RaggedRows choice = prompts.askRagged(problem);
            if (choice != null) {
                openData(file, options.withRaggedRows(choice));
            }
            return;
        }
        prompts.showError("Could not open " + file.getFileName(), error);
    }

    /** Opens a saved project: reads project.json, then its data with the saved options. */
    public void openProject(Path folder) {
        tasks.background("Opening project " + folder.getFileName(), progress -> ProjectStore.read(folder))
                .onSuccess(file -> loadProjectData(folder, file))
                .onFailure(error -> prompts.showError("Could not open project " + folder.getFileName(), error))
                .start();
    }

    private void loadProjectData(Path folder, ProjectFile file) {
        DataRef data = file.data();
        Path location = data == null || data.fromQuery() ? null : ProjectStore.locateData(data, folder);
        if (data != null && !data.fromQuery() && location == null) {
            location = prompts.locateData(data.location(folder));
        }
        if (data == null || (!data.fromQuery() && location == null)) {
            project.restore(file, folder, null);
            recentProjects.add(folder);
            return;
        }
        readProjectData(folder, file, location);
    }

    /** Reads the project's file, or runs its query again (asking for the password when the database wants one). */
    private void readProjectData(Path folder, ProjectFile file, Path dataFile) {
        DataRef data = file.data();
        String what = data.fromQuery() ? "Running the project's query on " + data.query().connection().shortName()
                : "Reading " + dataFile.getFileName();
        String password = data.fromQuery() ? passwords.get(data.query().connection()) : null;
        tasks.background(what, progress -> {
                    Dataset read = ProjectLoader.readData(data, dataFile, password, progress.slice(0, 0.8));
                    boolean changed = data.fingerprint() != null && read.source() != null && !data.fingerprint().equals(read.source().fingerprint());
                    // Different data: check the recipe against it before anything is replaced (the Cleaning dry run).
                    List<DryRun.StepReport> check = changed && file.recipe() != null && !file.recipe().isEmpty()
                            ? DryRun.run(read, file.recipe(), progress.slice(0.8, 1)) : List.of();
                    return new ReadData(read, changed, check);
                })
                .onSuccess(read -> {
                    ProjectLoader.DataChange change = read.changed()
                            ? ProjectLoader.DataChange.of(data, dataFile, read.data().source().fingerprint()) : null;
                    if (change != null && !prompts.replayOnChangedData(change, read.check())) {
                        return; // the user kept what was open
                    }
                    tasks.background("Replaying the recipe", progress -> {
                                CleaningHistory session = ProjectLoader.replay(read.data(), file.recipe(), progress);
                                session.source().summarized();
                                session.current().summarized();
                                return session;
                            })
                            .onSuccess(session -> {
                                project.restore(file, folder, session);
                                recentProjects.add(folder);
                                if (change != null) {
                                    // The saved models and their metrics belong to the earlier data: never shown beside this one.
                                    project.discardResults();
                                    project.noteChangedData(change.notice(false));
                                } else {
                                    loadModels(folder, file);
                                }
                            })
                            .onFailure(error -> prompts.showError("Could not replay the recipe of project " + folder.getFileName(), error))
                            .start();
                })
                .onFailure(error -> {
                    if (data.fromQuery() && error instanceof DatabaseException db && db.needsPassword()) {
                        String typed = prompts.askPassword(data.query().connection(), db.getMessage());
                        if (typed != null) {
                            passwords.put(data.query().connection(), typed);
                            readProjectData(folder, file, dataFile);
                        }
                        return;
                    }
                    prompts.showError("Could not read the data of project " + folder.getFileName(), error);
                })
                .start();
    }

    private record ReadData(Dataset data, boolean changed, List<DryRun.StepReport> check) {
    }

    /** Loads the saved models in the background; results stay visible meanwhile. */
    private void loadModels(Path folder, ProjectFile file) {
        if (file.training() == null || file.training().results().isEmpty() || project.dataset() == null) {
            return;
        }
        dev.baton.data.Dataset data = project.dataset();
        tasks.background("Loading trained models", progress -> dev.baton.train.ModelFiles.load(data, file.training(),
                        folder.resolve(ProjectStore.MODELS)))
                .onSuccess(board -> {
                    if (project.dataset() == data) {
                        project.restoreModels(board);
                    }
                })
                .onFailure(error -> prompts.showError("Could not load the trained models of " + folder.getFileName()
                        + "; train again to recreate them", error))
                .start();
    }

    /** Saves to the project's folder, asking for one the first time; then runs {@code after} (not when saving fails or is cancelled). */
    public void save(Runnable after) {
        if (project.folder() == null) {
            saveAs(after);
            return;
        }
        saveTo(project.folder(), after);
    }

    public void saveAs(Runnable after) {
        Path chosen = prompts.chooseProjectLocation(project.name());
        if (chosen != null) {
            saveTo(ProjectStore.folderFor(chosen), after);
        }
    }

    public void saveTo(Path folder, Runnable after) {
        String name = ProjectStore.nameOf(folder);
        ProjectFile snapshot = project.toFile();
        ProjectFile named = snapshot.withName(name);
        java.util.List<dev.baton.train.ModelRun.TrainedModel> models = project.leaderboard() == null ? java.util.List.of()
                : project.leaderboard().models();
        tasks.background("Saving " + folder.getFileName(), progress -> {
                    ProjectStore.save(named, folder, models);
                    return folder;
                })
                .onSuccess(saved -> {
                    project.savedAs(saved, name);
                    recentProjects.add(saved);
                    after.run();
                })
                .onFailure(error -> prompts.showError("Could not save the project", error))
                .start();
    }
}
