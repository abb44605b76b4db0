package dev.baton.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the author decides about the report, kept in the project so that regenerating it keeps their words:
 * title, author, the summary on the title page, which sections to include, and each section's commentary.
 *
 * @param date       the report's date as the author wants it printed (ISO yyyy-mm-dd); null prints the day it is rendered
 * @param excluded   sections left out (all are in by default)
 * @param commentary the author's text per section, plain text with blank lines between paragraphs
 */
@JsonPropertyOrder({"title", "author", "date", "summary", "excluded", "commentary"})
public record ReportSettings(String title, String author, String date, String summary, Set<Section> excluded,
                             Map<Section, String> commentary) {

    public ReportSettings {
        title = title == null ? "" : title;
        author = author == null ? "" : author;
        summary = summary == null ? "" : summary;
        excluded = excluded == null || excluded.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(excluded));
        Map<Section, String> sorted = new EnumMap<>(Section.class);
        if (commentary != null) {
            commentary.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    sorted.put(k, v);
                }
            });
        }
        commentary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    public static ReportSettings empty() {
        return new ReportSettings("", "", null, "", Set.of(), Map.of());
    }

    public boolean includes(Section s) {
        return !excluded.contains(s);
    }

    public String commentary(Section s) {
        return commentary.getOrDefault(s, "");
    }

    public ReportSettings withTitle(String value) {
        return new ReportSettings(value, author, date, summary, excluded, commentary);
    }

    public ReportSettings withAuthor(String value) {
        return new ReportSettings(title, value, date, summary, excluded, commentary);
    }

    public ReportSettings withDate(String value) {
        return new ReportSettings(title, author, value, summary, excluded, commentary);
    }

    public ReportSettings withSummary(String value) {
        return new ReportSettings(title, author, date, value, excluded, commentary);
    }

    public ReportSettings withIncluded(Section s, boolean included) {
        EnumSet<Section> next = excluded.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(excluded);
        if (included) {
            next.remove(s);
        } else {
            next.add(s);
        }
        return new ReportSettings(title, author, date, summary, next, commentary);
    }

    public ReportSettings withCommentary(Section s, String text) {
        Map<Section, String> next = new EnumMap<>(Section.class);
        next.putAll(commentary);
        next.put(s, text);
        return new ReportSettings(title, author, date, summary, excluded, next);
    }
}
