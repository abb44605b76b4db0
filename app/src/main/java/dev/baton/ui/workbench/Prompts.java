package dev.baton.ui.workbench;

import dev.baton.data.ImportException;
import dev.baton.data.RaggedRows;

import java.nio.file.Path;

/** The questions the workbench asks the user; the window shows dialogs, tests answer directly. */
public interface Prompts {

    void showError(String header, Throwable error);

    /** Ragged rows were found: pad, skip, or null to give up. */
    RaggedRows askRagged(ImportException problem);

    /** The project's data file is not where it was: a new location, or null to open the project without data. */
    Path locateData(String savedPath);

    /** Where to save a project that has no folder yet; null if the user cancels. */
    Path chooseProjectLocation(String suggestedName);

    /**
     * The project's data file has changed since it was saved (its SHA-256 differs). {@code check} is the recipe's
     * dry run on the new file (empty without a recipe). True to replay the recipe on it; false to keep what is open.
     */
    boolean replayOnChangedData(dev.baton.project.ProjectLoader.DataChange change, java.util.List<dev.baton.clean.DryRun.StepReport> check);

    /**
     * A database wants a password that Baton does not have (or refused the one it had): the password, kept in memory
     * for this session only, or null if the user cancels. {@code reason} is the database's refusal in words.
     */
    String askPassword(dev.baton.data.DatabaseConnection connection, String reason);

    /** A note for the user that needs no decision. */
    void inform(String header, String message);
}
