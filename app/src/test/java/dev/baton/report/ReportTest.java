package dev.baton.report;

import dev.baton.train.ModelResult;
import dev.baton.util.Progress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The penguins report, parsed back: sections, numbers, charts, escaping, no network, and the same content in the PDF. */
class ReportTest {

    static final Instant WHEN = Instant.parse("2026-11-22T10:00:00Z");
    static ReportInput input;
    static ReportModel model;
    static String html;
    static Document doc;
    static String pdfText;

    @BeforeAll
    static void render() throws Exception {
        input = PenguinsReport.input();
        model = ReportBuilder.build(input, Progress.NONE);
        html = HtmlReport.render(model, HtmlReport.Mode.INTERACTIVE, WHEN);
        doc = Jsoup.parse(html);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReport.write(model, WHEN, pdf);
        // Kept for a look by eye: target/reports/penguins.html and .pdf
        Path out = Files.createDirectories(Path.of("target", "reports"));
        Files.writeString(out.resolve("penguins.html"), html);
        Files.write(out.resolve("penguins.pdf"), pdf.toByteArray());
        try (PDDocument d = Loader.loadPDF(pdf.toByteArray())) {
            pdfText = new PDFTextStripper().getText(d);
            assertThat(d.getNumberOfPages()).isGreaterThan(5);
        }
    }

    @Test
    void theSectionsAreThereInOrderWithATableOfContents() {
        assertThat(doc.select("section.section > h2").eachText()).containsExactly("1. Data overview", "2. Data quality",
                "3. Exploration", "4. Modelling", "5. Model card", "6. Limitations and next steps", "7. Appendix");
        assertThat(doc.select("nav.toc a").eachAttr("href")).containsExactly("#sec-data", "#sec-quality", "#sec-exploration",
                "#sec-modelling", "#sec-model-card", "#sec-limitations", "#sec-appendix");
        assertThat(doc.selectFirst("header.title-page h1").text()).isEqualTo("Telling penguin species apart");
        assertThat(doc.selectFirst("header.title-page .meta").text()).isEqualTo("A. Analyst & Co \u00b7 2026-11-20 \u00b7 data: penguins_raw.csv");
    }

    @Test
    void theNumbersAreTheProjectsNumbers() {
        ModelResult chosen = input.training().chosenResult();
        String accuracy = String.format(Locale.ROOT, "%.4f", chosen.holdout().get("accuracy"));
        Element title = doc.selectFirst("header.title-page");
        assertThat(title.select(".figure .value").eachText()).contains("344", "8", "13", "Logistic regression", accuracy);
        // penguins_raw.csv has 2 missing culmen lengths; their median (pandas: 44.45) filled them.
        assertThat(section("quality").select("ol.steps li").eachText())
                .contains("Fill missing bill_length_mm with the median (44.45): 2 cells in 2 rows changed", "Rename Species to species");
        // 17 columns as imported, 8 after the recipe; 344 rows throughout.
        assertThat(section("data").select(".figure").eachText()).contains("344 rows 344 as imported", "8 columns 17 as imported");
        // Ranked by the cross-validation mean, the held-out figures beside it, the baseline last.
        Element leaderboard = section("modelling").selectFirst("table");
        assertThat(leaderboard.select("tbody tr")).hasSize(3);
        assertThat(leaderboard.select("tbody tr").get(0).child(0).text()).isEqualTo("Logistic regression (chosen)");
        assertThat(leaderboard.select("tbody tr").get(0).child(1).text()).isEqualTo(String.format(Locale.ROOT, "%.4f \u00b1 %.4f",
                chosen.cv().get("accuracy").mean(), chosen.cv().get("accuracy").std()));
        assertThat(leaderboard.select("tbody tr").get(0).child(2).text()).isEqualTo(accuracy);
        assertThat(leaderboard.select("tbody tr").get(2).child(0).text()).isEqualTo("Baseline (most common class)");
        // 151 of the 344 penguins are Adelie: always saying Adelie is right on 30 of the 69 held-out rows (stratified).
        assertThat(leaderboard.select("tbody tr").get(2).child(2).text()).isEqualTo(String.format(Locale.ROOT, "%.4f", 30 / 69.0));
        assertThat(leaderboard.selectFirst("caption").text()).contains("cross-validation mean \u00b1 sd of accuracy over 5 folds of 275 rows",
                "held out: 69 rows never used in training or cross-validation");
        Element perClass = section("modelling").select("table").stream()
                .filter(t -> t.selectFirst("caption").text().startsWith("Per class")).findFirst().orElseThrow();
        assertThat(perClass.select("tbody tr").eachText()).hasSize(3);
        long support = chosen.perClass().stream().mapToLong(c -> c.support()).sum();
        assertThat(support).isEqualTo(chosen.testRows());
    }

