package dev.baton.train;

/** What the model predicts. */
public enum Task {
    CLASSIFICATION("classification"),
    REGRESSION("regression");

    private final String label;

    Task(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Task parse(String text) {
        for (Task t : values()) {
            if (t.label.equalsIgnoreCase(text.strip()) || t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown task '" + text + "'; expected classification or regression");
    }
}
