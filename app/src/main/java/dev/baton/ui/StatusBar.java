package dev.baton.ui;

import dev.baton.data.Dataset;
import dev.baton.ui.task.RunningTask;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Dataset name, size and memory on the left; the running task's progress and a cancel button on the right. */
public final class StatusBar {

    private final HBox root = new HBox(10);
    private final Label dataset = new Label("No data open");
    private final Label taskTitle = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final ObservableList<RunningTask> tasks;

    public StatusBar(ObservableList<RunningTask> tasks) {
        this.tasks = tasks;
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        dataset.setId("status-dataset");
        taskTitle.setId("status-task");
        progress.setPrefWidth(180);
        cancel.setId("status-cancel");
        cancel.getStyleClass().add("small-button");
        cancel.setTooltip(new Tooltip("Stop this task (Esc)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(dataset, spacer, taskTitle, progress, cancel);
        tasks.addListener((ListChangeListener<RunningTask>) change -> showTask());
        showTask();
    }

    public HBox node() {
        return root;
    }

    public void showDataset(Dataset data) {
        if (data == null) {
            dataset.setText("No data open");
            return;
        }
        dataset.setText(String.format("%s \u2014 %,d rows \u00d7 %,d columns \u2014 %s in memory", data.name(), data.rowCount(),
                data.columnCount(), dev.baton.util.Format.bytes(data.memoryBytes())));
    }

    /** Cancels the newest running task; true if there was one. */
    public boolean cancelNewest() {
        if (tasks.isEmpty()) {
            return false;
        }
        tasks.get(tasks.size() - 1).cancel().run();
        return true;
    }

    private void showTask() {
        boolean any = !tasks.isEmpty();
        taskTitle.setVisible(any);
        progress.setVisible(any);
        cancel.setVisible(any);
        progress.progressProperty().unbind();
        taskTitle.textProperty().unbind();
        if (any) {
            RunningTask task = tasks.get(tasks.size() - 1);
            progress.progressProperty().bind(task.progress());
            String more = tasks.size() > 1 ? " (+" + (tasks.size() - 1) + " more)" : "";
            taskTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
                String message = task.message().get();
                String left = RunningTask.timeLeft(task.progress().get(), System.nanoTime() - task.startedNanos());
                return task.title() + (message == null || message.isBlank() || task.title().startsWith(message) ? "" : ": " + message)
                        + (left.isEmpty() ? "" : " \u2014 " + left) + more;
            }, task.message(), task.progress()));
            cancel.setOnAction(e -> task.cancel().run());
        }
    }
}
