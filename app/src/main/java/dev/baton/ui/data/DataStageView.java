package dev.baton.ui.data;

import dev.baton.data.Dataset;
import dev.baton.data.ImportOptions;
import dev.baton.data.SampleData;
import dev.baton.ui.workbench.Workbench;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The Data stage: open a file, see how it was read, and browse every row. */
public final class DataStageView {

    private final Workbench workbench;
    private final BorderPane root = new BorderPane();
    private final DatasetTable table;
    private final Label title = new Label();
    private final Label source = new Label();
    private final TitledPane notesPane = new TitledPane();
    private final Label notes = new Label();
    private final StackPane center = new StackPane();
    private final Node emptyState;

    public DataStageView(Workbench workbench, Runnable openData, Runnable openDatabase, Consumer<Path> openSample) {
        this.workbench = workbench;
        this.table = new DatasetTable(workbench.tasks());
        root.getStyleClass().add("stage-view");
        title.getStyleClass().add("stage-title");
        title.setId("data-title");
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        Button open = new Button("Open data\u2026");
        open.setId("open-data");
        open.setOnAction(e -> openData.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, new VBox(2, title, source), spacer, open);
        top.setAlignment(Pos.CENTER_LEFT);
        notes.setWrapText(true);
        notes.getStyleClass().add("import-notes");
        notesPane.setContent(notes);
        notesPane.setExpanded(false);
        notesPane.getStyleClass().add("notes-pane");
        notesPane.setId("import-notes");
        VBox header = new VBox(8, top, notesPane);
        header.getStyleClass().add("stage-header");
        root.setTop(header);
        emptyState = emptyState(openData, openDatabase, openSample);
        center.getChildren().setAll(emptyState);
        root.setCenter(center);
        workbench.project().addListener(change -> {
            if (change == dev.baton.project.Project.Change.SOURCE) {
                show(workbench.project().source());
            }
        });
        show(workbench.project().source());
    }

    public Node node() {
        return root;
    }

    public DatasetTable table() {
        return table;
    }

    private Node emptyState(Runnable openData, Runnable openDatabase, Consumer<Path> openSample) {
        Label headline = new Label("Open a dataset to begin");
        headline.getStyleClass().add("empty-headline");
        Label how = new Label("CSV, TSV, JSON, Excel (.xlsx), ARFF or Parquet. Use Open data (Ctrl+O) or drop a file on this window; "
                + "or read the result of a query on PostgreSQL, DuckDB or SQLite (Ctrl+Alt+O).");
        how.getStyleClass().add("muted");
        how.setWrapText(true);
        how.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Button open = new Button("Open data\u2026");
        open.getStyleClass().add("accent");
        open.setOnAction(e -> openData.run());
        Button database = new Button("Open from database\u2026");
        database.setId("empty-open-database");
        database.setOnAction(e -> openDatabase.run());
        HBox buttons = new HBox(10, open, database);
        buttons.setAlignment(Pos.CENTER);
        FlowPane samples = new FlowPane(8, 8);
        samples.setAlignment(Pos.CENTER);
        for (Path sample : SampleData.files()) {
            Hyperlink link = new Hyperlink(sample.getFileName().toString());
            link.setId("sample-" + sample.getFileName());
            link.setOnAction(e -> openSample.accept(sample));
            samples.getChildren().add(link);
        }
        VBox box = new VBox(14, headline, how, buttons);
        if (!samples.getChildren().isEmpty()) {
            Label sampleTitle = new Label("Or try a sample dataset:");
            sampleTitle.getStyleClass().add("muted");
            box.getChildren().addAll(sampleTitle, samples);
        }
        FlowPane projects = new FlowPane(8, 8);
        projects.setAlignment(Pos.CENTER);
        for (Path project : SampleData.projects()) {
            Hyperlink link = new Hyperlink(project.getFileName().toString());
            link.setId("sample-project-" + project.getFileName());
            link.setOnAction(e -> workbench.openProject(project));
            projects.getChildren().add(link);
        }
        if (!projects.getChildren().isEmpty()) {
            Label projectTitle = new Label("or a sample project, cleaned, explored and trained, with its report and model card:");
            projectTitle.getStyleClass().add("muted");
            projectTitle.setWrapText(true);
            projectTitle.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            box.getChildren().addAll(projectTitle, projects);
        }
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.setMaxWidth(720);
        return box;
    }

    private void show(Dataset dataset) {
        if (dataset == null) {
            title.setText("No data");
            source.setText("");
            notesPane.setVisible(false);
            notesPane.setManaged(false);
            center.getChildren().setAll(emptyState);
            return;
        }
        title.setText(dataset.name());
        source.setText(describeSource(dataset));
        boolean hasNotes = !dataset.notes().isEmpty();
        notesPane.setVisible(hasNotes);
        notesPane.setManaged(hasNotes);
        notesPane.setText(dataset.notes().size() + (dataset.notes().size() == 1 ? " note" : " notes") + " on how the file was read");
        notes.setText("\u2022 " + String.join("\n\u2022 ", dataset.notes()));
        table.show(dataset);
        center.getChildren().setAll(table.view());
    }

    static String describeSource(Dataset dataset) {
        if (dataset.source() == null) {
            return "";
        }
        if (dataset.source() instanceof dev.baton.data.QuerySource q) {
            String sql = q.sql().strip().replaceAll("\\s+", " ");
            return q.connection().describe() + "  \u00b7  " + (sql.length() > 90 ? sql.substring(0, 87) + "\u2026" : sql)
                    + "  \u00b7  read " + q.readAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ')
                    .replace("Z", " UTC") + "  \u00b7  SHA-256 " + q.fingerprint().substring(0, 12) + "\u2026";
        }
        ImportOptions o = dataset.source().options();
        StringBuilder sb = new StringBuilder(dataset.source().path());
        sb.append("  \u00b7  ").append(o.format() == null ? "" : o.format().description());
        if (o.encoding() != null) {
            sb.append(", ").append(o.encoding());
        }
        if (o.delimiter() != null) {
            sb.append(", ").append(ImportOptions.nameOf(o.delimiter())).append("-separated");
        }
        sb.append("  \u00b7  SHA-256 ").append(dataset.source().fingerprint(), 0, 12).append('\u2026');
        return sb.toString();
    }
}
