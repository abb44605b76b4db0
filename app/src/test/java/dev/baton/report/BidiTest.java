package dev.baton.report;

import dev.baton.util.Markup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No value from the data can reorder the report's text around it. */
class BidiTest {

    private static String render(HtmlReport.Mode mode, String text) {
        ReportModel model = new ReportModel("t", "", "2026-12-07", "d.csv", List.of(new ReportModel.ReportSection(Section.DATA, "Data",
                List.of(new Block.Text(text), new Block.Table("c", List.of("value"), List.of(List.of(text)), List.of(false))))), "Baton test");
        return HtmlReport.render(model, mode, Instant.parse("2026-12-07T00:00:00Z"));
    }

    @Test
    void anOverrideInAValueIsShownNotObeyed() {
        // "txt.exe" written backwards after a right-to-left override: displayed as "exe.txt" if obeyed.
        String value = "report\u202Etxt.exe";
        String sentence = "The most frequent value is " + value + ", in 40 rows.";
        for (HtmlReport.Mode mode : HtmlReport.Mode.values()) {
            String html = render(mode, sentence);
            assertThat(html).doesNotContain("\u202E").contains("The most frequent value is report[U+202E]txt.exe, in 40 rows.");
        }
        assertThat(Markup.escape("a\u2067b\u2069c\u202Ad")).isEqualTo("a[U+2067]b[U+2069]c[U+202A]d");
    }

    @Test
    void rightToLeftValuesAreIsolatedInTheSentenceAroundThem() {
        String hebrew = "\u05e9\u05dc\u05d5\u05dd";
        String sentence = "The class " + Markup.isolate(hebrew) + " has 12 rows.";
        assertThat(render(HtmlReport.Mode.INTERACTIVE, sentence)).contains("<p>The class <bdi>" + hebrew + "</bdi> has 12 rows.</p>");
        // The PDF renderer lays text out left to right only: nothing to isolate, and no marker may show.
        String xhtml = render(HtmlReport.Mode.STATIC, sentence);
        assertThat(xhtml).contains("<p>The class " + hebrew + " has 12 rows.</p>").doesNotContain("\ue000").doesNotContain("\ue001");
        assertThat(Markup.isolate("Adelie")).isEqualTo("Adelie");
        assertThat(Markup.withIsolates(sentence)).isEqualTo("The class \u2068" + hebrew + "\u2069 has 12 rows.");
    }
}
