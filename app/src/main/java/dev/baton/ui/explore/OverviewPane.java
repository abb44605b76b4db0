package dev.baton.ui.explore;

import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.util.Format;
import dev.baton.explore.Alert;
import dev.baton.explore.AlertSettings;
import dev.baton.explore.DatasetProfile;
import dev.baton.explore.Duplicates;
import dev.baton.explore.Exploration;
import dev.baton.ui.controls.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/** The dataset at a glance, and its alerts, each with its evidence and a button that adds its fix to the recipe. */
final class OverviewPane {

    private final ExploreViewModel model;
    private final Supplier<Window> window;
    private final VBox root = new VBox(12);
    private final GridPane facts = new GridPane();
    private final ListView<Alert> alerts = new ListView<>();
    private final Label alertTitle = new Label("Alerts");

    OverviewPane(ExploreViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        facts.setHgap(24);
        facts.setVgap(4);
        facts.getStyleClass().add("stats-grid");
        alertTitle.getStyleClass().add("section-title");
        Button thresholds = new Button("Thresholds\u2026");
        thresholds.setOnAction(e -> editThresholds());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox alertBar = new HBox(8, alertTitle, spacer, thresholds);
        alertBar.setAlignment(Pos.CENTER_LEFT);
        alerts.setId("alerts-list");
        alerts.setPlaceholder(new Label("No alerts: nothing crossed its threshold."));
        alerts.setCellFactory(v -> new AlertCell());
        VBox.setVgrow(alerts, Priority.ALWAYS);
        root.getChildren().addAll(facts, alertBar, alerts);
        model.explorationProperty().addListener((o, was, now) -> show(now));
        show(model.explorationProperty().get());
    }

    Node node() {
        return root;
    }

    ListView<Alert> alerts() {
        return alerts;
    }

    private void show(Exploration e) {
        facts.getChildren().clear();
        if (e == null) {
            alerts.getItems().clear();
            return;
        }
        DatasetProfile p = e.profile();
        String[][] rows = {
            {"Rows", Format.count(p.rows())},
            {"Columns", Format.count(p.columnCount()) + "  (" + String.join(", ", p.types().entrySet().stream()
                    .map(t -> t.getValue() + " " + t.getKey()).toList()) + ")"},
            {"Missing cells", Format.count(p.missingCells()) + " (" + Format.percent(p.missingCellsPercent()) + ")"},
            {"Duplicate rows", Format.count(p.duplicateRows())},
            {"Memory", dev.baton.util.Format.bytes(p.memoryBytes())},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("muted");
            Label v = new Label(rows[i][1]);
            v.getStyleClass().add("stat-value");
            Node value = v;
            if (rows[i][0].equals("Duplicate rows") && p.duplicateRows() > 0) {
                Hyperlink which = new Hyperlink("show them");
                which.setId("show-repeated-rows");
                which.setPadding(Insets.EMPTY);
                which.setOnAction(ev -> model.findRepeatedRows(this::showRepeatedRows));
                HBox both = new HBox(10, v, which);
                both.setAlignment(Pos.BASELINE_LEFT);
                value = both;
            }
            facts.addRow(i, k, value);
        }
        alerts.getItems().setAll(e.alerts());
        alertTitle.setText(e.alerts().size() + " alert" + (e.alerts().size() == 1 ? "" : "s"));
    }

    /** Between the kind, the message and the fix button; and the list's padding and scroll bar. */
    private static final double GAP = 10;
    private static final double LIST_INSETS = 40;

    /**
     * An alert: its kind, message and fix button, made once per cell and refilled (new labels on every update made
     * JavaFX style them again, which held the window up when the Explore stage first showed 40 columns' alerts).
     */
    private final class AlertCell extends ListCell<Alert> {
        private final Label kind = new Label();
        private final Label message = new Label();
        private final Button fix = new Button();
        private final HBox row = new HBox(GAP, kind, message, fix);
        private Alert shown;

