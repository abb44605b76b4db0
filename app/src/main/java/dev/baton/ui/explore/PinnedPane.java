package dev.baton.ui.explore;

import dev.baton.explore.chart.ChartSpec;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The charts pinned for the report, in order, each with a caption the author writes. */
final class PinnedPane {

    private final VBox root = new VBox(8);
    private final ListView<ChartSpec> list = new ListView<>();

    PinnedPane(ExploreViewModel model) {
        Label hint = new Label("These charts go into the report's Exploration section, with their captions.");
        hint.getStyleClass().add("muted");
        list.setItems(model.pins());
        list.setId("pinned-list");
        list.setPlaceholder(new Label("Nothing pinned yet: use \u201cPin to report\u201d under any chart."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChartSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                if (empty || spec == null) {
                    setGraphic(null);
                    return;
                }
                int index = getIndex();
                Label title = new Label((index + 1) + ". " + spec.title());
                title.getStyleClass().add("step-description");
                TextField caption = new TextField(spec.caption() == null ? "" : spec.caption());
                caption.setPromptText("Caption for the report: what should a reader see here?");
                caption.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        model.setCaption(index, caption.getText().isBlank() ? null : caption.getText());
                    }
                });
                caption.setOnAction(e -> model.setCaption(index, caption.getText().isBlank() ? null : caption.getText()));
                HBox.setHgrow(caption, Priority.ALWAYS);
                Button remove = new Button("Unpin");
                remove.getStyleClass().add("small-button");
                remove.setOnAction(e -> model.unpin(index));
                HBox row = new HBox(8, caption, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(new VBox(4, title, row));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(hint, list);
    }

    Node node() {
        return root;
    }
}
