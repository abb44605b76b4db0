package dev.baton.train;

import java.util.List;

/**
 * What a project keeps of training: the setup, every model's results, the model chosen for the report and
 * the bundle (its algorithm id), the baseline's results (null in projects saved before it existed), and every
 * configuration each hyperparameter search tried (empty without a search). The trained models themselves are
 * files beside the project file.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
public record TrainingState(TrainingSetup setup, List<ModelResult> results, String chosen, ModelResult baseline,
                            List<HyperparameterSearch.Result> searches) {

    public TrainingState {
        results = results == null ? List.of() : Ranking.rank(results, setup == null ? null : setup.metric());
        searches = searches == null ? List.of() : List.copyOf(searches);
    }

    public TrainingState(TrainingSetup setup, List<ModelResult> results, String chosen, ModelResult baseline) {
        this(setup, results, chosen, baseline, List.of());
    }

    public ModelResult chosenResult() {
        return results.stream().filter(r -> r.algorithm().equals(chosen)).findFirst().orElse(null);
    }
}
