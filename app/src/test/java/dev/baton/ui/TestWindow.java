package dev.baton.ui;

import dev.baton.project.Project;
import dev.baton.project.Recovery;
import dev.baton.ui.workbench.RecentFiles;
import javafx.stage.Stage;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A main window for TestFX tests, with preferences of its own that are removed afterwards. */
final class TestWindow {

    final Preferences prefs = Preferences.userRoot().node("dev/baton-test/" + System.nanoTime());
    final MainWindow window;

    TestWindow(Stage stage, Project project) {
        this(stage, project, Recovery.forUser());
    }

    TestWindow(Stage stage, Project project, Recovery recovery) {
        window = new MainWindow(stage, project, new RecentFiles(prefs, "data"), new RecentFiles(prefs, "projects"), recovery);
        stage.show();
    }

    void close() throws BackingStoreException {
        prefs.removeNode();
    }
}
