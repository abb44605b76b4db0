package dev.baton.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 250-character column name wraps in its cell instead of widening the table; short cells are left whole. */
class LongNamesTest {

    @Test
    void onlyCellsWithAVeryLongWordMayBreakAnywhere() {
        String longName = "measurement_of_the_thing_recorded_without_any_space_at_all_".repeat(4);
        ReportModel model = new ReportModel("t", "", "2026-12-07", "d.csv", List.of(new ReportModel.ReportSection(Section.DATA, "Data",
                List.of(new Block.Table("c", List.of("column", "type", "missing"), List.of(List.of(longName, "decimal", "3 (1%)"),
                        List.of("a name with ordinary words in it", "categorical", "0")), List.of(false, false, true))))), "Baton test");
        for (HtmlReport.Mode mode : HtmlReport.Mode.values()) {
            Document d = Jsoup.parse(HtmlReport.render(model, mode, Instant.EPOCH));
            assertThat(d.select("td.long").eachText()).containsExactly(longName.strip());
            assertThat(d.select("td.num").eachText()).containsExactly("3 (1%)", "0");
            assertThat(d.select("th.long")).isEmpty();
        }
        assertThat(ReportStyle.CSS).contains(".long, caption");
        assertThat(ReportStyle.BROWSER_CSS).contains("overflow-wrap: anywhere");
    }
}
