package dev.baton.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The sections of the stakeholder report, in order. */
public enum Section {
    TITLE("title", "Title page"),
    DATA("data", "Data overview"),
    QUALITY("quality", "Data quality"),
    EXPLORATION("exploration", "Exploration"),
    MODELLING("modelling", "Modelling"),
    MODEL_CARD("model-card", "Model card"),
    LIMITATIONS("limitations", "Limitations and next steps"),
    APPENDIX("appendix", "Appendix");

    private final String id;
    private final String title;

    Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    @JsonCreator
    public static Section of(String id) {
        for (Section s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown report section '" + id + "'");
    }
}
