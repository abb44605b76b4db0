package dev.baton.ui;

import dev.baton.ui.workbench.RecentFiles;
import dev.baton.data.ImportOptions;
import dev.baton.data.TablesawInit;
import dev.baton.project.Project;
import dev.baton.project.ProjectStore;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/** The JavaFX application: wires the window and opens what the command line asked for. */
public final class BatonApp extends Application {

    @Override
    public void start(Stage stage) {
        TablesawInit.start();
        Preferences prefs = Preferences.userRoot().node("dev/baton");
        Project project = new Project();
        MainWindow window = new MainWindow(stage, project, new RecentFiles(prefs, "recentData"), new RecentFiles(prefs, "recentProjects"));
        stage.show();
        Launcher.Options options = Launcher.options();
        if (options.file() != null) {
            if (options.screenshot() != null) {
                screenshotWhenShown(window, options.screenshot());
            }
            Path file = options.file();
            if (Files.isDirectory(file) && Files.exists(file.resolve(ProjectStore.PROJECT_JSON))) {
                window.workbench().openProject(file);
            } else {
                window.workbench().openData(file, ImportOptions.detect());
            }
        } else if (options.screenshot() != null) {
            window.tasks().later(() -> saveScreenshot(window, options.screenshot()));
        }
    }

    /** The CI smoke test: once the data is on screen, save a picture of the window and quit; exit 1 if it never shows. */
    private static void screenshotWhenShown(MainWindow window, Path png) {
        window.exitOnError();
        PauseTransition timeout = new PauseTransition(Duration.seconds(90));
        timeout.setOnFinished(e -> {
            System.err.println("baton: the data was not shown within 90 s");
            System.exit(1);
        });
        timeout.play();
        window.workbench().project().addListener(change -> {
            if (change == Project.Change.DATA && window.workbench().project().hasData()) {
                timeout.stop();
                PauseTransition settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(e -> saveScreenshot(window, png));
                settle.play();
            }
        });
    }

    private static void saveScreenshot(MainWindow window, Path png) {
        try {
            WritableImage image = window.stage().getScene().snapshot(null);
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
            System.out.println("Screenshot saved to " + png.toAbsolutePath());
            Platform.exit();
            System.exit(0);
        } catch (IOException e) {
            System.err.println("baton: could not save the screenshot: " + e.getMessage());
            System.exit(1);
        }
    }
}
