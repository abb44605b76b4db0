package dev.baton.project;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.Recipe;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.util.Progress;

import java.nio.file.Path;

/** Rebuilds a project's cleaning session from its file: reads the data with the saved options and replays the recipe. */
public final class ProjectLoader {

    private ProjectLoader() {
    }

    /** Reads the data file and replays the saved recipe on it (refitting, as the workbench does). Runs off the FX thread. */
    public static CleaningHistory session(ProjectFile file, Path dataFile, Progress progress) {
        Dataset data = DatasetReader.read(dataFile, file.data().options(), progress.slice(0, 0.7));
        return replay(data, file.recipe(), progress.slice(0.7, 1.0));
    }

    public static CleaningHistory replay(Dataset data, Recipe recipe, Progress progress) {
        CleaningHistory history = new CleaningHistory(data);
        if (recipe != null && !recipe.isEmpty()) {
            history.push(history.compute(recipe.steps(), "Replay the saved recipe", progress));
        }
        return history;
    }
}
