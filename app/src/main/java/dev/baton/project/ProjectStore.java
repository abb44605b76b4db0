package dev.baton.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.data.DataRefs;
import dev.baton.util.AtomicFiles;
import dev.baton.util.Json;
import dev.baton.util.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes project folders: {@code NAME.baton-project/project.json}. Every write is atomic. */
public final class ProjectStore {

    public static final String SUFFIX = ".baton-project";
    public static final String PROJECT_JSON = "project.json";
    public static final String MODELS = "models";

    private ProjectStore() {
    }

    /** The folder a project called {@code name} is saved in, next to {@code parent}. */
    public static Path folderFor(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.endsWith(SUFFIX) ? chosen : chosen.resolveSibling(name + SUFFIX);
    }

    public static String nameOf(Path folder) {
        String name = folder.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** Writes the project and its trained models; models go first, so project.json never names a model not yet written. */
    public static void save(ProjectFile file, Path folder, java.util.List<dev.baton.train.ModelRun.TrainedModel> models) throws IOException {
        Path modelFolder = folder.resolve(MODELS);
        for (dev.baton.train.ModelRun.TrainedModel m : models) {
            dev.baton.train.ModelFiles.write(m, modelFolder);
        }
        save(file, folder);
        dev.baton.train.ModelFiles.prune(modelFolder, file.training() == null ? java.util.List.of()
                : file.training().results().stream().map(dev.baton.train.ModelResult::algorithm).toList());
    }

    /** Writes the project into its folder (created if needed); the previous project.json stays intact if this fails. */
    public static void save(ProjectFile file, Path folder) throws IOException {
        Files.createDirectories(folder);
        ProjectFile withRelative = file;
        DataRef data = file.data();
        if (data != null && data.path() != null) {
            // Relative where it can be: the file then names no folder of this machine, and opens wherever project and data go together.
            String relative = DataRefs.relativize(folder, Path.of(data.path()));
            withRelative = file.withData(new DataRef(relative == null ? data.path() : null, relative != null ? relative : null,
                    data.fingerprint(), data.options()));
        }
        byte[] json = Json.mapper().writeValueAsBytes(withRelative);
        AtomicFiles.writeBytes(folder.resolve(PROJECT_JSON), json);
    }

    /** Reads a project folder (or its project.json); refuses unknown formats with a clear message. */
    public static ProjectFile read(Path folderOrFile) {
        Path json = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(PROJECT_JSON) : folderOrFile;
        if (!Files.exists(json)) {
            throw new UserException(folderOrFile + " is not a Baton project: it has no " + PROJECT_JSON + ".");
        }
        if (!Files.isDirectory(folderOrFile) && !json.getFileName().toString().endsWith(".json")) {
            throw new UserException(folderOrFile + " is not a Baton project: give the project's folder (NAME" + SUFFIX + ").");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json.toFile());
        } catch (JsonProcessingException e) {
            throw new UserException(json + " is damaged: not JSON Baton can read" + Json.where(e) + ": " + e.getOriginalMessage() + ".", e);
        } catch (IOException e) {
            throw new UserException("Could not read " + json + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UserException(json + " is not a Baton project file.");
        }
        String format = root.path("format").asText(null);
        if (format == null) {
            throw new UserException(json + " is not a Baton project file (it has no \"format\").");
        }
        if (!format.equals(ProjectFile.FORMAT)) {
            String hint = format.startsWith("baton-project/")
                    ? " It was written by a newer Baton (" + root.path("savedWith").asText("unknown version")
                    + "); this Baton (" + dev.baton.util.Versions.baton() + ") reads " + ProjectFile.FORMAT + ". Update Baton to open it."
                    : "";
            throw new UserException(json + " has format \"" + format + "\", which this Baton does not read." + hint);
        }
        try {
            return Json.mapper().treeToValue(root, ProjectFile.class);
        } catch (JsonProcessingException e) {
            throw new UserException(json + " is damaged: " + e.getOriginalMessage(), e);
        }
    }

    /** Where the project's data file is now: next to the project as saved, else the absolute path; null if neither exists. */
    public static Path locateData(DataRef data, Path folder) {
        if (data == null) {
            return null;
        }
        if (data.relativePath() != null && folder != null) {
            Path relative = folder.resolve(data.relativePath()).normalize();
            if (Files.exists(relative)) {
                return relative;
            }
        }
        if (data.path() != null && Files.exists(Path.of(data.path()))) {
            return Path.of(data.path());
        }
        return null;
    }
}
