package dev.baton.ui.report;

import dev.baton.report.Block;
import dev.baton.report.ReportModel;
import dev.baton.report.Section;
import dev.baton.ui.explore.ChartView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.List;

/**
 * The report as the reader will see it, drawn with the window's own controls from the same {@link ReportModel} the
 * HTML and PDF are written from: headings, the author's words, figures, tables and the charts (drawn as the PDF
 * draws them). No web engine: building a page of this takes tens of milliseconds, where loading the HTML into a
 * web view held the window for seconds.
 */
final class ReportPreview {

    /** The preview shows this many rows of a long table (the appendix of a wide dataset); the files have them all. */
    static final int TABLE_ROWS = 60;

    private final VBox page = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(page);

    ReportPreview() {
        page.getStyleClass().add("report-preview");
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setId("report-preview");
    }

    Node node() {
        return scroll;
    }

    /** Replaces the page with this report, keeping the scroll position. */
    void show(ReportModel report) {
        double at = scroll.getVvalue();
        page.getChildren().clear();
        if (report == null) {
            return;
        }
        Label kicker = style(new Label("Report"), "report-kicker");
        Label title = style(new Label(report.title()), "report-title");
        Label meta = style(new Label((report.author().isBlank() ? "" : report.author() + " \u00b7 ") + report.date()
                + " \u00b7 data: " + report.dataset()), "report-meta");
        page.getChildren().addAll(kicker, title, meta);
        int number = 0;
        for (ReportModel.ReportSection s : report.sections()) {
            if (s.section() != Section.TITLE) {
                Label heading = style(new Label(++number + ". " + s.heading()), "report-heading");
                heading.setId("preview-" + s.anchor());
                page.getChildren().add(heading);
            }
            blocks(s.blocks());
        }
        scroll.setVvalue(at);
    }

    private void blocks(List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.Text t) {
                page.getChildren().add(text(t.text(), "report-text"));
            } else if (b instanceof Block.Commentary c) {
                VBox box = new VBox(6);
                box.getStyleClass().add("report-commentary");
                for (String p : c.text().strip().split("\\R\\s*\\R")) {
                    box.getChildren().add(text(p.strip(), "report-text"));
                }
                page.getChildren().add(box);
            } else if (b instanceof Block.Lead l) {
                page.getChildren().add(text(l.text(), "report-lead"));
            } else if (b instanceof Block.Note n) {
                page.getChildren().add(text(n.text(), "report-note"));
            } else if (b instanceof Block.Figures f) {
                page.getChildren().add(figures(f));
            } else if (b instanceof Block.Table t) {
                page.getChildren().add(table(t));
            } else if (b instanceof Block.Chart c) {
                ChartView chart = new ChartView(false);
                Region holder = (Region) chart.node();
                holder.setPrefHeight(380);
                holder.setMinHeight(380);
                chart.show(c.data());
                page.getChildren().add(holder);
                if (c.caption() != null && !c.caption().isBlank()) {
                    page.getChildren().add(text(c.caption(), "report-caption"));
                }
            } else if (b instanceof Block.Steps s) {
                VBox list = new VBox(3);
                int i = 1;
                for (String item : s.items()) {
                    list.getChildren().add(text(i++ + ". " + item, "report-text"));
                }
                page.getChildren().add(list);
            }
        }
    }

    private static Node figures(Block.Figures f) {
        FlowPane pane = new FlowPane(18, 12);
        for (Block.Figure fig : f.figures()) {
            VBox box = new VBox(1, style(new Label(fig.value()), "report-figure-value"), style(new Label(fig.label()), "report-figure-label"));
            if (fig.detail() != null) {
                box.getChildren().add(style(new Label(fig.detail()), "report-figure-detail"));
            }
            box.getStyleClass().add("report-figure");
            pane.getChildren().add(box);
        }
        return pane;
    }

    /**
     * A table as plain text nodes: a Label is a control with a skin, and the report's dozen tables made of Labels,
     * each in a scroll pane, took JavaFX 0.4 s of CSS on the FX thread when the preview was first shown. Only a
     * table that may not fit the page gets a scroll pane.
     */
    private static Node table(Block.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("report-table");
        grid.setHgap(14);
        grid.setVgap(3);
        for (int c = 0; c < t.headers().size(); c++) {
            Text h = cell(t.headers().get(c), "report-table-header");
            if (h.getLayoutBounds().getWidth() > 200) {
                h.setWrappingWidth(220);
            }
            grid.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(t.numeric().get(c) ? javafx.geometry.HPos.RIGHT : javafx.geometry.HPos.LEFT);
            grid.getColumnConstraints().add(cc);
        }
        double[] widths = new double[t.headers().size()];
        int shown = Math.min(TABLE_ROWS, t.rows().size());
        for (int r = 0; r < shown; r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Text cell = cell(row.get(c), "report-cell");
                if (cell.getLayoutBounds().getWidth() > LONG_CELL) {
                    cell.setWrappingWidth(LONG_CELL);
                }
                widths[c] = Math.max(widths[c], cell.getLayoutBounds().getWidth());
                grid.add(cell, c, r + 1);
            }
        }
        double natural = java.util.Arrays.stream(widths).sum() + grid.getHgap() * widths.length;
        VBox box = new VBox(4, text(t.caption(), "report-caption"), grid);
        if (shown < t.rows().size()) {
            box.getChildren().add(text(String.format("\u2026 and %,d more rows in the exported report.", t.rows().size() - shown), "report-note"));
        }
        if (natural < NARROW_TABLE) {
            return box;
        }
        ScrollPane wide = new ScrollPane(box);
        wide.setFitToHeight(true);
        wide.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        wide.getStyleClass().add("report-table-scroll");
        return wide;
    }

    /** Long words (a SHA-256, a column name without spaces) get a zero-width space every 16 characters, where they may wrap. */
    static String breakable(String s) {
        if (s == null || s.length() <= 24) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            run = Character.isWhitespace(ch) ? 0 : run + 1;
            if (run > 16) {
                out.append('\u200b');
                run = 1;
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** Cells wider than this wrap. */
    private static final double LONG_CELL = 360;
    /** Tables narrower than this (text measured before styling, which makes it about a tenth wider) fit the page; wider ones scroll sideways. */
    private static final double NARROW_TABLE = 520;

    private static Text cell(String s, String styleClass) {
        Text t = new Text(breakable(dev.baton.util.Markup.withIsolates(s)));
        t.getStyleClass().add(styleClass);
        return t;
    }

    private static Label text(String s, String styleClass) {
        Label l = style(new Label(dev.baton.util.Markup.withIsolates(s)), styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(l, Priority.NEVER);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }

    private static Label style(Label l, String styleClass) {
        l.getStyleClass().add(styleClass);
        return l;
    }
}
