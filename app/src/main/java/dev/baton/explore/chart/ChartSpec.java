package dev.baton.explore.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.explore.Correlations;

/**
 * What to draw, as data: saved in the project when a chart is pinned, and redrawn from the current data for
 * the window, the HTML report and the PDF.
 *
 * @param kind    the kind of chart
 * @param x       the main column (histogram, bar, box values, scatter x)
 * @param y       the second column (scatter y)
 * @param group   the grouping column (box plots) or colour (scatter); may be null
 * @param bins    histogram bins (0: chosen from the data)
 * @param measure the association measure of a heatmap
 * @param caption the author's caption for the report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartSpec(Kind kind, String x, String y, String group, int bins, Correlations.Measure measure, String caption) {

    public enum Kind {
        HISTOGRAM("Histogram"), BAR("Bar chart of categories"), BOX("Box plot"), SCATTER("Scatter plot"),
        HEATMAP("Correlation heatmap"), MISSING("Missing values");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ChartSpec histogram(String column, int bins) {
        return new ChartSpec(Kind.HISTOGRAM, column, null, null, bins, null, null);
    }

    public static ChartSpec bar(String column) {
        return new ChartSpec(Kind.BAR, column, null, null, 0, null, null);
    }

    public static ChartSpec box(String column, String group) {
        return new ChartSpec(Kind.BOX, column, null, group, 0, null, null);
    }

    public static ChartSpec scatter(String x, String y, String color) {
        return new ChartSpec(Kind.SCATTER, x, y, color, 0, null, null);
    }

    public static ChartSpec heatmap(Correlations.Measure measure) {
        return new ChartSpec(Kind.HEATMAP, null, null, null, 0, measure, null);
    }

    public static ChartSpec missing() {
        return new ChartSpec(Kind.MISSING, null, null, null, 0, null, null);
    }

    public ChartSpec withCaption(String text) {
        return new ChartSpec(kind, x, y, group, bins, measure, text);
    }

    /** A title that says what the chart shows. */
    public String title() {
        return switch (kind) {
            case HISTOGRAM -> "Distribution of " + x;
            case BAR -> "Most frequent values of " + x;
            case BOX -> x + (group == null ? "" : " by " + group);
            case SCATTER -> y + " against " + x + (group == null ? "" : ", coloured by " + group);
            case HEATMAP -> "Association between columns (" + (measure == null ? Correlations.Measure.MIXED : measure).label() + ")";
            case MISSING -> "Where values are missing";
        };
    }
}
