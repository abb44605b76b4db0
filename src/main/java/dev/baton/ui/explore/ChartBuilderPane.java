package dev.baton.ui.explore;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.explore.Correlations;
import dev.baton.explore.chart.ChartSpec;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/** Choose a kind of chart and its columns; the chart follows every choice. */
final class ChartBuilderPane {

    private final ExploreViewModel model;
    private final BorderPane root = new BorderPane();
    private final ComboBox<ChartSpec.Kind> kind = new ComboBox<>();
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private final ComboBox<String> group = new ComboBox<>();
    private final ComboBox<Correlations.Measure> measure = new ComboBox<>();
    private final Spinner<Integer> bins = new Spinner<>(0, 200, 0);
    private final ChartPane chart;

    ChartBuilderPane(ExploreViewModel model) {
        this.model = model;
        this.chart = new ChartPane(model);
        kind.getItems().setAll(ChartSpec.Kind.values());
        kind.setConverter(dev.baton.ui.Labels.converter(ChartSpec.Kind::label));
        kind.setValue(ChartSpec.Kind.SCATTER);
        kind.setId("builder-kind");
        measure.getItems().setAll(Correlations.Measure.values());
        measure.setConverter(dev.baton.ui.Labels.converter(Correlations.Measure::label));
        measure.setValue(Correlations.Measure.MIXED);
        bins.setPrefWidth(80);
        bins.setEditable(true);
        x.setId("builder-x");
        y.setId("builder-y");
        group.setId("builder-group");
        group.setPromptText("none");
        HBox controls = new HBox(8, new Label("Chart"), kind, label("X / values"), x, label("Y"), y, label("Group / colour"), group,
                label("Bins"), bins, label("Measure"), measure);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("builder-controls");
        root.setTop(controls);
        root.setCenter(chart.node());
        BorderPane.setMargin(chart.node(), new javafx.geometry.Insets(8, 0, 0, 0));
        for (var p : List.of(kind.valueProperty(), x.valueProperty(), y.valueProperty(), group.valueProperty(),
                measure.valueProperty(), bins.valueProperty())) {
            p.addListener((o, was, now) -> draw());
        }
        kind.valueProperty().addListener((o, was, now) -> enableFields());
        model.explorationProperty().addListener((o, was, now) -> columns());
        columns();
        enableFields();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }


    Node node() {
        return root;
    }

    ChartPane chart() {
        return chart;
    }

    private void columns() {
        Dataset data = model.data();
        if (data == null) {
            return;
        }
        List<String> numeric = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        groups.add(null);
        List<String> all = new ArrayList<>();
        for (ColumnInfo c : data.columns()) {
            all.add(c.name());
            if (c.type().isNumeric()) {
                numeric.add(c.name());
            }
            if (c.type() == dev.baton.data.ColumnType.CATEGORICAL || c.type() == dev.baton.data.ColumnType.BOOLEAN) {
                groups.add(c.name());
            }
        }
        String keepX = x.getValue();
        String keepY = y.getValue();
        x.getItems().setAll(all);
        y.getItems().setAll(numeric);
        group.getItems().setAll(groups);
        x.setValue(all.contains(keepX) ? keepX : numeric.isEmpty() ? (all.isEmpty() ? null : all.get(0)) : numeric.get(0));
        y.setValue(numeric.contains(keepY) ? keepY : numeric.size() > 1 ? numeric.get(1) : null);
    }

    private void enableFields() {
        ChartSpec.Kind k = kind.getValue();
        x.setDisable(k == ChartSpec.Kind.HEATMAP || k == ChartSpec.Kind.MISSING);
        y.setDisable(k != ChartSpec.Kind.SCATTER);
        group.setDisable(k != ChartSpec.Kind.SCATTER && k != ChartSpec.Kind.BOX);
        bins.setDisable(k != ChartSpec.Kind.HISTOGRAM);
        measure.setDisable(k != ChartSpec.Kind.HEATMAP);
    }

    private void draw() {
        if (model.data() == null || kind.getValue() == null) {
            return;
        }
        ChartSpec spec = switch (kind.getValue()) {
            case HISTOGRAM -> ChartSpec.histogram(x.getValue(), bins.getValue() == null ? 0 : bins.getValue());
            case BAR -> ChartSpec.bar(x.getValue());
            case BOX -> ChartSpec.box(x.getValue(), group.getValue());
            case SCATTER -> ChartSpec.scatter(x.getValue(), y.getValue(), group.getValue());
            case HEATMAP -> ChartSpec.heatmap(measure.getValue());
            case MISSING -> ChartSpec.missing();
        };
        chart.show(spec);
    }
}
