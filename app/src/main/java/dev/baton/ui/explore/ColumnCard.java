package dev.baton.ui.explore;

import dev.baton.util.Format;
import dev.baton.explore.ColumnProfile;
import dev.baton.explore.ValueCount;
import dev.baton.explore.chart.ChartSpec;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/** The selected column's profile: its statistics, most frequent values and chart (histogram or bars). */
final class ColumnCard {

    private final ExploreViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final GridPane stats = new GridPane();
    private final GridPane top = new GridPane();
    private final ChartPane chart;
    private final Spinner<Integer> bins = new Spinner<>(0, 200, 0);
    private ColumnProfile shown;
    private final javafx.beans.property.BooleanProperty numeric = new javafx.beans.property.SimpleBooleanProperty();

    ColumnCard(ExploreViewModel model) {
        this.model = model;
        this.chart = new ChartPane(model);
        title.getStyleClass().add("stage-title");
        title.setId("profile-title");
        stats.getStyleClass().add("stats-grid");
        stats.setId("profile-stats");
        stats.setHgap(14);
        stats.setVgap(3);
        top.setHgap(14);
        top.setVgap(3);
        bins.setEditable(true);
        bins.setPrefWidth(80);
        bins.valueProperty().addListener((o, was, now) -> drawChart());
        Label binsLabel = new Label("Bins (0 = automatic)");
        binsLabel.getStyleClass().add("muted");
        HBox binsBox = new HBox(6, binsLabel, bins);
        binsBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        binsBox.visibleProperty().bind(numeric);
        Label topTitle = new Label("Most frequent values");
        topTitle.getStyleClass().add("section-title");
        VBox left = new VBox(10, stats, topTitle, top);
        left.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(280);
        VBox right = new VBox(6, binsBox, chart.node());
        VBox.setVgrow(chart.node(), javafx.scene.layout.Priority.ALWAYS);
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        root.setLeft(scroll);
        root.setCenter(right);
    }

    Node node() {
        return root;
    }

    ChartPane chart() {
        return chart;
    }

    void show(ColumnProfile c) {
        shown = c;
        numeric.set(c != null && c.isNumeric());
        stats.getChildren().clear();
        top.getChildren().clear();
        if (c == null) {
            title.setText("");
            return;
        }
        title.setText(c.name() + "  \u00b7  " + c.type().label());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Filled", Format.count(c.count())});
        rows.add(new String[]{"Missing", Format.count(c.missing()) + " (" + Format.percent(c.missingPercent()) + ")"});
        if (c.unparsable() > 0) {
            rows.add(new String[]{"Did not parse", Format.count(c.unparsable())});
        }
        rows.add(new String[]{"Distinct", Format.count(c.distinct())});
        rows.add(new String[]{"Seen once", Format.count(c.unique())});
        if (c.isNumeric()) {
            // Years and other codes as written (2007, not 2,007): their statistics are values of the same kind.
            boolean code = Format.isCode(c.name(), c.type() == dev.baton.data.ColumnType.INTEGER, c.min(), c.max());
            rows.add(new String[]{"Mean", Format.number(c.mean(), code)});
            rows.add(new String[]{"Std. deviation", Format.number(c.std())});
            rows.add(new String[]{"Minimum", Format.number(c.min(), code)});
            c.quantiles().forEach((k, v) -> rows.add(new String[]{k.equals("50%") ? "Median (50%)" : k, Format.number(v, code)}));
            rows.add(new String[]{"Maximum", Format.number(c.max(), code)});
            rows.add(new String[]{"Skewness", Format.number(c.skewness())});
            rows.add(new String[]{"Kurtosis (excess)", Format.number(c.kurtosis())});
            rows.add(new String[]{"Zeros", Format.count(c.zeros())});
            rows.add(new String[]{"Negatives", Format.count(c.negatives())});
        }
        if (c.minLength() != null) {
            rows.add(new String[]{"Length", c.minLength() + " to " + c.maxLength() + " (mean " + Format.number(c.meanLength()) + ")"});
        }
        if (c.first() != null) {
            rows.add(new String[]{"From", c.first()});
            rows.add(new String[]{"To", c.last()});
        }
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i)[0]);
            k.getStyleClass().add("muted");
            Label v = new Label(rows.get(i)[1]);
            v.getStyleClass().add("stat-value");
            stats.addRow(i, k, v);
        }
        int i = 0;
        for (ValueCount vc : c.top()) {
            Label v = new Label(vc.value());
            v.setMaxWidth(200);
            Label n = new Label(Format.count(vc.count()) + "  (" + Format.percent(100.0 * vc.count() / Math.max(1, c.count())) + ")");
            n.getStyleClass().add("muted");
            top.addRow(i++, v, n);
        }
        drawChart();
    }

    private void drawChart() {
        if (shown == null) {
            return;
        }
        if (shown.isNumeric()) {
            chart.show(ChartSpec.histogram(shown.name(), bins.getValue() == null ? 0 : bins.getValue()));
        } else if (shown.count() > 0 && (shown.type().isString() || shown.type() == dev.baton.data.ColumnType.BOOLEAN)) {
            chart.show(ChartSpec.bar(shown.name()));
        } else if (shown.type().isTemporal()) {
            chart.show(ChartSpec.bar(shown.name()));
        }
    }
}
