package dev.baton.report;

import java.util.List;

/**
 * The report's content, computed once from the project and rendered as HTML or PDF: the same numbers in both.
 *
 * @param date the date printed on the title page
 */
public record ReportModel(String title, String author, String date, String dataset, List<ReportSection> sections,
                          String generator) {

    public ReportModel {
        sections = List.copyOf(sections);
    }

    /** One section: its author's commentary comes first, then the blocks Baton generated. */
    public record ReportSection(Section section, String heading, List<Block> blocks) {
        public ReportSection {
            blocks = List.copyOf(blocks);
        }

        public String anchor() {
            return "sec-" + section.id();
        }
    }
}
