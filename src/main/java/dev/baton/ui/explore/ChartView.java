package dev.baton.ui.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.PlotlyFigure;
import dev.baton.explore.chart.PlotlyPage;
import dev.baton.util.Json;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.web.WebView;

/**
 * An interactive plotly chart in a web view. The page with plotly.js (inlined, no network) loads once; each chart
 * is then drawn by handing its figure to the page, so changing charts is quick.
 */
public final class ChartView {

    private final WebView web = new WebView();
    private boolean loaded;
    private String pending;

    public ChartView() {
        web.setContextMenuEnabled(false);
        web.getStyleClass().add("chart-view");
        web.setMinSize(200, 160);
        web.getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                loaded = true;
                if (pending != null) {
                    draw(pending);
                    pending = null;
                }
            }
        });
        web.getEngine().loadContent(PlotlyPage.viewer());
    }

    public Node node() {
        return web;
    }

    public void show(ChartData chart) {
        ObjectNode figure = PlotlyFigure.of(chart);
        String json;
        try {
            json = Json.mapper().writeValueAsString(figure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (loaded) {
            draw(json);
        } else {
            pending = json;
        }
    }

    public void clear() {
        if (loaded) {
            web.getEngine().executeScript("clearChart()");
        } else {
            pending = null;
        }
    }

    private void draw(String json) {
        web.getEngine().executeScript("renderChart(" + json + ")");
    }
}
