package dev.baton.ui.clean;

import dev.baton.clean.Change;
import dev.baton.clean.Operation;
import dev.baton.clean.StepException;
import dev.baton.clean.StepResult;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.ui.controls.ErrorDialog;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Set up one step: its form on the left, and on the right a preview, computed off the FX thread as the form
 * changes, of how many rows and cells it changes, with before and after values of a few changed rows.
 */
public final class StepDialog {

    private final Dialog<Operation> dialog = new Dialog<>();
    private final StepEditors.Editor editor;
    private final StepForm form;
    private final CleanViewModel model;
    private final int index;
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final TableView<List<String>> sample = new TableView<>();
    private Operation built;

    public StepDialog(Window owner, CleanViewModel model, StepEditors.Editor editor, int index, Operation existing, String column) {
        this.model = model;
        this.editor = editor;
        this.index = index;
        Dataset input = model.inputFor(index);
        this.form = new StepForm(editor.fields(), input);
        if (existing != null) {
            form.setValues(editor.read().apply(existing));
        } else {
            form.preselect(editor.first(), column);
        }
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? editor.title() : "Edit step " + (index + 1));
        dialog.setHeaderText(editor.title());
        dialog.setResizable(true);
        ButtonType apply = new ButtonType(existing == null ? "Add step" : "Update step", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        summary.getStyleClass().add("preview-summary");
        summary.setWrapText(true);
        summary.setId("step-preview-summary");
        problem.getStyleClass().add("import-error");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        sample.setPlaceholder(new Label("No changed rows to show"));
        sample.setPrefHeight(220);
        VBox.setVgrow(sample, Priority.ALWAYS);
        Label previewTitle = new Label("Preview");
        previewTitle.getStyleClass().add("section-title");
        VBox preview = new VBox(8, previewTitle, problem, summary, sample);
        preview.setPrefWidth(480);
        HBox.setHgrow(preview, Priority.ALWAYS);
        HBox content = new HBox(18, form.node(), preview);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(1000);
        Node applyButton = dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("apply-step");
        applyButton.setDisable(true);
        form.onChange(() -> update(applyButton));
        dialog.setResultConverter(b -> b == apply ? built : null);
        dialog.setOnHidden(e -> model.cancelPreview());
        update(applyButton);
    }

    public Dialog<Operation> dialog() {
        return dialog;
    }

    public Optional<Operation> showAndWait() {
        return dialog.showAndWait();
    }

    private void update(Node applyButton) {
        Operation op;
        try {
            op = editor.build().apply(form.values());
            op.check();
        } catch (StepException | IllegalArgumentException e) {
            built = null;
            applyButton.setDisable(true);
            showProblem(e.getMessage());
            return;
        }
        built = op;
        showProblem(null);
        summary.setText("Computing\u2026");
        model.preview(op, index, p -> {
            StepResult r = p.result();
            if (r.failed()) {
                applyButton.setDisable(true);
                showProblem("This step cannot apply: " + r.problem() + ".");
                summary.setText("");
                sample.getItems().clear();
                return;
            }
            applyButton.setDisable(false);
            summary.setText(r.step().operation().describe() + ".\n" + r.change().summary() + "."
                    + (r.note() == null ? "" : "\n\u26a0 " + r.note() + "."));
            showSample(p.input(), r.output(), r.change());
        }, e -> {
            applyButton.setDisable(true);
            showProblem(ErrorDialog.plainMessage(e));
        });
    }

    private void showProblem(String text) {
        problem.setText(text == null ? "" : text);
        problem.setVisible(text != null);
        problem.setManaged(text != null);
    }

    private void showSample(Dataset before, Dataset after, Change change) {
        sample.getColumns().clear();
        sample.getItems().clear();
        if (change.rowsAfter() != change.rowsBefore()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        for (String c : after.columnNames()) {
            if (!before.hasColumn(c) || before.table().column(c) != after.table().column(c)) {
                columns.add(c);
            }
        }
        List<TableColumn<List<String>, String>> tableColumns = new ArrayList<>();
        tableColumns.add(column("Row", 0));
        int i = 1;
        for (String c : columns) {
            if (before.hasColumn(c)) {
                tableColumns.add(column(c + " before", i++));
            }
            tableColumns.add(column(c + (before.hasColumn(c) ? " after" : ""), i++));
        }
        sample.getColumns().setAll(tableColumns);
        for (int row : change.sampleRows()) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(row + 1));
            for (String c : columns) {
                if (before.hasColumn(c)) {
                    cells.add(text(before, c, row));
                }
                cells.add(text(after, c, row));
            }
            sample.getItems().add(cells);
        }
    }

    /** A cell of the preview; decimals to six significant digits (a ratio is 2.45614, not 2.456140350877193). */
    private static String text(Dataset d, String column, int row) {
        var values = d.column(column);
        if (values instanceof tech.tablesaw.api.NumericColumn<?> numbers && !values.isMissing(row)) {
            return dev.baton.util.Format.significant(numbers.getDouble(row), 6);
        }
        String t = TypeConversion.text(values, row);
        return t == null ? "missing" : t;
    }

    private static TableColumn<List<String>, String> column(String title, int i) {
        TableColumn<List<String>, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(i)));
        c.setSortable(false);
        return c;
    }
}