        AlertCell() {
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            row.setAlignment(Pos.CENTER_LEFT);
            fix.setMnemonicParsing(false);
            fix.setMinWidth(Region.USE_PREF_SIZE);
            fix.getStyleClass().add("small-button");
            fix.managedProperty().bind(fix.visibleProperty());
            fix.setOnAction(e -> {
                if (shown != null) {
                    model.fix(shown);
                }
            });
            // The message gets the width the kind and the fix button leave (so it wraps to its real height),
            // and the button is never cut.
            listViewProperty().addListener((o, was, now) -> {
                if (now != null) {
                    message.prefWidthProperty().bind(now.widthProperty().subtract(LIST_INSETS + GAP).subtract(kind.widthProperty())
                            .subtract(javafx.beans.binding.Bindings.when(fix.visibleProperty())
                                    .then(fix.widthProperty().add(GAP)).otherwise(0)));
                }
            });
        }

        @Override
        protected void updateItem(Alert a, boolean empty) {
            super.updateItem(a, empty);
            shown = empty ? null : a;
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            kind.setText(a.kind().label());
            kind.getStyleClass().setAll("label", "alert-kind", "alert-" + a.kind().name().toLowerCase());
            message.setText(a.message());
            fix.setVisible(a.fix() != null);
            fix.setText(a.fix() != null ? a.fixLabel() : "");
            setGraphic(row);
            setText(null);
        }
    }

    /** The rows repeated most often, each with how many rows hold its values, in a window of their own. */
    private void showRepeatedRows(Dataset data, List<Duplicates.Repeat> repeats) {
        TableView<Duplicates.Repeat> table = new TableView<>();
        table.setId("repeated-rows");
        TableColumn<Duplicates.Repeat, String> times = new TableColumn<>("rows");
        times.setCellValueFactory(c -> new ReadOnlyStringWrapper(Format.count(c.getValue().times())));
        times.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(times);
        for (String name : data.columnNames()) {
            Column<?> column = data.column(name);
            TableColumn<Duplicates.Repeat, String> values = new TableColumn<>(name);
            values.setCellValueFactory(c -> {
                String text = TypeConversion.text(column, c.getValue().row());
                return new ReadOnlyStringWrapper(text == null ? "missing" : text);
            });
            table.getColumns().add(values);
        }
        table.getItems().setAll(repeats);
        table.setPrefSize(760, 360);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(window.get());
        dialog.setTitle("Repeated rows");
        dialog.setHeaderText(repeats.size() < ExploreViewModel.REPEATED_ROWS
                ? "Rows whose values appear more than once, and how many rows hold them"
                : "The " + repeats.size() + " most repeated rows, and how many rows hold each");
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
    }

    private void editThresholds() {
        AlertSettings s = model.settings();
        Dialog<AlertSettings> dialog = new Dialog<>();
        dialog.initOwner(window.get());
        dialog.setTitle("Alert thresholds");
        dialog.setHeaderText("An alert fires when a column crosses its threshold");
        GridPane grid = Forms.grid(10, 8);
        TextField missing = field(s.missingPercent());
        TextField cardinality = field(s.cardinality());
        TextField skew = field(s.skewness());
        TextField imbalance = field(s.imbalance());
        TextField zeros = field(s.zerosPercent());
        TextField correlation = field(s.correlation());
        TextField duplicates = field(s.duplicateRows());
        grid.addRow(0, new Label("Missing values above (% of rows)"), missing);
        grid.addRow(1, new Label("Distinct values above (categories)"), cardinality);
        grid.addRow(2, new Label("Skewness beyond (absolute)"), skew);
        grid.addRow(3, new Label("Imbalance above (0 to 1)"), imbalance);
        grid.addRow(4, new Label("Zeros above (% of filled values)"), zeros);
        grid.addRow(5, new Label("Association above (absolute, 0 to 1)"), correlation);
        grid.addRow(6, new Label("Duplicate rows above"), duplicates);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            try {
                return new AlertSettings(Double.parseDouble(missing.getText()), (int) Double.parseDouble(cardinality.getText()),
                        Double.parseDouble(skew.getText()), Double.parseDouble(imbalance.getText()), Double.parseDouble(zeros.getText()),
                        Double.parseDouble(correlation.getText()), (long) Double.parseDouble(duplicates.getText()));
            } catch (NumberFormatException ex) {
                return null;
            }
        });
        dialog.showAndWait().ifPresent(model::setSettings);
    }

    /** A threshold as Double.parseDouble reads it back: no grouping, a point, whatever the locale. */
    private static TextField field(double value) {
        TextField f = new TextField(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        f.setPrefColumnCount(8);
        return f;
    }
}