    @Test
    void pinnedChartsWithCaptionsAndModelChartsAreInteractive() {
        Element exploration = section("exploration");
        assertThat(exploration.select("figure.chart")).hasSize(3);
        assertThat(exploration.select("figcaption").eachText()).containsExactly(
                "Flipper lengths fall into two groups " + PenguinsReport.HOSTILE, "Adelie penguins are the most common.");
        assertThat(exploration.selectFirst(".commentary").text()).isEqualTo("Bill shape separates the species best.");
        // Every plot div has its figure in the script, and plotly itself is inlined.
        List<String> ids = doc.select("div.plot").eachAttr("id");
        assertThat(ids).hasSize(8); // 3 pins, the confusion matrix, the importance, partial dependence of the 3 most important numbers
        String script = doc.select("script").last().data();
        for (String id : ids) {
            assertThat(script).contains("\"" + id + "\": {");
        }
        assertThat(doc.select("script").first().data()).contains("plotly.js (cartesian - minified) v2.35.3");
    }

    @Test
    void withScriptsStrippedEveryChartIsStillThereAsSvg() {
        Document stripped = Jsoup.parse(html);
        stripped.select("script").remove();
        for (Element plot : stripped.select("div.plot")) {
            Element svg = plot.selectFirst(".static-chart > svg");
            assertThat(svg).as(plot.id()).isNotNull();
            assertThat(svg.select("text").size()).as(plot.id()).isGreaterThan(3);
        }
        // The full-width rule is for Baton's own charts, not for every SVG (plotly's toolbar icons are SVG too).
        assertThat(html).doesNotContain("figure svg {").contains(".static-chart svg {");
    }

