package dev.baton.ui.clean;

import dev.baton.clean.StepResult;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The recipe's steps: what each did or why it could not apply, with switches to disable, edit, delete and
 * move; steps can be dragged to a new place.
 */
final class RecipeList {

    private final ListView<StepResult> list = new ListView<>();

    RecipeList(CleanViewModel model, IntConsumer edit) {
        list.setItems(model.steps());
        list.getStyleClass().add("recipe-list");
        list.setId("recipe-list");
        list.setPlaceholder(new Label("No steps yet. Right-click a column header,\nor use Add step."));
        list.setCellFactory(v -> new StepCell(model, edit, model::move));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                list.getSelectionModel().clearSelection();
                e.consume();
            }
        });
    }

    ListView<StepResult> node() {
        return list;
    }

    private static final class StepCell extends ListCell<StepResult> {
        private final CleanViewModel model;
        private final IntConsumer edit;

        StepCell(CleanViewModel model, IntConsumer edit, BiConsumer<Integer, Integer> move) {
            this.model = model;
            this.edit = edit;
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(Integer.toString(getIndex()));
                board.setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() != this && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean ok = e.getDragboard().hasString();
                if (ok) {
                    int from = Integer.parseInt(e.getDragboard().getString());
                    int to = getItem() == null ? model.steps().size() - 1 : getIndex();
                    move.accept(from, to);
                }
                e.setDropCompleted(ok);
                e.consume();
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null) {
                    edit.accept(getIndex());
                }
            });
        }

        @Override
        protected void updateItem(StepResult item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("step-failed", "step-disabled");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            int index = getIndex();
            Label number = new Label((index + 1) + ".");
            number.getStyleClass().add("step-number");
            Label what = new Label(item.step().operation().describe());
            what.setWrapText(true);
            what.getStyleClass().add("step-description");
            Label result = new Label(switch (item.status()) {
                case APPLIED -> item.change().summary() + (item.step().operation().rowWise() ? "" : " \u00b7 training data only")
                        + (item.note() == null ? "" : "\n\u26a0 " + item.note());
                case DISABLED -> "disabled";
                case FAILED -> "\u26a0 cannot apply: " + item.problem();
            });
            result.setWrapText(true);
            result.getStyleClass().add(item.failed() ? "step-problem" : "step-result");
            if (item.failed()) {
                getStyleClass().add("step-failed");
            } else if (item.status() == StepResult.Status.DISABLED) {
                getStyleClass().add("step-disabled");
            }
            CheckBox on = new CheckBox();
            on.setSelected(item.step().enabled());
            on.setTooltip(new Tooltip("Switch this step on or off"));
            on.setOnAction(e -> model.setEnabled(index, on.isSelected()));
            Button editButton = small("Edit", "Change this step's settings", () -> edit.accept(index));
            Button up = small("\u2191", "Move up", () -> model.move(index, index - 1));
            up.setDisable(index == 0);
            Button down = small("\u2193", "Move down", () -> model.move(index, index + 1));
            down.setDisable(index == model.steps().size() - 1);
            Button delete = small("\u2715", "Delete this step", () -> model.remove(index));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox buttons = new HBox(4, on, spacer, editButton, up, down, delete);
            buttons.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, new HBox(6, number, what), result);
            VBox box = new VBox(4, text, buttons);
            box.setMaxWidth(Double.MAX_VALUE);
            what.maxWidthProperty().bind(list().widthProperty().subtract(70));
            result.maxWidthProperty().bind(list().widthProperty().subtract(40));
            setGraphic(box);
            setText(null);
        }

        private ListView<StepResult> list() {
            return getListView();
        }

        private static Button small(String text, String tip, Runnable action) {
            Button b = new Button(text);
            b.getStyleClass().add("small-button");
            b.setTooltip(new Tooltip(tip));
            b.setOnAction(e -> action.run());
            return b;
        }
    }
}
