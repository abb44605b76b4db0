package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * How one raw column becomes model features, with the values fitted on the training rows. Part of the fitted
 * preparation that the model bundle carries, so scoring prepares rows exactly as training did.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NumericEncoder.class, name = "numeric"),
    @JsonSubTypes.Type(value = CategoricalEncoder.class, name = "categorical")
})
public sealed interface Encoder permits NumericEncoder, CategoricalEncoder {

    /** The raw column this reads. */
    String column();

    /** The model features this writes. */
    List<String> outputs();
}