    @Test
    void theReportIsSmallAndItsFontsHoldOnlyTheCharactersUsed() throws Exception {
        assertThat(html.length()).isLessThan(2 * 1024 * 1024);
        var faces = java.util.regex.Pattern.compile("data:font/ttf;base64,([A-Za-z0-9+/=]+)").matcher(html).results()
                .map(m -> java.util.Base64.getDecoder().decode(m.group(1))).toList();
        assertThat(faces).hasSize(3);
        for (byte[] face : faces) {
            assertThat(face.length).isLessThan(150 * 1024); // the whole face is 400 KB
            try (var font = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(face))) {
                var cmap = font.getUnicodeCmapLookup();
                for (int ch : new int[]{'P', 'g', '7', '\u00b1', '\u2212'}) {
                    assertThat(cmap.getGlyphId(ch)).as("glyph for U+%04X", ch).isPositive();
                }
                assertThat(cmap.getGlyphId('\u0416')).as("a Cyrillic letter the report does not use").isZero();
            }
        }
    }

    @Test
    void nothingIsLoadedFromTheNetwork() {
        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.select("link")).isEmpty();
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).startsWith("#");
        }
        for (Element style : doc.select("style")) {
            assertThat(style.data()).doesNotContainPattern("url\\(\\s*['\"]?https?:");
        }
        assertThat(html.length()).isLessThan(10 * 1024 * 1024);
    }

    @Test
    void theAuthorsWordsAndDataAreEscaped() {
        assertThat(html).doesNotContain(PenguinsReport.HOSTILE);
        assertThat(section("limitations").selectFirst(".commentary").text()).isEqualTo("Only three islands were sampled. " + PenguinsReport.HOSTILE);
        assertThat(doc.select("script")).hasSize(2); // plotly and the figures: nothing injected
        assertThat(doc.selectFirst("header.title-page .commentary").select("p").eachText())
                .containsExactly("Three species can be told apart from four body measurements.", "The model is ready for a pilot.");
    }

    @Test
    void thePdfHasTheHeadingsNumbersAndPageNumbers() {
        String text = pdfText.replaceAll("\\s+", " ");
        assertThat(text).contains("Telling penguin species apart", "Contents", "1. Data overview", "4. Modelling", "7. Appendix",
                "Page 2 of", "Logistic regression (chosen)", "44.45", PenguinsReport.HOSTILE);
        ModelResult chosen = input.training().chosenResult();
        assertThat(text).contains(String.format(Locale.ROOT, "%.4f", chosen.holdout().get("accuracy")));
        // The table of contents carries page numbers ("1. Data overview ....... 3").
        assertThat(text).containsPattern("Data overview \\.+ ?\\d");
    }

    @Test
    void twoRendersOfTheSameProjectAreIdentical() {
        ReportModel again = ReportBuilder.build(input, Progress.NONE);
        String second = HtmlReport.render(again, HtmlReport.Mode.INTERACTIVE, WHEN.plusSeconds(3600));
        assertThat(withoutTime(second)).isEqualTo(withoutTime(html));
    }

    @Test
    void leftOutSectionsAreLeftOutAndCommentaryStays() {
        ReportSettings settings = input.settings().withIncluded(Section.APPENDIX, false).withIncluded(Section.EXPLORATION, false);
        ReportInput fewer = new ReportInput(input.projectName(), input.source(), input.data(), input.steps(), input.alertSettings(),
                input.pins(), input.training(), input.leaderboard(), settings, input.today());
        Document d = Jsoup.parse(HtmlReport.render(ReportBuilder.build(fewer, Progress.NONE), HtmlReport.Mode.STATIC, WHEN));
        assertThat(d.select("section.section > h2").eachText()).containsExactly("1. Data overview", "2. Data quality", "3. Modelling",
                "4. Model card", "5. Limitations and next steps");
        assertThat(d.select("svg")).hasSize(5); // static mode draws SVG: confusion matrix, importance, 3 partial dependences
        assertThat(d.select("#sec-limitations .commentary").text()).contains("Only three islands were sampled.");
    }

    @Test
    void hostileColumnNamesAndValuesShowAsTextInHtmlAndPdf() throws Exception {
        dev.baton.project.Project p = new dev.baton.project.Project();
        p.setData(dev.baton.testing.Tables.csv("\"<b>name</b>\",\"x&y\"\n\"<script>alert(2)</script>\",1\nplain,2\n\"<img src=x onerror=alert(3)>\",3\n"));
        p.pin(dev.baton.explore.chart.ChartSpec.bar("<b>name</b>").withCaption("</figcaption><script>alert(4)</script>"));
        ReportModel m = ReportBuilder.build(p.reportInput(java.time.LocalDate.of(2026, 1, 1)), Progress.NONE);
        String page = HtmlReport.render(m, HtmlReport.Mode.INTERACTIVE, WHEN);
        assertThat(page).doesNotContain("<script>alert", "<b>name</b>", "<img src=x", "</figcaption><script>");
        Document d = Jsoup.parse(page);
        assertThat(d.select("script")).hasSize(2);
        assertThat(d.select("img")).isEmpty();
        assertThat(d.select("#sec-data td").eachText()).contains("<b>name</b>", "x&y");
        assertThat(d.selectFirst("#sec-exploration figcaption").text()).isEqualTo("</figcaption><script>alert(4)</script>");
        // In the chart's JSON the names are entities for plotly, and no raw '<' can close the script element.
        String figures = d.select("script").last().data();
        assertThat(figures).doesNotContain("<").contains("\\u0026lt;b\\u0026gt;name");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReport.write(m, WHEN, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("<b>name</b>", "<img src=x onerror=alert(3)>", "</figcaption><script>alert(4)</script>");
        }
    }

    @Test
    void aReportListsTheFirstFortyAlertsAndCountsTheRestByKind() {
        // Twelve columns, each a straight line of the same values (r mod 7): every pair correlates perfectly (66
        // alerts), c0 is zero in 3 of 20 rows (15 % > 10 %), and rows 7-19 repeat rows 0-12 (13 duplicates).
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 12; c++) {
            csv.append(c == 0 ? "" : ",").append("c").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 12; c++) {
                csv.append(c == 0 ? "" : ",").append((c + 1) * (r % 7) + c);
            }
            csv.append('\n');
        }
        dev.baton.project.Project p = new dev.baton.project.Project();
        p.setData(dev.baton.testing.Tables.csv(csv.toString()));
        ReportModel m = ReportBuilder.build(p.reportInput(java.time.LocalDate.of(2026, 1, 1)), Progress.NONE);
        Document d = Jsoup.parse(HtmlReport.render(m, HtmlReport.Mode.STATIC, WHEN));

        assertThat(d.select("#sec-quality").text()).contains("raised 68 alerts on the data as imported");
        var rows = d.select("#sec-quality table tbody tr");
        assertThat(rows).hasSize(ReportBuilder.ALERT_ROWS);
        assertThat(rows.get(0).text()).startsWith("duplicate rows");
        assertThat(rows.get(1).text()).startsWith("many zeros c0");
        assertThat(d.select("#sec-quality").text()).contains("The table shows the first 40; the other 28 (28 high "
                + "correlation) are listed in the project's Explore stage.");
    }

    static String withoutTime(String s) {
        return s.replaceAll("<time datetime=\"[^\"]*\">[^<]*</time>", "<time/>");
    }

    static Element section(String id) {
        return doc.getElementById("sec-" + id);
    }

    @Test
    void theModelCardSaysWhatTheModelIsForWhoOwnsItAndWhatBatonFoundOut() {
        Element card = section("model-card");
        var rows = card.select("table tr").stream().map(r -> r.select("td").eachText()).filter(r -> r.size() == 2)
                .collect(java.util.stream.Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertThat(rows.get("Intended use")).isEqualTo("Sorting penguin field records by species.");
        assertThat(rows.get("Out of scope and limitations")).isEqualTo("(not written by the author)");
        assertThat(rows.get("Owner and contact")).isEqualTo("data-team@example.org");
        ModelResult chosen = input.training().chosenResult();
        assertThat(rows.get("Trained on")).isEqualTo(chosen.trainRows() + " rows of penguins_raw.csv; tested on " + chosen.testRows() + " held-out rows");
        assertThat(rows.get("Data fingerprint")).isEqualTo("SHA-256 " + input.data().source().fingerprint());
        List<String> caveats = card.select("ol.steps li").eachText();
        assertThat(caveats).anyMatch(c -> c.equals("The model learned from " + chosen.trainRows()
                + " rows; expect its quality to vary more on new data than the metrics suggest."));
        // The cleaned penguins data has 8 columns: the target, the 6 features, and the year, which the setup leaves out.
        assertThat(caveats).contains("The model does not use 1 column of the data: year (left out by the author).");
    }

    @Test
    void emptyLimitationsShowTheGeneratedCaveatsMarkedAsSuch() {
        ReportSettings settings = input.settings().withCommentary(Section.LIMITATIONS, "");
        ReportInput noLimits = new ReportInput(input.projectName(), input.source(), input.data(), input.steps(), input.alertSettings(),
                input.pins(), input.training(), input.leaderboard(), settings, input.today(), null, input.modelCard());
        Document d = Jsoup.parse(HtmlReport.render(ReportBuilder.build(noLimits, Progress.NONE), HtmlReport.Mode.STATIC, WHEN));
        assertThat(d.select("#sec-limitations .note").text()).isEqualTo(
                "The author has not written this section. These caveats were generated by Baton from the training:");
        assertThat(d.select("#sec-limitations ol.steps li").eachText()).isEqualTo(d.select("#sec-model-card ol.steps li").eachText())
                .isNotEmpty();
    }

    @Test
    void theAppendixExplainsEveryMetricTheReportShows() {
        List<String> terms = section("appendix").select("table").stream().filter(t -> t.selectFirst("caption").text().startsWith("Glossary"))
                .findFirst().orElseThrow().select("tbody tr td:first-child").eachText();
        assertThat(terms).containsExactly("accuracy", "balanced accuracy", "macro F1", "weighted F1", "ROC AUC", "log loss", "held-out rows",
                "cross-validation", "95% confidence interval");
    }

    @Test
    void thePdfHasAnOutlineMetadataAndTags() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReport.write(model, WHEN, pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toByteArray())) {
            List<String> outline = new java.util.ArrayList<>();
            d.getDocumentCatalog().getDocumentOutline().children().forEach(item -> outline.add(item.getTitle()));
            assertThat(outline).containsExactly("1. Data overview", "2. Data quality", "3. Exploration", "4. Modelling", "5. Model card",
                    "6. Limitations and next steps", "7. Appendix");
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("Telling penguin species apart");
            assertThat(d.getDocumentInformation().getAuthor()).isEqualTo("A. Analyst & Co");
            assertThat(d.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(d.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(d.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
    }

    @Test
    void theModellingSectionSaysHowTheMostImportantNumbersMoveThePrediction() {
        List<String> captions = section("modelling").select("figure.chart figcaption").eachText().stream()
                .filter(c -> c.startsWith("As ")).toList();
        assertThat(captions).hasSize(3);
        assertThat(captions).allMatch(c -> c.matches("As \\w+ goes from [0-9.,]+ to [0-9.,]+, the probability of (Adelie|Chinstrap|Gentoo) "
                + "goes from \\d+% to \\d+% on average\\."));
    }

    @Test
    void theSameReportAndTimeGiveTheSamePdfBytes() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PdfReport.write(model, WHEN, a);
        PdfReport.write(model, WHEN, b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        try (PDDocument d = Loader.loadPDF(a.toByteArray())) {
            assertThat(d.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(WHEN);
        }
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        PdfReport.write(model, WHEN.plusSeconds(60), later);
        assertThat(later.toByteArray()).isNotEqualTo(a.toByteArray());
    }

    @Test
    void aLinearModelShowsWhichWayItsLargestWeightsPush() {
        Element weights = section("modelling").select("table").stream()
                .filter(t -> t.selectFirst("caption").text().equals("Largest weights of the linear model")).findFirst().orElseThrow();
        assertThat(weights.select("thead th").eachText()).containsExactly("feature", "Adelie", "Chinstrap", "Gentoo");
        assertThat(weights.select("tbody tr")).hasSizeBetween(5, 12);
        // Gentoo penguins have the longest flippers: their weight for flipper length is positive, Adelie's negative.
        Element flipper = weights.select("tbody tr").stream().filter(r -> r.child(0).text().equals("flipper_length_mm")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(flipper.child(3).text())).isPositive();
        assertThat(Double.parseDouble(flipper.child(1).text())).isNegative();
    }

    /**
     * Characters Liberation Sans has no glyph for (emoji) are drawn from the Noto Emoji fallback, not as '#': the
     * PDF embeds Noto Emoji and its text layer gives the emoji back. A report without them embeds no fallback.
     */
    @Test
    void emojiInThePdfComeFromTheFallbackFont() throws Exception {
        ReportInput plain = PenguinsReport.input();
        ReportInput withEmoji = new ReportInput(plain.projectName(), plain.source(), plain.data(), plain.steps(), plain.alertSettings(),
                plain.pins(), plain.training(), plain.leaderboard(),
                plain.settings().withSummary("Ready to ship \uD83D\uDEA2 to the field team \u2705 \uD83D\uDE00"),
                plain.today(), plain.dataNotice(), plain.modelCard(), plain.bundle());
        for (boolean emoji : new boolean[]{true, false}) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfReport.write(ReportBuilder.build(emoji ? withEmoji : plain, Progress.NONE), WHEN, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
                java.util.Set<String> fonts = new java.util.TreeSet<>();
                for (var page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        fonts.add(page.getResources().getFont(name).getName());
                    }
                }
                String text = new PDFTextStripper().getText(doc);
                if (emoji) {
                    assertThat(fonts).anyMatch(f -> f.contains("NotoEmoji"));
                    assertThat(text).contains("Ready to ship \uD83D\uDEA2 to the field team \u2705 \uD83D\uDE00");
                } else {
                    assertThat(fonts).noneMatch(f -> f.contains("NotoEmoji"));
                }
            }
        }
    }
}
