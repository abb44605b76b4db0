package dev.baton.report;

import dev.baton.explore.chart.ChartData;

import java.util.List;

/** One piece of a report section; the HTML and the PDF render the same blocks. */
public sealed interface Block {

    /** A paragraph Baton wrote from the project's figures. */
    record Text(String text) implements Block {
    }

    /** The report's bottom line, in plain words, shown first and large. */
    record Lead(String text) implements Block {
    }

    /** The author's commentary: plain text, paragraphs separated by blank lines. */
    record Commentary(String text) implements Block {
    }

    /** A muted remark: what is missing and why. */
    record Note(String text) implements Block {
    }

    /** Key figures shown large, each with a label and an optional detail line. */
    record Figures(List<Figure> figures) implements Block {
        public Figures {
            figures = List.copyOf(figures);
        }
    }

    record Figure(String label, String value, String detail) {
    }

    /** A table; {@code numeric} marks the columns aligned right. Long tables break across PDF pages with their header. */
    record Table(String caption, List<String> headers, List<List<String>> rows, List<Boolean> numeric) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
        }
    }

    /** A chart: interactive in the HTML, a vector image in the PDF. */
    record Chart(ChartData data, String caption) implements Block {
    }

    /** A numbered list. */
    record Steps(List<String> items) implements Block {
        public Steps {
            items = List.copyOf(items);
        }
    }
}
