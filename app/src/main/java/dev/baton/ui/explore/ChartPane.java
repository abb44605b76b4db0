package dev.baton.ui.explore;

import dev.baton.explore.chart.ChartSpec;
import dev.baton.ui.task.LatestWins;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A chart with its problem line and a "Pin to report" button; draws whatever spec it is given, newest first. */
final class ChartPane {

    private final ExploreViewModel model;
    private final ChartView chart = new ChartView();
    private final LatestWins slot = new LatestWins();
    private final Label problem = new Label();
    private final Button pin = new Button("Pin to report");
    private final BorderPane root = new BorderPane();
    private ChartSpec current;

    ChartPane(ExploreViewModel model) {
        this.model = model;
        problem.getStyleClass().add("import-error");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        pin.getStyleClass().add("pin-button");
        pin.setTooltip(new Tooltip("Add this chart to the report (Report stage)"));
        pin.setDisable(true);
        pin.setOnAction(e -> {
            if (current != null) {
                model.pin(current);
                pin.setText("Pinned \u2713");
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, problem, spacer, pin);
        bar.setAlignment(Pos.CENTER_RIGHT);
        root.setTop(bar);
        root.setCenter(new StackPane(chart.node()));
    }

    Node node() {
        return root;
    }

    Button pinButton() {
        return pin;
    }

    void show(ChartSpec spec) {
        current = spec;
        pin.setText("Pin to report");
        pin.setDisable(true);
        model.chart(slot, spec, data -> {
            problem.setVisible(false);
            problem.setManaged(false);
            pin.setDisable(false);
            chart.show(data);
        }, message -> {
            problem.setText(message);
            problem.setVisible(true);
            problem.setManaged(true);
            chart.clear();
        });
    }
}
