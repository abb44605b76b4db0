package dev.baton.ui.explore;

import dev.baton.explore.Exploration;
import dev.baton.explore.TargetAssociations;
import dev.baton.train.Features;
import dev.baton.util.Format;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Every column ranked by its association with one chosen column (the target by default), each with the measure
 * used: the first question of modelling, answered from the exploration already computed.
 */
final class AssociationPane {

    private final ExploreViewModel model;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> against = new org.controlsfx.control.SearchableComboBox<>();
    private final TableView<TargetAssociations.Association> table = new TableView<>();

    AssociationPane(ExploreViewModel model) {
        this.model = model;
        against.setId("association-target");
        against.setPromptText("choose a column");
        against.valueProperty().addListener((o, was, now) -> refill());
        HBox bar = new HBox(8, new Label("Association with"), against);
        bar.setAlignment(Pos.CENTER_LEFT);
        table.setId("association-table");
        table.setPlaceholder(new Label("Choose the column to rank the others against."));
        TableColumn<TargetAssociations.Association, String> column = new TableColumn<>("column");
        column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().column()));
        column.setPrefWidth(220);
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip fullName = new Tooltip(); // one per cell: each Tooltip is a window of its own

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                fullName.setText(item);
                setTooltip(empty || item == null ? null : fullName);
            }
        });
        TableColumn<TargetAssociations.Association, String> measure = new TableColumn<>("measure");
        measure.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().measure().label()));
        measure.setPrefWidth(150);
        TableColumn<TargetAssociations.Association, String> value = new TableColumn<>("association");
        value.setCellValueFactory(cd -> new ReadOnlyStringWrapper(Double.isNaN(cd.getValue().value()) ? "\u2013"
                : Format.decimal(cd.getValue().value(), 3)));
        value.setPrefWidth(100);
        value.getStyleClass().add("numeric-column");
        TableColumn<TargetAssociations.Association, TargetAssociations.Association> strength = new TableColumn<>("strength");
        strength.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        strength.setCellFactory(c -> new StrengthCell());
        strength.setPrefWidth(180);
        table.getColumns().setAll(java.util.List.of(column, measure, value, strength));
        table.getColumns().forEach(c -> c.setSortable(false));
        Label note = new Label("Pearson between numbers (signed), Cram\u00e9r's V between categories and the correlation ratio "
                + "between a category and a number (both 0 to 1); rows where either column is missing are left out.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        root.setTop(bar);
        root.setCenter(table);
        root.setBottom(note);
        BorderPane.setMargin(table, new javafx.geometry.Insets(6, 0, 6, 0));
    }

    /**
     * The association's strength as a plain bar: a region of the cell's width times |value| (a ProgressBar per row
     * is a control with a skin of its own, and styling one for each visible row held the window up).
     */
    private static final class StrengthCell extends TableCell<TargetAssociations.Association, TargetAssociations.Association> {
        private final javafx.beans.property.DoubleProperty share = new javafx.beans.property.SimpleDoubleProperty();
        private final javafx.scene.layout.Region bar = new javafx.scene.layout.Region();

        StrengthCell() {
            bar.getStyleClass().add("strength-bar");
            bar.setPrefHeight(10);
            bar.setMaxHeight(10);
            bar.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(0, widthProperty().subtract(16)).multiply(share));
            bar.minWidthProperty().bind(bar.prefWidthProperty());
            bar.maxWidthProperty().bind(bar.prefWidthProperty());
        }

        @Override
        protected void updateItem(TargetAssociations.Association item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || Double.isNaN(item.value())) {
                setGraphic(null);
            } else {
                share.set(Math.min(1, Math.abs(item.value())));
                setGraphic(bar);
            }
        }
    }

    Node node() {
        return root;
    }

    /** New data or a new exploration: the columns to choose from, keeping the choice when it still exists. */
    void show(Exploration exploration) {
        var data = model.data();
        if (data == null || exploration == null) {
            table.getItems().clear();
            return;
        }
        String keep = against.getValue();
        if (!against.getItems().equals(data.columnNames())) {
            // Cleared first: the searchable box's filtered view trips over a selection past the end of new items.
            against.setValue(null);
            against.getItems().setAll(data.columnNames());
        }
        if (keep == null || !data.hasColumn(keep)) {
            String target = model.trainingTarget();
            keep = target != null && data.hasColumn(target) ? target : byName(data.columnNames());
        }
        against.setValue(keep);
        refill();
    }

    /** The column whose name says most plainly that it is the target, the last of equals; null if none. */
    private static String byName(java.util.List<String> columns) {
        String best = null;
        int score = 0;
        for (String c : columns) {
            int s = Features.targetByName(c);
            if (s > 0 && s >= score) {
                best = c;
                score = s;
            }
        }
        return best;
    }

    private void refill() {
        Exploration e = model.explorationProperty().get();
        var data = model.data();
        String target = against.getValue();
        if (e == null || data == null || target == null || !data.hasColumn(target)) {
            table.getItems().clear();
            return;
        }
        table.getItems().setAll(TargetAssociations.rank(e.correlations(), data, target));
    }
}
