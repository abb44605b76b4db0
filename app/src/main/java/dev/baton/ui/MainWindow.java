package dev.baton.ui;

import dev.baton.ui.workbench.RecentFiles;
import dev.baton.ui.workbench.Prompts;
import dev.baton.ui.workbench.Workbench;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.data.DataFormat;
import dev.baton.data.ImportException;
import dev.baton.data.ImportOptions;
import dev.baton.data.RaggedRows;
import dev.baton.data.SampleData;
import dev.baton.project.Project;
import dev.baton.project.Recovery;
import dev.baton.project.ProjectStore;
import dev.baton.ui.data.DataStageView;
import dev.baton.ui.data.ImportDialog;
import dev.baton.ui.task.FxTaskRunner;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workbench window: menus, toolbar, the six stages in a navigation, the status bar. */
public final class MainWindow implements Prompts {

    private final Stage stage;
    private final FxTaskRunner tasks;
    private final Workbench workbench;
    private final BorderPane root = new BorderPane();
    private final StackPane stageArea = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<StageId, Node> views = new EnumMap<>(StageId.class);
    private final Map<StageId, ToggleButton> navButtons = new EnumMap<>(StageId.class);
    private final StatusBar statusBar;
    private final DataStageView dataView;
    private final dev.baton.ui.clean.CleanViewModel cleanModel;
    private final dev.baton.ui.clean.CleanStageView cleanView;
    private final dev.baton.ui.explore.ExploreStageView exploreView;
    private final dev.baton.ui.train.TrainStageView trainView;
    private final dev.baton.ui.report.ReportStageView reportView;
    private final dev.baton.ui.handoff.HandoffStageView handoffView;
    private final Recovery recovery;
    private final VBox banners = new VBox();
    private Autosaver autosaver;
    private final Menu recentMenu = new Menu("Open Recent");

    public MainWindow(Stage stage, Project project, RecentFiles recentData, RecentFiles recentProjects) {
        this(stage, project, recentData, recentProjects, Recovery.forUser());
    }

