package dev.baton.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a stage that is not built yet shows: its name and one line on what it will hold. Never fake content. */
final class PendingStageView {

    private PendingStageView() {
    }

    static Node of(StageId stage) {
        Label title = new Label(stage.title());
        title.getStyleClass().add("empty-headline");
        Label purpose = new Label(stage.purpose());
        purpose.getStyleClass().add("muted");
        purpose.setWrapText(true);
        Label pending = new Label("This stage is not available yet.");
        pending.getStyleClass().add("muted");
        VBox box = new VBox(10, title, purpose, pending);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(560);
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.CENTER);
        outer.getStyleClass().add("stage-view");
        outer.setId("stage-" + stage.name().toLowerCase());
        return outer;
    }
}
