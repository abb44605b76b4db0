package dev.baton.explore;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.clean.Operation;

import java.util.List;

/**
 * A data-quality warning: what, about which columns, the evidence and the threshold it crossed, and a fix that
 * becomes an ordinary recipe step (null when there is no sensible one-click fix).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(Kind kind, List<String> columns, String message, double value, Double threshold, Operation fix, String fixLabel) {

    public enum Kind {
        CONSTANT("constant"),
        HIGH_CARDINALITY("high cardinality"),
        UNIQUE("unique (ID-like)"),
        HIGH_MISSING("missing values"),
        SKEWED("skewed"),
        IMBALANCED("imbalanced"),
        ZEROS("many zeros"),
        HIGH_CORRELATION("high correlation"),
        DUPLICATES("duplicate rows"),
        UNPARSABLE("values that failed to parse"),
        SPELLINGS("inconsistent spellings");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Alert {
        columns = List.copyOf(columns);
    }
}
