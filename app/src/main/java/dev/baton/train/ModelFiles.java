package dev.baton.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.data.Dataset;
import dev.baton.util.AtomicFiles;
import dev.baton.util.Json;
import dev.baton.util.UserException;
import org.tribuo.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trained models on disk: {@code ALGORITHM.tribuo} (Tribuo's protobuf format, never Java serialization) and
 * {@code ALGORITHM.preparation.json} (the fitted preparation) in a project's {@code models/} folder.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    public static void write(ModelRun.TrainedModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        String id = model.result().algorithm();
        Path temp = AtomicFiles.tempFor(folder.resolve(id + ".tribuo"));
        try {
            model.model().serializeToFile(temp);
            Files.move(temp, folder.resolve(id + ".tribuo"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        AtomicFiles.writeBytes(folder.resolve(id + ".preparation.json"), Json.mapper().writeValueAsBytes(model.preparation()));
    }

    /** Removes model files of algorithms no longer among the results. */
    public static void prune(Path folder, List<String> keep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String id = name.endsWith(".preparation.json") ? name.substring(0, name.length() - ".preparation.json".length())
                        : name.endsWith(".tribuo") ? name.substring(0, name.length() - ".tribuo".length()) : null;
                if (id != null && !keep.contains(id)) {
                    Files.delete(f);
                }
            }
        }
    }

    public static Preparation readPreparation(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), Preparation.class);
        } catch (JsonProcessingException e) {
            throw new UserException(file + " is damaged: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UserException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Model<?> readModel(Path file) {
        try {
            return Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new UserException("Could not read the model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The saved models of a training state, with their held-out predictions recomputed (the split follows from the
     * seed). Results whose files are missing are left out; the caller can retrain them.
     */
    public static Experiment.Leaderboard load(Dataset data, TrainingState state, Path folder) {
        TrainingSetup setup = state.setup();
        Frame frame = Frame.of(data, setup.target(), setup.task(), setup.features());
        EvaluationSplit evaluation = EvaluationSplit.of(frame, setup);
        int[][] split = {evaluation.train(), evaluation.holdout()};
        List<ModelRun.TrainedModel> models = new ArrayList<>();
        for (ModelResult result : state.results()) {
            Path modelFile = folder.resolve(result.algorithm() + ".tribuo");
            Path prepFile = folder.resolve(result.algorithm() + ".preparation.json");
            if (!Files.exists(modelFile) || !Files.exists(prepFile)) {
                continue;
            }
            Model<?> model = readModel(modelFile);
            Preparation preparation = readPreparation(prepFile);
            ModelRun.Fit fit = new ModelRun.Fit(model, preparation, preparation.names());
            Predictions holdout = ModelRun.predict(frame, fit, split[1]);
            models.add(new ModelRun.TrainedModel(result, model, preparation, holdout, split[0], split[1]));
        }
        Experiment.sort(models, setup.metric());
        ModelResult baseline = state.baseline() != null ? state.baseline() : Baseline.evaluate(frame, setup, evaluation);
        return new Experiment.Leaderboard(setup, List.copyOf(models), baseline, java.util.Map.of(), frame.rows(), frame.droppedRows(),
                state.searches());
    }
}
