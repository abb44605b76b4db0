package dev.baton.ui.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.PlotlyFigure;
import dev.baton.explore.chart.PlotlyPage;
import dev.baton.util.Json;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;

/**
 * An interactive plotly chart in a web view. The page with plotly.js (inlined, no network) loads once; each chart
 * is then drawn by handing its figure to the page, so changing charts is quick.
 *
 * <p>The web view is made when the first chart is shown, not with the window: the first web view starts WebKit
 * (about a second on the FX thread) and each loads plotly.js, and a window built with all of them appeared a
 * second later, before the user had asked for any chart.
 */
public final class ChartView {

    private final StackPane holder = new StackPane();
    private WebView web;
    private boolean loaded;
    private String pending;

    public ChartView() {
        holder.getStyleClass().add("chart-holder");
        holder.setMinSize(200, 160);
    }

    public Node node() {
        return holder;
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
            makeWebView();
        }
    }

    public void clear() {
        if (loaded) {
            web.getEngine().executeScript("clearChart()");
        } else {
            pending = null;
        }
    }

    private void makeWebView() {
        if (web != null) {
            return;
        }
        web = new WebView();
        web.setContextMenuEnabled(false);
        web.getStyleClass().add("chart-view");
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
        holder.getChildren().add(web);
    }

    private void draw(String json) {
        web.getEngine().executeScript("renderChart(" + json + ")");
    }
}
