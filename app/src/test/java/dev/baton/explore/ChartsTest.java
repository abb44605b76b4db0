package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.explore.chart.ChartData;
import dev.baton.explore.chart.ChartSpec;
import dev.baton.explore.chart.Charts;
import dev.baton.explore.chart.PlotlyFigure;
import dev.baton.explore.chart.SvgChart;
import dev.baton.testing.Tables;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChartsTest {

    private static final Dataset PENGUINS = DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE);

    @Test
    void histogramCountsEveryFilledValueOnce() {
        ChartData.HistogramData h = (ChartData.HistogramData) Charts.data(PENGUINS, ChartSpec.histogram("body_mass_g", 12), Progress.NONE);
        assertThat(h.counts()).hasSize(12);
        assertThat(h.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(342);
        assertThat(h.edges().get(0)).isEqualTo(2700.0);
        assertThat(h.edges().get(12)).isEqualTo(6300.0);
    }

    @Test
    void barsAndBoxesByHand() {
        Dataset d = Tables.csv("g,v\na,1\na,2\na,3\na,4\na,100\nb,5\n");
        ChartData.BarData bars = (ChartData.BarData) Charts.data(d, ChartSpec.bar("g"), Progress.NONE);
        assertThat(bars.labels()).containsExactly("a", "b");
        assertThat(bars.counts()).containsExactly(5L, 1L);
        ChartData.BoxData boxes = (ChartData.BoxData) Charts.data(d, ChartSpec.box("v", "g"), Progress.NONE);
        ChartData.Box a = boxes.boxes().get(0);
        // 1, 2, 3, 4, 100: Q1 = 2, median 3, Q3 = 4, fences -1 and 7: 100 is an outlier, the whisker ends at 4.
        assertThat(a.q1()).isEqualTo(2.0);
        assertThat(a.median()).isEqualTo(3.0);
        assertThat(a.q3()).isEqualTo(4.0);
        assertThat(a.low()).isEqualTo(1.0);
        assertThat(a.high()).isEqualTo(4.0);
        assertThat(a.outliers()).containsExactly(100.0);
    }

    @Test
    void largeDataIsSampledAndPagesStaySmall() throws Exception {
        StringBuilder csv = new StringBuilder("x,y,c\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            csv.append(random.nextGaussian()).append(',').append(random.nextGaussian()).append(',').append("k").append(i % 3).append('\n');
        }
        Dataset big = Tables.csv(csv.toString());
        ChartData.ScatterData s = (ChartData.ScatterData) Charts.data(big, ChartSpec.scatter("x", "y", "c"), Progress.NONE);
        assertThat(s.shown()).isEqualTo(Charts.MAX_POINTS);
        assertThat(s.total()).isEqualTo(200_000);
        String json = Json.mapper().writeValueAsString(PlotlyFigure.of(s));
        assertThat(json.length()).isLessThan(1_000_000);
        assertThat(json).contains("a random sample of 5,000 of 200,000 points");
        ChartData.ScatterData again = (ChartData.ScatterData) Charts.data(big, ChartSpec.scatter("x", "y", "c"), Progress.NONE);
        assertThat(again.xs()).isEqualTo(s.xs());
    }

    @Test
    void everyKindDrawsAsWellFormedSvgAndPlotlyJson() throws Exception {
        for (ChartSpec spec : new ChartSpec[]{ChartSpec.histogram("bill_length_mm", 0), ChartSpec.bar("island"),
            ChartSpec.box("flipper_length_mm", "species"), ChartSpec.scatter("bill_length_mm", "bill_depth_mm", "species"),
            ChartSpec.heatmap(Correlations.Measure.SPEARMAN), ChartSpec.missing()}) {
            ChartData data = Charts.data(PENGUINS, spec, Progress.NONE);
            String svg = SvgChart.render(data, 720, 360);
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg).contains(spec.title().replace("'", "&#39;"));
            var figure = PlotlyFigure.of(data);
            assertThat(figure.get("data").size()).isPositive();
            assertThat(figure.get("layout").get("title").get("text").asText()).isEqualTo(spec.title());
        }
    }

    @Test
    void hostileTextIsEscapedInSvg() {
        Dataset d = Tables.csv("\"<b>&\",v\n\"<script>alert(1)</script>\",1\nx,2\n");
        String svg = SvgChart.render(Charts.data(d, ChartSpec.bar("<b>&"), Progress.NONE), 400, 300);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("&lt;b&gt;&amp;");
    }

    @Test
    void aWideTableShowsTheHundredMostAssociatedColumnsAndSaysSo() throws Exception {
        // 120 numeric columns of noise, except that s1 follows s0 closely: those two must be among the 100 shown, side by side.
        java.util.Random random = new java.util.Random(3);
        StringBuilder csv = new StringBuilder("s0,s1");
        for (int c = 0; c < 118; c++) {
            csv.append(",n").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 300; r++) {
            double x = random.nextGaussian();
            csv.append(x).append(',').append(x + 0.01 * random.nextGaussian());
            for (int c = 0; c < 118; c++) {
                csv.append(',').append(random.nextGaussian());
            }
            csv.append('\n');
        }
        Dataset wide = Tables.csv(csv.toString());
        ChartData.HeatmapData h = (ChartData.HeatmapData) Charts.data(wide, ChartSpec.heatmap(Correlations.Measure.PEARSON), Progress.NONE);
        assertThat(h.columns()).hasSize(Charts.HEATMAP_COLUMNS).contains("s0", "s1");
        assertThat(h.title()).contains("the 100 of 120 columns");
        assertThat(Math.abs(h.columns().indexOf("s0") - h.columns().indexOf("s1"))).isEqualTo(1);
        assertThat(Json.mapper().writeValueAsString(PlotlyFigure.of(h)).length()).isLessThan(200_000);
    }

    @Test
    void theHeatmapOrdersColumnsSoThatThoseThatGoTogetherSitTogether() {
        // Two groups interleaved in the file: a1, b1, a2, b2, a3, b3; each a follows x, each b follows y.
        java.util.Random random = new java.util.Random(5);
        StringBuilder csv = new StringBuilder("a1,b1,a2,b2,a3,b3\n");
        for (int r = 0; r < 400; r++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            for (int k = 0; k < 3; k++) {
                csv.append(k == 0 ? "" : ",").append(x + 0.3 * random.nextGaussian()).append(',').append(y + 0.3 * random.nextGaussian());
            }
            csv.append('\n');
        }
        ChartData.HeatmapData h = (ChartData.HeatmapData) Charts.data(Tables.csv(csv.toString()),
                ChartSpec.heatmap(Correlations.Measure.PEARSON), Progress.NONE);
        String order = String.join("", h.columns().stream().map(c -> c.substring(0, 1)).toList());
        assertThat(order).isIn("aaabbb", "bbbaaa");
    }

    @Test
    void aWideTablesMissingValuesMatrixShowsTheColumnsMissingMost() {
        // 150 columns; only the last two miss values (every 3rd and every 5th row).
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 150; c++) {
            csv.append(c == 0 ? "" : ",").append("k").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 60; r++) {
            for (int c = 0; c < 150; c++) {
                boolean gap = (c == 148 && r % 3 == 0) || (c == 149 && r % 5 == 0);
                csv.append(c == 0 ? "" : ",").append(gap ? "" : Integer.toString(r + c));
            }
            csv.append('\n');
        }
        ChartData.HeatmapData h = (ChartData.HeatmapData) Charts.data(Tables.csv(csv.toString()), ChartSpec.missing(), Progress.NONE);
        assertThat(h.columns()).hasSize(Charts.MISSING_COLUMNS).contains("k148", "k149");
        assertThat(h.title()).contains("the 100 of 150 columns missing the most");
        int k148 = h.columns().indexOf("k148");
        double missingShare = 0;
        for (double[] band : h.z()) {
            missingShare += band[k148] / h.z().length;
        }
        assertThat(missingShare).isCloseTo(20.0 / 60, within(1e-9));
    }
}
