package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An algorithm to train, with the parameters the user changed (the others take their defaults) and, when set,
 * whether its inputs are standardized (null: the algorithm's default).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlgorithmChoice(String id, Map<String, Double> parameters, Boolean standardize) {

    public AlgorithmChoice {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static AlgorithmChoice of(String id) {
        return new AlgorithmChoice(id, Map.of(), null);
    }
}