    /** With the recovery area where this window autosaves and where crashed sessions' work is found. */
    public MainWindow(Stage stage, Project project, RecentFiles recentData, RecentFiles recentProjects, Recovery recovery) {
        this.stage = stage;
        this.recovery = recovery;
        this.tasks = new FxTaskRunner(error -> showError("Something went wrong", error));
        this.workbench = new Workbench(project, tasks, this, recentData, recentProjects);
        this.statusBar = new StatusBar(tasks.running());
        this.dataView = new DataStageView(workbench, this::openDataDialog, this::openDatabaseDialog,
                sample -> whenSafe(() -> workbench.openData(sample, ImportOptions.detect())));
        views.put(StageId.DATA, dataView.node());
        this.cleanModel = new dev.baton.ui.clean.CleanViewModel(project, tasks);
        this.cleanView = new dev.baton.ui.clean.CleanStageView(cleanModel, tasks, () -> stage);
        views.put(StageId.CLEAN, cleanView.node());
        this.exploreView = new dev.baton.ui.explore.ExploreStageView(
                new dev.baton.ui.explore.ExploreViewModel(project, tasks, cleanModel), () -> stage);
        views.put(StageId.EXPLORE, exploreView.node());
        this.trainView = new dev.baton.ui.train.TrainStageView(new dev.baton.ui.train.TrainViewModel(project, tasks), tasks, () -> { });
        views.put(StageId.TRAIN, trainView.node());
        this.reportView = new dev.baton.ui.report.ReportStageView(new dev.baton.ui.report.ReportViewModel(project, tasks), () -> stage);
        views.put(StageId.REPORT, reportView.node());
        this.handoffView = new dev.baton.ui.handoff.HandoffStageView(new dev.baton.ui.handoff.HandoffViewModel(project, tasks, workbench.passwords()), () -> stage);
        views.put(StageId.HANDOFF, handoffView.node());
        project.addListener(change -> {
            if (change == Project.Change.TRAINING) {
                trainView.refresh();
            }
        });
        root.setTop(new VBox(menuBar(), toolBar(), banners));
        root.setLeft(navigation());
        root.setCenter(stageArea);
        root.setBottom(statusBar.node());
        root.getStyleClass().add("main-window");
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("baton.css").toExternalForm());
        installDragAndDrop(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), statusBar::cancelNewest);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), cleanModel::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (stageArea.getChildren().contains(views.get(StageId.TRAIN))) {
                trainView.run();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> {
            if (stageArea.getChildren().contains(views.get(StageId.REPORT))) {
                reportView.exportHtml();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            if (stageArea.getChildren().contains(views.get(StageId.REPORT))) {
                reportView.exportPdf();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            if (stageArea.getChildren().contains(views.get(StageId.HANDOFF))) {
                handoffView.exportBundle();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            if (stageArea.getChildren().contains(views.get(StageId.HANDOFF))) {
                handoffView.checkDrift();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        project.addListener(change -> {
            updateTitle();
            if (change == Project.Change.DATA) {
                statusBar.showDataset(project.dataset());
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            whenSafe(() -> {
                shutdown();
                stage.hide();
            });
        });
        updateTitle();
        select(StageId.DATA);
        startRecovery();
        tasks.background("Loading native libraries", progress -> {
            dev.baton.train.Algorithms.probeNativeLibraries();
            return true;
        }).quiet().onFailure(e -> { }).start();
    }

    /** Starts this window's autosave session, then offers back what a crashed session left. */
    private void startRecovery() {
        tasks.background("Checking for unsaved work", progress -> {
            List<Recovery.Leftover> leftovers = recovery.leftovers();
            return new Object[]{recovery.begin(), leftovers};
        }).quiet().onSuccess(started -> {
            autosaver = new Autosaver(workbench.project(), tasks, (Recovery.Session) started[0]);
            @SuppressWarnings("unchecked")
            List<Recovery.Leftover> leftovers = (List<Recovery.Leftover>) started[1];
            leftovers.forEach(this::offerRecovery);
        }).onFailure(error -> banner("Autosave is off: the recovery folder " + recovery.dir() + " cannot be used ("
                + ErrorDialog.plainMessage(error) + ").", null, null, () -> { })).start();
    }

    /** A banner (not a dialog: work can go on) offering a crashed session's autosave back. */
    private void offerRecovery(Recovery.Leftover leftover) {
        String when = leftover.about().savedAt() == null ? "" : " (autosaved " + leftover.about().savedAt().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC") + ")";
        banner("Baton closed without saving " + leftover.about().name() + when + ". Restore that work?", "Restore", () -> restore(leftover),
                () -> discardQuietly(leftover));
    }

    private void restore(Recovery.Leftover leftover) {
        whenSafe(() -> restoreWith(leftover, null));
    }

    /** Restores an autosave; a query whose database wants a password asks for it and tries again. */
    private void restoreWith(Recovery.Leftover leftover, dev.baton.data.DatabaseConnection typedFor) {
        String typed = typedFor == null ? null : workbench.passwords().get(typedFor);
        tasks.background("Restoring " + leftover.about().name(), progress -> leftover.load(typed, progress))
                .onSuccess(loaded -> {
                    Project project = workbench.project();
                    loaded.applyTo(project);
                    List<String> warnings = new java.util.ArrayList<>(loaded.warnings());
                    if (loaded.dataChange() != null) {
                        // The autosaved models were trained on the earlier file: set aside, never shown beside this one.
                        project.discardResults();
                        project.noteChangedData(loaded.dataChange().notice(false));
                        warnings.add(loaded.dataChange().notice(false) + " Train again for models on it.");
                    }
                    project.markDirty(); // restored work is not saved until the user saves it
                    if (!warnings.isEmpty()) {
                        inform("Restored with a warning", String.join("\n", warnings));
                    }
                    discardQuietly(leftover);
                })
                .onFailure(error -> {
                    if (error instanceof dev.baton.data.DatabaseException db && db.needsPassword()) {
                        dev.baton.data.DatabaseConnection connection = savedConnection(leftover);
                        String password = connection == null ? null : askPassword(connection, db.getMessage());
                        if (password != null) {
                            workbench.passwords().put(connection, password);
                            restoreWith(leftover, connection);
                        }
                        return;
                    }
                    showError("Could not restore the unsaved work", error);
                })
                .start();
    }

    /** The database connection an autosave's data comes from, or null for a file. */
    private static dev.baton.data.DatabaseConnection savedConnection(Recovery.Leftover leftover) {
        try {
            var data = ProjectStore.read(leftover.folder()).data();
            return data != null && data.fromQuery() ? data.query().connection() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void discardQuietly(Recovery.Leftover leftover) {
        tasks.background("Removing an old autosave", progress -> {
            leftover.discard();
            return true;
        }).quiet().onFailure(e -> { }).start();
    }

    private void banner(String text, String action, Runnable onAction, Runnable onDismiss) {
        Label message = new Label(text);
        message.setWrapText(true);
        HBox bar = new HBox(10);
        bar.getStyleClass().add("recovery-banner");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(message, javafx.scene.layout.Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        bar.getChildren().add(message);
        if (action != null) {
            Button act = new Button(action);
            act.setId("recovery-restore");
            act.setOnAction(e -> {
                banners.getChildren().remove(bar);
                onAction.run();
            });
            bar.getChildren().add(act);
        }
        Button dismiss = new Button(action != null ? "Discard" : "Close");
        dismiss.setId("recovery-discard");
        dismiss.setOnAction(e -> {
            banners.getChildren().remove(bar);
            onDismiss.run();
        });
        bar.getChildren().add(dismiss);
        banners.getChildren().add(bar);
    }

    /** Whether autosave is running (its session started). */
    public Autosaver autosaver() {
        return autosaver;
    }

    /** A clean exit: the autosave is removed, nothing is left to recover. */
    private void shutdown() {
        if (autosaver != null) {
            autosaver.close();
        }
    }

    public Workbench workbench() {
        return workbench;
    }

    public Stage stage() {
        return stage;
    }

    public FxTaskRunner tasks() {
        return tasks;
    }

    public DataStageView dataView() {
        return dataView;
    }

    public dev.baton.ui.clean.CleanViewModel cleanModel() {
        return cleanModel;
    }

    public dev.baton.ui.clean.CleanStageView cleanView() {
        return cleanView;
    }

    public dev.baton.ui.explore.ExploreStageView exploreView() {
        return exploreView;
    }

    public dev.baton.ui.train.TrainStageView trainView() {
        return trainView;
    }

    public dev.baton.ui.report.ReportStageView reportView() {
        return reportView;
    }

    public dev.baton.ui.handoff.HandoffStageView handoffView() {
        return handoffView;
    }

    public void select(StageId id) {
        navButtons.get(id).setSelected(true);
        stageArea.getChildren().setAll(views.get(id));
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem newProject = item("New Project", "Shortcut+N", this::newProject);
        MenuItem openData = item("Open Data\u2026", "Shortcut+O", this::openDataDialog);
        openData.setId("menu-open-data");
        MenuItem openDatabase = item("Open from Database\u2026", "Shortcut+Alt+O", this::openDatabaseDialog);
        openDatabase.setId("menu-open-database");
        MenuItem openProject = item("Open Project\u2026", "Shortcut+Shift+O", this::openProjectDialog);
        Menu samples = new Menu("Open Sample Dataset");
        for (Path sample : SampleData.files()) {
            samples.getItems().add(item(sample.getFileName().toString(), null,
                    () -> whenSafe(() -> workbench.openData(sample, ImportOptions.detect()))));
        }
        samples.setDisable(samples.getItems().isEmpty());
        Menu sampleProjects = new Menu("Open Sample Project");
        for (Path sample : SampleData.projects()) {
            MenuItem item = item(sample.getFileName().toString(), null, () -> open(sample));
            item.setMnemonicParsing(false);
            sampleProjects.getItems().add(item);
        }
        sampleProjects.setDisable(sampleProjects.getItems().isEmpty());
        recentMenu.setOnShowing(e -> fillRecent());
        fillRecent();
        MenuItem save = item("Save", "Shortcut+S", () -> workbench.save(() -> { }));
        MenuItem saveAs = item("Save As\u2026", "Shortcut+Shift+S", () -> workbench.saveAs(() -> { }));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            whenSafe(() -> {
                shutdown();
                Platform.exit();
            });
        });
        file.getItems().addAll(newProject, openData, openDatabase, openProject, recentMenu, samples, sampleProjects, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), quit);
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo", "Shortcut+Z", () -> cleanModel.undo());
        undo.textProperty().bind(cleanModel.undoTextProperty());
        undo.disableProperty().bind(cleanModel.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", () -> cleanModel.redo());
        redo.textProperty().bind(cleanModel.redoTextProperty());
        redo.disableProperty().bind(cleanModel.canRedoProperty().not());
        // Step names hold column names as written ("Drop bill_length_mm"): an underscore is text, not a mnemonic.
        undo.setMnemonicParsing(false);
        redo.setMnemonicParsing(false);
        edit.getItems().addAll(undo, redo);
        Menu view = new Menu("View");
        int n = 1;
        for (StageId id : StageId.values()) {
            view.getItems().add(item(id.title(), "Shortcut+" + n++, () -> select(id)));
        }
        Menu help = new Menu("Help");
        help.getItems().add(item("About Baton", null, () -> inform("Baton " + dev.baton.util.Versions.baton(),
                "A workbench for data scientists: load, clean, explore, train, report and hand off.\nJava "
                        + dev.baton.util.Versions.java())));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : workbench.recentProjects().list()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> open(p)));
        }
        if (!recentMenu.getItems().isEmpty()) {
            recentMenu.getItems().add(new SeparatorMenuItem());
        }
        for (Path p : workbench.recentData().list()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> showImportDialog(p)));
        }
        recentMenu.getItems().forEach(i -> i.setMnemonicParsing(false)); // file names have underscores
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        Button open = new Button("Open");
        open.setTooltip(new Tooltip("Open a data file (Ctrl+O)"));
        open.setOnAction(e -> openDataDialog());
        Button openDatabase = new Button("Database");
        openDatabase.setTooltip(new Tooltip("Open the result of a query on PostgreSQL, DuckDB or SQLite (Ctrl+Alt+O)"));
        openDatabase.setOnAction(e -> openDatabaseDialog());
        openDatabase.setId("toolbar-open-database");
        Button openProject = new Button("Open Project");
        openProject.setTooltip(new Tooltip("Open a saved project (Ctrl+Shift+O)"));
        openProject.setOnAction(e -> openProjectDialog());
        Button save = new Button("Save");
        save.setTooltip(new Tooltip("Save the project (Ctrl+S)"));
        save.setOnAction(e -> workbench.save(() -> { }));
        ToolBar bar = new ToolBar(open, openDatabase, openProject, save, new Separator(Orientation.VERTICAL));
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private Node navigation() {
        VBox nav = new VBox(4);
        nav.getStyleClass().add("stage-nav");
        int n = 1;
        for (StageId id : StageId.values()) {
            ToggleButton button = new ToggleButton(n++ + "  " + id.title());
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setId("nav-" + id.name().toLowerCase());
            button.setTooltip(new Tooltip(id.purpose()));
            button.setOnAction(e -> select(id));
            navButtons.put(id, button);
            nav.getChildren().add(button);
        }
        navigation.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        return nav;
    }

    private void installDragAndDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                Path dropped = files.get(0).toPath();
                tasks.later(() -> open(dropped));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Opens a project folder or shows the import dialog for a data file, once unsaved work is saved or let go. */
    public void open(Path path) {
        whenSafe(() -> {
            if (Files.isDirectory(path) && Files.exists(path.resolve(ProjectStore.PROJECT_JSON))) {
                workbench.openProject(path);
            } else {
                showImportDialog(path);
            }
        });
    }

    private void newProject() {
        whenSafe(() -> workbench.project().clear());
    }

    public void openDataDialog() {
        whenSafe(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open data");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Data files", "*.csv", "*.tsv", "*.txt", "*.tab", "*.csv.gz", "*.json",
                            "*.jsonl", "*.ndjson", "*.xlsx", "*.arff", "*.parquet"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            Path samples = SampleData.folder();
            if (samples != null) {
                chooser.setInitialDirectory(samples.toFile());
            }
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                showImportDialog(file.toPath());
            }
        });
    }

    /**
     * The "Open from database" dialog, filled in with the current project's query if it has one; opening its query
     * replaces the project, so unsaved work is dealt with first.
     */
    public void openDatabaseDialog() {
        whenSafe(() -> {
            var ref = workbench.project().dataRef();
            boolean query = ref != null && ref.fromQuery();
            Optional<dev.baton.data.QueryRequest> request = new dev.baton.ui.data.DatabaseDialog(stage, tasks, workbench.passwords(),
                    query ? ref.query().connection() : null, query ? ref.query().sql() : null).showAndWait();
            request.ifPresent(r -> workbench.openQuery(r, null));
        });
    }

    /** The import dialog for a file; opening it replaces the project, so unsaved work is dealt with first (see {@link #open}). */
    private void showImportDialog(Path file) {
        ImportOptions initial = ImportOptions.detect().withFormat(DataFormat.fromFileName(file));
        Optional<ImportOptions> options = new ImportDialog(stage, file, initial, tasks).showAndWait();
        options.ifPresent(o -> workbench.openData(file, o));
    }

    private void openProjectDialog() {
        whenSafe(() -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open project (a .baton-project folder)");
            File folder = chooser.showDialog(stage);
            if (folder != null) {
                workbench.openProject(folder.toPath());
            }
        });
    }

    /**
     * Runs {@code action} (which replaces or closes the project) once nothing unsaved would be lost: at once when
     * all is saved; otherwise after the user's answer to Save / Don't Save / Cancel (after a successful save for
     * Save; never for Cancel, or when saving fails or its location is not chosen).
     */
    void whenSafe(Runnable action) {
        Project project = workbench.project();
        if (!project.isDirty() || !project.hasData()) {
            action.run();
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(stage);
        alert.setTitle("Baton");
        alert.setHeaderText("Save changes to " + project.name() + "?");
        alert.setContentText("Your changes will be lost if you don't save them.");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
        alert.getDialogPane().lookupButton(save).setId("prompt-save");
        alert.getDialogPane().lookupButton(discard).setId("prompt-discard");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == save) {
            workbench.save(action);
        } else {
            action.run();
        }
    }

    private void updateTitle() {
        Project project = workbench.project();
        stage.setTitle((project.isDirty() && project.hasData() ? "\u2022 " : "") + project.name() + " \u2014 Baton");
    }

    private boolean exitOnError;

    /** For the smoke test: an error ends the program with exit code 1 instead of showing a dialog. */
    void exitOnError() {
        exitOnError = true;
    }

    @Override
    public void showError(String header, Throwable error) {
        if (exitOnError) {
            System.err.println("baton: " + header + ": " + ErrorDialog.plainMessage(error));
            System.exit(1);
        }
        ErrorDialog.show(stage, header, error);
    }

    @Override
    public RaggedRows askRagged(ImportException problem) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle("Baton");
        alert.setHeaderText("Some rows do not fit the header");
        Label text = new Label(problem.getMessage());
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        ButtonType pad = new ButtonType("Pad with missing values", ButtonBar.ButtonData.YES);
        ButtonType skip = new ButtonType("Skip these rows", ButtonBar.ButtonData.NO);
        alert.getButtonTypes().setAll(pad, skip, ButtonType.CANCEL);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == pad) {
            return RaggedRows.PAD;
        }
        if (answer.isPresent() && answer.get() == skip) {
            return RaggedRows.SKIP;
        }
        return null;
    }

    @Override
    public Path locateData(String savedPath) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "The project's data file is not at " + savedPath
                + " any more. Locate it, or open the project without data?", new ButtonType("Locate\u2026", ButtonBar.ButtonData.YES),
                new ButtonType("Open without data", ButtonBar.ButtonData.NO));
        alert.initOwner(stage);
        alert.setHeaderText("Data file not found");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get().getButtonData() != ButtonBar.ButtonData.YES) {
            return null;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Locate " + Path.of(savedPath).getFileName());
        File file = chooser.showOpenDialog(stage);
        return file == null ? null : file.toPath();
    }

    @Override
    public Path chooseProjectLocation(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save project");
        chooser.setInitialFileName(suggestedName + ProjectStore.SUFFIX);
        File file = chooser.showSaveDialog(stage);
        return file == null ? null : file.toPath();
    }

    @Override
    public boolean replayOnChangedData(dev.baton.project.ProjectLoader.DataChange change,
                                       java.util.List<dev.baton.clean.DryRun.StepReport> check) {
        String what = change.query() ? "The project's query now returns other data than when the project was saved "
                + "(the SHA-256 of its result differs)" : change.what() + " is not the file this project was saved with (its SHA-256 differs)";
        String data = change.query() ? "data" : "file";
        if (check.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, what + ". Open the project with it? The saved models were trained "
                    + "on the earlier " + data + ", so they are set aside: train again (same setup and seed) for results on this " + data + ".",
                    new ButtonType("Open with this " + data, ButtonBar.ButtonData.YES), ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText(change.query() ? "The query's result has changed" : "The data file has changed");
            return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.YES).orElse(false);
        }
        String title = change.query() ? "the query on " + change.what() + " (its result changed since the project was saved)"
                : Path.of(change.what()).getFileName() + " (changed since the project was saved)";
        dev.baton.ui.clean.CleanViewModel.DryReport report = new dev.baton.ui.clean.CleanViewModel.DryReport(null, title, check);
        return dev.baton.ui.clean.DryRunDialog.show(stage, report, true);
    }

    @Override
    public String askPassword(dev.baton.data.DatabaseConnection connection, String reason) {
        return dev.baton.ui.data.PasswordDialog.ask(stage, connection, reason);
    }

    @Override
    public void inform(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Baton");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }
}
