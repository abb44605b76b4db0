package dev.baton.ui.explore;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.explore.Correlations;
import dev.baton.explore.Exploration;
import dev.baton.explore.chart.ChartSpec;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The Explore stage: columns with type and alert badges on the left; the dataset overview with its alerts, the
 * selected column's profile card, the correlation heatmap, a chart builder and the pinned charts on the right.
 */
public final class ExploreStageView {

    private final ExploreViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<String> columns = new ListView<>();
    private final TabPane tabs = new TabPane();
    private final ColumnCard card;
    private final OverviewPane overview;
    private final ChartPane heatmap;
    private final AssociationPane associations;
    private final ChartBuilderPane builder;
    private final Label subtitle = new Label();
    private final StackPane center = new StackPane();
    private final SplitPane content;

    public ExploreStageView(ExploreViewModel model, Supplier<Window> window) {
        this.model = model;
        this.card = new ColumnCard(model);
        this.overview = new OverviewPane(model, window);
        this.heatmap = new ChartPane(model);
        this.associations = new AssociationPane(model);
        this.builder = new ChartBuilderPane(model);
        root.getStyleClass().add("stage-view");
        root.setId("stage-explore");
        Label title = new Label("Explore");
        title.getStyleClass().add("stage-title");
        subtitle.getStyleClass().add("muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(2, title, subtitle), spacer, busy);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("stage-header");
        root.setTop(header);

        columns.setId("explore-columns");
        columns.setCellFactory(v -> new ColumnCell());
        columns.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(columns.getSelectionModel().getSelectedItem())) {
                columns.getSelectionModel().select(now);
            }
            card.show(model.profile(now));
            if (now != null && was != null) {
                tabs.getSelectionModel().select(1);
            }
        });
        columns.setMinWidth(180);

        ComboBox<Correlations.Measure> measure = new ComboBox<>();
        measure.getItems().setAll(Correlations.Measure.values());
        measure.setValue(Correlations.Measure.MIXED);
        measure.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Correlations.Measure m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Correlations.Measure fromString(String s) {
                return null;
            }
        });
        measure.valueProperty().addListener((o, was, now) -> heatmap.show(ChartSpec.heatmap(now)));
        HBox measureBar = new HBox(8, new Label("Measure"), measure);
        measureBar.setAlignment(Pos.CENTER_LEFT);
        BorderPane heatmapPane = new BorderPane(heatmap.node());
        heatmapPane.setTop(measureBar);
        Tab heatmapTab = new Tab("Heatmap", heatmapPane);
        heatmapTab.setId("tab-heatmap");
        Tab rankedTab = new Tab("Against one column", associations.node());
        rankedTab.setId("tab-associations");
        TabPane correlations = new TabPane(rankedTab, heatmapTab);
        correlations.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dev.baton.ui.controls.LazyTabs.apply(correlations);
        correlations.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == heatmapTab && model.explorationProperty().get() != null) {
                heatmap.show(ChartSpec.heatmap(measure.getValue()));
            }
        });

        tabs.getTabs().addAll(tab("Overview", overview.node()), tab("Column", card.node()), tab("Correlations", correlations),
                tab("Chart builder", builder.node()), tab("Pinned for the report", new PinnedPane(model).node()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dev.baton.ui.controls.LazyTabs.apply(tabs);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() == 2 && model.explorationProperty().get() != null) {
                heatmap.show(ChartSpec.heatmap(measure.getValue()));
            }
        });
        content = new SplitPane(columns, tabs);
        content.setDividerPositions(0.18);
        root.setCenter(center);
        model.explorationProperty().addListener((o, was, now) -> show(now));
        show(model.explorationProperty().get());
    }

    private static Tab tab(String title, Node content) {
        StackPane body = new StackPane(content);
        body.getStyleClass().add("tab-body");
        Tab t = new Tab(title, body);
        t.setId("tab-" + title.toLowerCase().replace(' ', '-'));
        return t;
    }

    public Node node() {
        return root;
    }

    public ExploreViewModel model() {
        return model;
    }

    OverviewPane overview() {
        return overview;
    }

    private void show(Exploration e) {
        Dataset data = model.data();
        if (data == null) {
            Label empty = new Label("Open a dataset in the Data stage first.");
            empty.getStyleClass().add("muted");
            center.getChildren().setAll(empty);
            subtitle.setText("");
            return;
        }
        if (e == null) {
            Label wait = new Label("Profiling " + data.name() + "\u2026");
            wait.getStyleClass().add("muted");
            center.getChildren().setAll(wait);
            return;
        }
        subtitle.setText(String.format("%s: %,d rows \u00d7 %,d columns \u00b7 %d alert%s", data.name(), data.rowCount(),
                data.columnCount(), e.alerts().size(), e.alerts().size() == 1 ? "" : "s"));
        String keep = model.selectedProperty().get();
        columns.getItems().setAll(data.columnNames());
        columns.refresh();
        if (keep != null && data.hasColumn(keep)) {
            columns.getSelectionModel().select(keep);
            card.show(model.profile(keep));
        }
        center.getChildren().setAll(content);
        associations.show(e);
        if (tabs.getSelectionModel().getSelectedIndex() == 2) {
            heatmap.show(ChartSpec.heatmap(Correlations.Measure.MIXED));
        }
    }

    /** A type glyph, the name, and a badge with the number of alerts; its nodes made once and refilled. */
    private final class ColumnCell extends ListCell<String> {
        private final Label icon = new Label();
        private final Label label = new Label();
        private final Label badge = new Label();
        private final HBox row;
        private String iconStyle;

        ColumnCell() {
            icon.getStyleClass().add("type-icon");
            icon.setMinWidth(28);
            badge.getStyleClass().add("alert-badge");
            badge.managedProperty().bind(badge.visibleProperty());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(6, icon, label, spacer, badge);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setText(null);
            if (empty || name == null || model.data() == null || !model.data().hasColumn(name)) {
                setGraphic(null);
                return;
            }
            ColumnType type = model.data().type(name);
            String style = "type-" + type.name().toLowerCase();
            if (!style.equals(iconStyle)) {
                if (iconStyle != null) {
                    icon.getStyleClass().remove(iconStyle);
                }
                icon.getStyleClass().add(style);
                iconStyle = style;
            }
            icon.setText(glyph(type));
            label.setText(name);
            long alerts = model.alertCount(name);
            badge.setVisible(alerts > 0);
            if (alerts > 0) {
                badge.setText(Long.toString(alerts));
                badge.setTooltip(new javafx.scene.control.Tooltip(alerts + " alert" + (alerts == 1 ? "" : "s")));
            }
            setGraphic(row);
        }
    }

    static String glyph(ColumnType type) {
        return switch (type) {
            case INTEGER -> "123";
            case DECIMAL -> "1.5";
            case BOOLEAN -> "y/n";
            case DATE -> "date";
            case DATETIME -> "time";
            case CATEGORICAL -> "abc";
            case TEXT -> "txt";
        };
    }
}
