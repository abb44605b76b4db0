package dev.baton.ui;

import dev.baton.project.Project;
import dev.baton.project.ProjectFile;
import dev.baton.project.Recovery;
import dev.baton.ui.task.TaskRunner;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps unsaved work safe: autosaves the project to this window's recovery session every 30 s while there are
 * unsaved changes, and shortly after each completed step; clears the autosave once the work is saved. The
 * snapshot is taken on the FX thread (it is cheap), the writing happens in the background.
 */
final class Autosaver {

    static final Duration INTERVAL = Duration.seconds(30);
    static final Duration AFTER_STEP = Duration.seconds(1.5);

    private final Project project;
    private final TaskRunner tasks;
    private final Recovery.Session session;
    private final Timeline timer;
    private final PauseTransition afterStep = new PauseTransition(AFTER_STEP);
    private boolean saved;

    Autosaver(Project project, TaskRunner tasks, Recovery.Session session) {
        this.project = project;
        this.tasks = tasks;
        this.session = session;
        this.timer = new Timeline(new KeyFrame(INTERVAL, e -> saveIfDirty()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
        afterStep.setOnFinished(e -> saveIfDirty());
        project.addListener(change -> {
            switch (change) {
                case DATA, RECIPE, EXPLORE, TRAINING, REPORT, HANDOFF -> afterStep.playFromStart();
                case DIRTY -> {
                    if (!project.isDirty()) {
                        clear(); // saved, opened or new: nothing to recover
                    }
                }
                default -> { }
            }
        });
    }

    Recovery.Session session() {
        return session;
    }

    void saveIfDirty() {
        if (project.isDirty() && project.hasData()) {
            saveNow();
        }
    }

    /** Writes the autosave now, in the background. */
    void saveNow() {
        ProjectFile snapshot = project.toFile();
        Path folder = project.folder();
        var models = project.leaderboard();
        tasks.background("Autosaving", progress -> {
            session.save(snapshot, folder, models);
            return true;
        }).quiet().onSuccess(ok -> saved = true).onFailure(error -> {
            // An autosave that fails must not interrupt the work; the next one tries again.
        }).start();
    }

    private void clear() {
        if (!saved) {
            return;
        }
        saved = false;
        tasks.background("Clearing the autosave", progress -> {
            session.clear();
            return true;
        }).quiet().onFailure(error -> { }).start();
    }

    /** A clean exit: stop, and remove the session with its autosave. */
    void close() {
        timer.stop();
        afterStep.stop();
        try {
            session.close();
        } catch (IOException e) {
            // Nothing to do at exit; a stale folder is cleaned up as a leftover later.
        }
    }
}
