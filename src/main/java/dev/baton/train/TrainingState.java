package dev.baton.train;

import java.util.List;

/**
 * What a project keeps of training: the setup, every model's results, the model chosen for the report and
 * the bundle (its algorithm id), and the baseline's results (null in projects saved before it existed). The
 * trained models themselves are Tribuo protobuf files beside the project file.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record TrainingState(TrainingSetup setup, List<ModelResult> results, String chosen, ModelResult baseline) {

    public TrainingState {
        results = results == null ? List.of() : Ranking.rank(results, setup == null ? null : setup.metric());
    }

    public ModelResult chosenResult() {
        return results.stream().filter(r -> r.algorithm().equals(chosen)).findFirst().orElse(null);
    }
}
