package dev.baton.ui.clean;

import dev.baton.clean.DryRun;
import dev.baton.clean.StepResult;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Function;

/** A dry run's report: per step, whether it applies, what it would change, missing columns and new categories. */
public final class DryRunDialog {

    private DryRunDialog() {
    }

    /** Shows the report; returns true when the user chose to apply the recipe (only offered when {@code canApply}). */
    public static boolean show(Window owner, CleanViewModel.DryReport report, boolean canApply) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Recipe check");
        long failing = report.steps().stream().filter(s -> !s.ok()).count();
        dialog.setHeaderText(failing == 0
                ? "All " + report.steps().size() + " steps apply to " + report.dataName() + "."
                : failing + " of " + report.steps().size() + " steps cannot apply to " + report.dataName() + ".");
        TableView<DryRun.StepReport> table = new TableView<>();
        table.getItems().setAll(report.steps());
        table.getColumns().add(column("#", r -> Integer.toString(r.number()), 40));
        table.getColumns().add(column("Step", DryRun.StepReport::description, 330));
        table.getColumns().add(column("Result", r -> r.status() == StepResult.Status.DISABLED ? "disabled"
                : r.ok() ? r.change() : "cannot apply: " + r.problem(), 300));
        table.getColumns().add(column("Missing columns", r -> String.join(", ", r.missingColumns()), 140));
        table.getColumns().add(column("New categories", r -> String.join(", ", r.newCategories()), 180));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DryRun.StepReport item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("failed-row");
                if (!empty && item != null && !item.ok()) {
                    getStyleClass().add("failed-row");
                }
            }
        });
        table.setPrefSize(1000, 380);
        Label note = new Label("Nothing has been changed yet.");
        note.getStyleClass().add("muted");
        dialog.getDialogPane().setContent(new VBox(8, note, table));
        ButtonType apply = new ButtonType("Use this recipe", ButtonBar.ButtonData.OK_DONE);
        if (canApply) {
            dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        } else {
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        }
        dialog.setResultConverter(b -> b == apply);
        return dialog.showAndWait().orElse(false);
    }

    private static TableColumn<DryRun.StepReport, String> column(String title, Function<DryRun.StepReport, String> value, double width) {
        TableColumn<DryRun.StepReport, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
