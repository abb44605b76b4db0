package dev.baton.ui;

/** The six stages of the workbench, in pipeline order. */
public enum StageId {
    DATA("Data", "Open a dataset and check how it was read."),
    CLEAN("Clean", "Cleaning steps recorded as a replayable recipe, with undo and redo."),
    EXPLORE("Explore", "Column profiles, quality alerts with one-click fixes, correlations and charts."),
    TRAIN("Train", "Models trained and compared on a leaderboard, with metrics and explanations."),
    REPORT("Report", "A report for stakeholders, as self-contained HTML and PDF."),
    HANDOFF("Hand-off", "The model bundle for engineers: model, preparation, contract, metrics and examples.");

    private final String title;
    private final String purpose;

    StageId(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    /** One line on what the stage holds, for the navigation tooltip. */
    public String purpose() {
        return purpose;
    }
}
