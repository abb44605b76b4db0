package dev.baton.explore.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js 2.35.3, shipped inside Baton (MIT licence): its "cartesian" distribution (npm
 * plotly.js-cartesian-dist-min), 1.4 MB instead of the full bundle's 4.6 MB, with every trace type Baton draws
 * (bar, box, scatter, heatmap). No network is used.
 */
public final class PlotlyPage {

    public static final String VERSION = "2.35.3";
    private static volatile String script;

    private PlotlyPage() {
    }

    /** The minified plotly.js source. */
    public static String script() {
        String s = script;
        if (s == null) {
            try (InputStream in = PlotlyPage.class.getResourceAsStream("/dev/baton/explore/plotly-cartesian-" + VERSION + ".min.js")) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js is missing from Baton's resources");
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                script = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

}
