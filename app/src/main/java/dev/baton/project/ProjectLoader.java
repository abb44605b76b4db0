package dev.baton.project;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.Recipe;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Dataset;
import dev.baton.data.Passwords;
import dev.baton.data.DatasetReader;
import dev.baton.train.ModelFiles;
import dev.baton.util.Progress;
import dev.baton.util.UserException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds a saved project: reads the data with the saved options, replays the recipe, loads the trained models. */
public final class ProjectLoader {

    private ProjectLoader() {
    }

    /** Reads the data file and replays the saved recipe on it (refitting, as the workbench does). Runs off the FX thread. */
    public static CleaningHistory session(ProjectFile file, Path dataFile, Progress progress) {
        Dataset data = readData(file.data(), dataFile, null, progress.slice(0, 0.7));
        return replay(data, file.recipe(), progress.slice(0.7, 1.0));
    }

    /**
     * Reads the project's data: the file found at {@code dataFile}, or the saved query run again on its database (the
     * password typed this session, else from the environment or {@code ~/.pgpass}). Runs off the FX thread.
     */
    public static Dataset readData(DataRef data, Path dataFile, String typedPassword, Progress progress) {
        if (data.fromQuery()) {
            return new DatabaseReader(new Passwords()).read(data.queryRequest(), typedPassword, progress);
        }
        return DatasetReader.read(dataFile, data.options(), progress);
    }

    /**
     * A saved project read back: its file, its cleaning session (data read, recipe replayed) and its trained models
     * (those found in {@code models/}). Warnings (a changed data file, missing models) are returned, not thrown.
     */
    public record Loaded(ProjectFile file, Path folder, CleaningHistory session, dev.baton.train.Experiment.Leaderboard models,
                         List<String> warnings, DataChange dataChange) {

        /** Makes this the state of {@code project} (on the thread that owns it). */
        public void applyTo(Project project) {
            project.restore(file, folder, session);
            if (models != null) {
                project.restoreModels(models);
            }
        }
    }

    /**
     * The data read is not what the project was saved with: the file's SHA-256 differs, or the query now returns other
     * rows. {@code what} names the file (its path) or the query's database.
     */
    public record DataChange(String what, boolean query, String savedFingerprint, String fingerprint) {

        public static DataChange of(DataRef saved, Path dataFile, String fingerprint) {
            return saved.fromQuery()
                    ? new DataChange(saved.query().connection().describe(), true, saved.fingerprint(), fingerprint)
                    : new DataChange(dataFile.toString(), false, saved.fingerprint(), fingerprint);
        }

        /** For a stopped command: what changed, and {@code remedy}, how to go on. */
        public String refusal(String remedy) {
            if (query) {
                return String.format("The project's query on the %s now returns other data than when the project was saved: "
                        + "the SHA-256 of its result is %s, the project's %s. The results would mix two datasets. %s", what,
                        shortHash(fingerprint), shortHash(savedFingerprint), remedy);
            }
            return String.format("%s is not the file this project was saved with: its SHA-256 is %s, the project's %s. "
                    + "The results would mix two datasets. %s", what, shortHash(fingerprint), shortHash(savedFingerprint), remedy);
        }

        /**
         * For the report's title page. {@code savedResults}: the models' results shown are those saved with the project
         * (computed on the earlier data); otherwise every model was trained on the new data, or none is shown.
         */
        public String notice(boolean savedResults) {
            String changed = query
                    ? String.format("The query's result on the %s has changed since the project was saved (SHA-256 %s instead of %s).",
                    what, shortHash(fingerprint), shortHash(savedFingerprint))
                    : String.format("The data file %s has changed since the project was saved (SHA-256 %s instead of %s).",
                    Path.of(what).getFileName(), shortHash(fingerprint), shortHash(savedFingerprint));
            String noun = query ? "result" : "file";
            return changed + " " + (savedResults
                    ? "The data figures in this report come from the new " + noun + "; the models' results are those saved with "
                    + "the project, computed on the earlier " + noun + "."
                    : "Every figure in this report comes from the new " + noun + ".");
        }

        private static String shortHash(String sha) {
            return sha == null ? "unknown" : sha.length() > 12 ? sha.substring(0, 12) + "\u2026" : sha;
        }
    }

    /** A whole saved project as a new {@link Project}, headless. */
    public record Opened(Project project, List<String> warnings, DataChange dataChange) {
    }

    public static Opened open(Path folder, Progress progress) {
        Loaded loaded = load(folder, true, progress);
        Project project = new Project();
        loaded.applyTo(project);
        return new Opened(project, loaded.warnings(), loaded.dataChange());
    }

    public static Loaded load(Path folder, boolean withModels, Progress progress) {
        return load(folder, withModels, null, progress);
    }

    /** As {@link #load(Path, boolean, Progress)}; {@code typedPassword} for a query on a database that wants one. */
    public static Loaded load(Path folder, boolean withModels, String typedPassword, Progress progress) {
        ProjectFile file = ProjectStore.read(folder);
        Path projectFolder = Files.isDirectory(folder) ? folder : folder.getParent();
        List<String> warnings = new ArrayList<>();
        if (file.data() == null) {
            throw new UserException("The project " + projectFolder.getFileName() + " has no data yet.");
        }
        Path dataFile = file.data().fromQuery() ? null : ProjectStore.locateData(file.data(), projectFolder);
        if (dataFile == null && !file.data().fromQuery()) {
            throw new UserException("The data of project " + projectFolder.getFileName() + " is not where it was saved: "
                    + file.data().location(projectFolder) + ". Open the project in Baton to locate it.");
        }
        Dataset data = readData(file.data(), dataFile, typedPassword, progress.slice(0, 0.42));
        CleaningHistory session = replay(data, file.recipe(), progress.slice(0.42, 0.6));
        String fingerprint = session.source().source() == null ? null : session.source().source().fingerprint();
        DataChange change = file.data().fingerprint() != null && !file.data().fingerprint().equals(fingerprint)
                ? DataChange.of(file.data(), dataFile, fingerprint) : null;
        dev.baton.train.Experiment.Leaderboard board = null;
        if (withModels && file.training() != null && !file.training().results().isEmpty()) {
            progress.update(60, 100, "Loading trained models");
            board = ModelFiles.load(session.current(), file.training(), projectFolder.resolve(ProjectStore.MODELS));
            if (board.models().size() < file.training().results().size()) {
                warnings.add("Only " + board.models().size() + " of " + file.training().results().size()
                        + " trained models were found in " + projectFolder.resolve(ProjectStore.MODELS) + ".");
            }
        }
        progress.update(100, 100, "Opened " + projectFolder.getFileName());
        return new Loaded(file, projectFolder, session, board, List.copyOf(warnings), change);
    }

    public static CleaningHistory replay(Dataset data, Recipe recipe, Progress progress) {
        CleaningHistory history = new CleaningHistory(data);
        if (recipe != null && !recipe.isEmpty()) {
            history.push(history.compute(recipe.steps(), "Replay the saved recipe", progress));
        }
        return history;
    }
}
