package dev.baton.ui.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A task the status bar shows: its title, progress (-1 while unknown), latest message, and a way to cancel it.
 */
public record RunningTask(String title, ReadOnlyDoubleProperty progress, ReadOnlyStringProperty message, Runnable cancel) {
}
