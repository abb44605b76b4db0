package dev.baton.ui.explore;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.explore.Alert;
import dev.baton.explore.Correlations;
import dev.baton.explore.Exploration;
import dev.baton.explore.chart.ChartSpec;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/** Choose a kind of chart and its columns; the chart follows every choice. Only the kind's own choices show. */
final class ChartBuilderPane {

    private final ExploreViewModel model;
    private final BorderPane root = new BorderPane();
    private final ComboBox<ChartSpec.Kind> kind = new ComboBox<>();
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private final ComboBox<String> group = new ComboBox<>();
    private final ComboBox<Correlations.Measure> measure = new ComboBox<>();
    private final Spinner<Integer> bins = new Spinner<>(0, 200, 0);
    private final Label xLabel = label("X");
    private final Label groupLabel = label("Colour by");
    private final HBox xField = field(xLabel, x);
    private final HBox yField = field(label("Y"), y);
    private final HBox groupField = field(groupLabel, group);
    private final HBox binsField = field(label("Bins (0 = automatic)"), bins);
    private final HBox measureField = field(label("Measure"), measure);
    private final ChartPane chart;

    ChartBuilderPane(ExploreViewModel model) {
        this.model = model;
        this.chart = new ChartPane(model);
        kind.getItems().setAll(ChartSpec.Kind.values());
        kind.setConverter(dev.baton.ui.controls.Labels.converter(ChartSpec.Kind::label));
        kind.setValue(ChartSpec.Kind.SCATTER);
        kind.setId("builder-kind");
        measure.getItems().setAll(Correlations.Measure.values());
        measure.setConverter(dev.baton.ui.controls.Labels.converter(Correlations.Measure::label));
        measure.setValue(Correlations.Measure.MIXED);
        bins.setPrefWidth(80);
        bins.setEditable(true);
        x.setId("builder-x");
        y.setId("builder-y");
        group.setId("builder-group");
        group.setPromptText("none");
        // Wraps rather than cutting its labels short in a narrow window.
        FlowPane controls = new FlowPane(16, 6, field(label("Chart"), kind), xField, yField, groupField, binsField, measureField);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("builder-controls");
        root.setTop(controls);
        root.setCenter(chart.node());
        BorderPane.setMargin(chart.node(), new javafx.geometry.Insets(8, 0, 0, 0));
        for (var p : List.of(kind.valueProperty(), x.valueProperty(), y.valueProperty(), group.valueProperty(),
                measure.valueProperty(), bins.valueProperty())) {
            p.addListener((o, was, now) -> draw());
        }
        kind.valueProperty().addListener((o, was, now) -> showFields());
        model.explorationProperty().addListener((o, was, now) -> columns());
        columns();
        showFields();
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox field(Label label, Node control) {
        HBox field = new HBox(6, label, control);
        field.setAlignment(Pos.CENTER_LEFT);
        return field;
    }

    private static void show(Node field, boolean shown) {
        field.setVisible(shown);
        field.setManaged(shown);
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
        // The first two numbers that are not identifiers: a row number on an axis shows nothing.
        List<String> measures = new ArrayList<>(numeric);
        measures.removeAll(identifiers());
        if (measures.size() < 2) {
            measures = numeric;
        }
        x.setValue(all.contains(keepX) ? keepX : measures.isEmpty() ? (all.isEmpty() ? null : all.get(0)) : measures.get(0));
        y.setValue(numeric.contains(keepY) ? keepY : measures.size() > 1 ? measures.get(1) : null);
    }

    /** The columns the alerts call ID-like. */
    private List<String> identifiers() {
        Exploration exploration = model.explorationProperty().get();
        if (exploration == null) {
            return List.of();
        }
        return exploration.alerts().stream().filter(a -> a.kind() == Alert.Kind.UNIQUE)
                .flatMap(a -> a.columns().stream()).toList();
    }

    private void showFields() {
        ChartSpec.Kind k = kind.getValue();
        show(xField, k != ChartSpec.Kind.HEATMAP && k != ChartSpec.Kind.MISSING);
        xLabel.setText(k == ChartSpec.Kind.SCATTER ? "X" : k == ChartSpec.Kind.BOX ? "Values" : "Column");
        show(yField, k == ChartSpec.Kind.SCATTER);
        show(groupField, k == ChartSpec.Kind.SCATTER || k == ChartSpec.Kind.BOX);
        groupLabel.setText(k == ChartSpec.Kind.SCATTER ? "Colour by" : "Group by");
        show(binsField, k == ChartSpec.Kind.HISTOGRAM);
        show(measureField, k == ChartSpec.Kind.HEATMAP);
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
