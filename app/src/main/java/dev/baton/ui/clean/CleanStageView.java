package dev.baton.ui.clean;

import dev.baton.clean.Operation;
import dev.baton.clean.Recipe;
import dev.baton.clean.StepResult;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.ui.data.DatasetTable;
import dev.baton.ui.task.TaskRunner;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Clean stage: the current data with a menu on every column header, the recipe beside it, undo and redo,
 * and recipe files (save, load with a dry run, check on another file).
 */
public final class CleanStageView {

    private final CleanViewModel model;
    private final TaskRunner tasks;
    private final Supplier<Window> window;
    private final BorderPane root = new BorderPane();
    private final DatasetTable table;
    private final Label title = new Label("Clean");
    private final Label subtitle = new Label();
    private final StackPane center = new StackPane();

    public CleanStageView(CleanViewModel model, TaskRunner tasks, Supplier<Window> window) {
        this.model = model;
        this.tasks = tasks;
        this.window = window;
        this.table = new DatasetTable(tasks);
        table.setColumnMenu(this::columnMenu);
        root.getStyleClass().add("stage-view");
        root.setId("stage-clean");
        title.getStyleClass().add("stage-title");
        subtitle.getStyleClass().add("muted");
        root.setTop(header());
        RecipeList recipe = new RecipeList(model, this::editStep);
        Label recipeTitle = new Label("Recipe");
        recipeTitle.getStyleClass().add("section-title");
        Label recipeHint = new Label("Steps replay in order; drag to reorder, double-click to edit.");
        recipeHint.getStyleClass().add("muted");
        recipeHint.setWrapText(true);
        VBox side = new VBox(6, recipeTitle, recipeHint, recipe.node());
        VBox.setVgrow(recipe.node(), Priority.ALWAYS);
        side.setMinWidth(300);
        side.getStyleClass().add("recipe-panel");
        SplitPane split = new SplitPane(center, side);
        split.setDividerPositions(0.7);
        root.setCenter(split);
        model.currentProperty().addListener((o, was, now) -> {
            recipe.node().getSelectionModel().clearSelection();
            show(now);
        });
        recipe.node().getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> showStep(now.intValue()));
        show(model.currentProperty().get());
    }

    public Node node() {
        return root;
    }

    public DatasetTable table() {
        return table;
    }

    private Node header() {
        Button undo = new Button("Undo");
        undo.setId("clean-undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(model.undoTextProperty().concat(" (Ctrl+Z)"));
        undo.setTooltip(undoTip);
        Button redo = new Button("Redo");
        redo.setId("clean-redo");
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(model.redoTextProperty().concat(" (Ctrl+Shift+Z or Ctrl+Y)"));
        redo.setTooltip(redoTip);
        MenuButton add = new MenuButton("Add step");
        add.setId("add-step");
        add.getItems().setAll(operationMenus(null, null));
        Button cluster = new Button("Cluster values\u2026");
        cluster.setOnAction(e -> cluster(null));
        MenuButton recipeFiles = new MenuButton("Recipe file");
        MenuItem save = new MenuItem("Save recipe\u2026");
        save.setOnAction(e -> saveRecipe());
        MenuItem load = new MenuItem("Load recipe\u2026");
        load.setOnAction(e -> loadRecipe());
        MenuItem check = new MenuItem("Check this recipe on another file\u2026");
        check.setOnAction(e -> checkOnFile());
        recipeFiles.getItems().setAll(save, load, check);
        for (javafx.scene.control.Control n : new javafx.scene.control.Control[]{add, cluster, recipeFiles}) {
            n.disableProperty().bind(model.currentProperty().isNull());
        }
        for (javafx.scene.control.Control n : new javafx.scene.control.Control[]{undo, redo, add, cluster, recipeFiles}) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        subtitle.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new VBox(2, title, subtitle), spacer, undo, redo, add, cluster, recipeFiles);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("stage-header");
        return bar;
    }

    private void show(Dataset data) {
        if (data == null) {
            Label empty = new Label("Open a dataset in the Data stage first.");
            empty.getStyleClass().add("muted");
            center.getChildren().setAll(empty);
            subtitle.setText("");
            return;
        }
        subtitle.setText(String.format("%,d rows \u00d7 %,d columns after %d step%s \u00b7 right-click a column header for its steps",
                data.rowCount(), data.columnCount(), model.steps().size(), model.steps().size() == 1 ? "" : "s"));
        table.show(data);
        center.getChildren().setAll(table.view());
    }

    /** Selecting a step shows the data right after it; selecting none shows the current data. */
    private void showStep(int index) {
        if (index < 0 || index >= model.steps().size()) {
            show(model.currentProperty().get());
            return;
        }
        StepResult step = model.steps().get(index);
        table.show(step.output());
        center.getChildren().setAll(table.view());
        subtitle.setText(String.format("Showing the data after step %d of %d (%,d rows \u00d7 %,d columns); press Esc in the recipe to see the current data",
                index + 1, model.steps().size(), step.output().rowCount(), step.output().columnCount()));
    }

    /** The operations that take this column, by group; all operations when column is null. */
    private java.util.List<MenuItem> operationMenus(String column, ColumnType type) {
        Map<String, Menu> groups = new LinkedHashMap<>();
        for (StepEditors.Editor editor : StepEditors.all()) {
            if (column != null) {
                Field first = editor.fields().stream().filter(f -> f.key().equals(editor.first())).findFirst().orElse(null);
                if (first == null || (first.columnFilter() != null && !first.columnFilter().test(type))) {
                    continue;
                }
            }
            MenuItem item = new MenuItem(editor.title() + "\u2026");
            item.setOnAction(e -> newStep(editor, column));
            groups.computeIfAbsent(editor.group(), Menu::new).getItems().add(item);
        }
        return new java.util.ArrayList<>(groups.values());
    }

    /** A column's menu of steps, filled when first shown (a table of 40 columns would otherwise build 40 menus per step). */
    private ContextMenu columnMenu(String column) {
        // One item to begin with: a context menu with none is never shown, so it would never fill itself.
        ContextMenu menu = new ContextMenu(new MenuItem("\u2026"));
        menu.setOnShowing(e -> {
            Dataset data = model.currentProperty().get();
            ColumnType type = data == null || !data.hasColumn(column) ? ColumnType.TEXT : data.type(column);
            menu.getItems().setAll(operationMenus(column, type));
            if (type.isString()) {
                MenuItem cluster = new MenuItem("Cluster similar values\u2026");
                cluster.setOnAction(ev -> cluster(column));
                menu.getItems().add(cluster);
            }
        });
        return menu;
    }

    public void newStep(StepEditors.Editor editor, String column) {
        new StepDialog(window.get(), model, editor, -1, null, column).showAndWait().ifPresent(model::add);
    }

    private void editStep(int index) {
        StepResult step = model.steps().get(index);
        Operation op = step.step().operation();
        new StepDialog(window.get(), model, StepEditors.of(op), index, op, null).showAndWait()
                .ifPresent(edited -> model.replace(index, edited));
    }

    private void cluster(String column) {
        new ClusterDialog(window.get(), model.currentProperty().get(), column, tasks).showAndWait().ifPresent(model::add);
    }

    private FileChooser recipeChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Baton recipe", "*.recipe.json", "*.json"));
        return chooser;
    }

    private void saveRecipe() {
        FileChooser chooser = recipeChooser("Save recipe");
        chooser.setInitialFileName(model.currentProperty().get().name() + ".recipe.json");
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            model.saveRecipe(file.toPath(), () -> { });
        }
    }

    private void loadRecipe() {
        File file = recipeChooser("Load recipe").showOpenDialog(window.get());
        if (file != null) {
            model.checkRecipe(file.toPath(), report -> {
                if (DryRunDialog.show(window.get(), report, true)) {
                    model.replaceRecipe(report.recipe(), "Load " + file.getName());
                }
            });
        }
    }

    private void checkOnFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Check the recipe on another data file");
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            Path path = file.toPath();
            model.checkOnFile(path, report -> DryRunDialog.show(window.get(), report, false));
        }
    }

    /** For tests and menus: the recipe as it stands. */
    Recipe recipe() {
        return Recipe.of(model.steps().stream().map(StepResult::step).toList());
    }
}
