package dev.baton.ui.report;

import dev.baton.report.ReportSettings;
import dev.baton.report.Section;
import dev.baton.ui.controls.Forms;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.util.function.Supplier;

/**
 * The Report stage: title, author and date; the sections, each with a toggle and the author's commentary; a
 * live preview rendered off the FX thread; Export HTML and Export PDF with progress in the status bar.
 */
public final class ReportStageView {

    private final ReportViewModel model;
    private final Supplier<Window> window;
    private final BorderPane root = new BorderPane();
    private final TextField title = new TextField();
    private final TextField author = new TextField();
    private final TextField date = new TextField();
    private final ListView<Section> sections = new ListView<>();
    private final Label editorTitle = new Label();
    private final TextArea editor = new TextArea();
    private final ReportPreview preview = new ReportPreview();
    private final Label status = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(700));
    private boolean filling;

    public ReportStageView(ReportViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        root.getStyleClass().add("stage-view");
        root.setId("stage-report");
        Label heading = new Label("Report");
        heading.getStyleClass().add("stage-title");
        Label hint = new Label("A report for stakeholders, from the project's data, pinned charts and chosen model. Your words are saved with the project.");
        hint.getStyleClass().add("muted");
        Button html = new Button("Export HTML\u2026");
        html.setId("export-html");
        html.setTooltip(new Tooltip("One self-contained file with interactive charts (Ctrl+E)"));
        html.setOnAction(e -> exportHtml());
        Button pdf = new Button("Export PDF\u2026");
        pdf.setId("export-pdf");
        pdf.setTooltip(new Tooltip("Pages with a table of contents, for printing and e-mail (Ctrl+Shift+E)"));
        pdf.setOnAction(e -> exportPdf());
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.message);
        HBox actions = new HBox(8, html, pdf, status);
        VBox header = new VBox(2, heading, hint, actions);
        VBox.setMargin(actions, new Insets(6, 0, 0, 0));
        header.getStyleClass().add("stage-header");
        root.setTop(header);

        title.setId("report-title");
        title.setPromptText("the project's name");
        author.setId("report-author");
        date.setPromptText("today (yyyy-mm-dd)");
        title.textProperty().addListener((o, was, now) -> edit(model.settings().withTitle(now)));
        author.textProperty().addListener((o, was, now) -> edit(model.settings().withAuthor(now)));
        date.textProperty().addListener((o, was, now) -> edit(model.settings().withDate(now.isBlank() ? null : now.strip())));
        GridPane form = Forms.grid(8, 6);
        form.addRow(0, new Label("Title"), title);
        form.addRow(1, new Label("Author"), author);
        form.addRow(2, new Label("Date"), date);
        GridPane.setHgrow(title, Priority.ALWAYS);

        sections.setId("report-sections");
        sections.getItems().setAll(Section.values());
        sections.setPrefHeight(7 * 28 + 4);
        sections.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(s.title());
                box.setId("section-" + s.id());
                box.setSelected(model.settings().includes(s));
                box.selectedProperty().addListener((o, was, now) -> {
                    model.setIncluded(s, now);
                    refreshSoon();
                });
                setGraphic(box);
            }
        });
        sections.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showEditor(now));
        editor.setWrapText(true);
        editor.setId("report-commentary");
        editor.textProperty().addListener((o, was, now) -> {
            Section s = sections.getSelectionModel().getSelectedItem();
            if (!filling && s != null) {
                model.setText(s, now);
                refreshSoon();
            }
        });
        editorTitle.getStyleClass().add("section-title");
        Label sectionsTitle = new Label("Sections");
        sectionsTitle.getStyleClass().add("section-title");
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox left = new VBox(8, form, sectionsTitle, sections, editorTitle, editor);
        left.setPadding(new Insets(8));

        Label rendering = new Label("Rendering\u2026");
        rendering.getStyleClass().add("muted");
        rendering.visibleProperty().bind(model.rendering);
        StackPane right = new StackPane(rendering);
        StackPane.setAlignment(rendering, javafx.geometry.Pos.TOP_RIGHT);
        StackPane.setMargin(rendering, new Insets(6, 18, 0, 0));
        right.getChildren().add(0, preview.node());
        model.report.addListener((o, was, now) -> preview.show(now));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.32);
        root.setCenter(split);

        typing.setOnFinished(e -> model.refreshPreview());
        model.project().addListener(change -> {
            if (change == dev.baton.project.Project.Change.FILE || change == dev.baton.project.Project.Change.REPORT) {
                fill();
            }
        });
        root.visibleProperty().addListener((o, was, now) -> refreshIfShown());
        root.sceneProperty().addListener((o, was, now) -> refreshIfShown());
        fill();
        sections.getSelectionModel().select(Section.TITLE);
    }

    public Node node() {
        return root;
    }

    public ReportViewModel model() {
        return model;
    }

    /** Called when the stage is shown: renders the preview if the project changed since. */
    public void shown() {
        if (model.isStale()) {
            model.refreshPreview();
        }
    }

    private void refreshIfShown() {
        if (root.getScene() != null && root.isVisible()) {
            shown();
        }
    }

    private void refreshSoon() {
        typing.playFromStart();
    }

    private void edit(ReportSettings next) {
        if (!filling) {
            model.update(next);
            refreshSoon();
        }
    }

    /** Shows the project's settings in the fields (after opening a project), without echoing them back. */
    private void fill() {
        if (filling) {
            return;
        }
        ReportSettings s = model.settings();
        filling = true;
        try {
            setIfDifferent(title, s.title());
            setIfDifferent(author, s.author());
            setIfDifferent(date, s.date() == null ? "" : s.date());
            Section selected = sections.getSelectionModel().getSelectedItem();
            if (selected != null) {
                setIfDifferent(editor, model.text(selected));
            }
        } finally {
            filling = false;
        }
        sections.refresh();
    }

    private static void setIfDifferent(javafx.scene.control.TextInputControl field, String value) {
        if (!field.getText().equals(value)) {
            field.setText(value);
        }
    }

    private void showEditor(Section s) {
        if (s == null) {
            return;
        }
        editorTitle.setText(s == Section.TITLE ? "Summary on the title page" : "Your commentary on \u201c" + s.title() + "\u201d");
        editor.setPromptText(s == Section.LIMITATIONS ? "What the analysis cannot say, and what to do next."
                : s == Section.TITLE ? "What a reader should take away, in a few sentences." : "Shown at the top of the section.");
        filling = true;
        try {
            editor.setText(model.text(s));
        } finally {
            filling = false;
        }
    }

    private FileChooser chooser(String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report as " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        String name = model.project().name() == null ? "report" : model.project().name();
        chooser.setInitialFileName(name + "-report." + extension);
        return chooser;
    }

    public void exportHtml() {
        File file = chooser("HTML", "html").showSaveDialog(window.get());
        if (file != null) {
            model.exportHtml(file.toPath(), () -> { });
        }
    }

    public void exportPdf() {
        File file = chooser("PDF", "pdf").showSaveDialog(window.get());
        if (file != null) {
            model.exportPdf(file.toPath(), () -> { });
        }
    }
}
