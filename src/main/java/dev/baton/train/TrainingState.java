package dev.baton.train;

import java.util.List;

/**
 * What a project keeps of training: the setup, every model's results, and the model chosen for the report and
 * the bundle (its algorithm id). The trained models themselves are Tribuo protobuf files beside the project file.
 */
public record TrainingState(TrainingSetup setup, List<ModelResult> results, String chosen) {

    public TrainingState {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public ModelResult chosenResult() {
        return results.stream().filter(r -> r.algorithm().equals(chosen)).findFirst().orElse(null);
    }
}
