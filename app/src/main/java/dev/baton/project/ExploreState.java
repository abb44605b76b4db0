package dev.baton.project;

import dev.baton.explore.AlertSettings;
import dev.baton.explore.chart.ChartSpec;

import java.util.List;

/**
 * The exploration choices a project keeps: the alert thresholds, and the charts pinned for the report
 * (each with its caption), in order.
 */
public record ExploreState(AlertSettings alerts, List<ChartSpec> pins) {

    public ExploreState {
        alerts = alerts == null ? AlertSettings.defaults() : alerts;
        pins = pins == null ? List.of() : List.copyOf(pins);
    }

    public static ExploreState empty() {
        return new ExploreState(AlertSettings.defaults(), List.of());
    }
}
