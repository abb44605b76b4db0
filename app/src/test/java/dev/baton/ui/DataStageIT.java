package dev.baton.ui;

import dev.baton.project.Project;
import javafx.scene.control.Label;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless (Monocle): opening data through the window, and a bad file that leaves the open data in place. */
@ExtendWith(ApplicationExtension.class)
class DataStageIT {

    @TempDir
    Path dir;

    private MainWindow window;
    private TestWindow test;

    @Start
    void start(Stage stage) {
        test = new TestWindow(stage, new Project());
        window = test.window;
    }

    @AfterEach
    void removePrefs() throws BackingStoreException {
        test.close();
    }

    private dev.baton.ui.data.DatasetTable table() {
        return window.dataView().table();
    }

    private void waitForData(int rows) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.workbench().project().hasData()
                && window.workbench().project().dataset().rowCount() == rows);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openPenguinsThroughTheImportDialog(FxRobot robot) throws Exception {
        Path penguins = Path.of("sample-data", "penguins.csv").toAbsolutePath();
        robot.interact(() -> javafx.application.Platform.runLater(() -> window.open(penguins)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Import").tryQuery().isPresent()
                && !robot.lookup("Import").queryButton().isDisabled());
        Screenshots.save(robot, robot.lookup("Import").queryButton().getScene(), "import-dialog");
        robot.clickOn("Import");
        waitForData(344);
        Screenshots.save(robot, window.stage().getScene(), "data-stage");
        assertThat(table().shownRows()).hasSize(344);
        assertThat(table().columnNames()).containsExactly("species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                "body_mass_g", "sex", "year");
        assertThat(robot.lookup("#status-dataset").queryAs(Label.class).getText()).contains("344 rows").contains("8 columns");
        // Row 4 of penguins.csv has no measurements: its cells are painted as missing, the others as values.
        javafx.scene.paint.Color[] painted = new javafx.scene.paint.Color[2];
        robot.interact(() -> {
            painted[0] = table().cellColor(3, "bill_length_mm");
            painted[1] = table().cellColor(0, "bill_length_mm");
        });
        assertThat(painted[0]).isEqualTo(dev.baton.ui.data.DatasetTable.MISSING_COLOR);
        assertThat(painted[1]).isNotEqualTo(dev.baton.ui.data.DatasetTable.MISSING_COLOR);
        assertThat(window.stage().getTitle()).contains("penguins");
    }

    @Test
    void aMalformedFileShowsAnErrorAndKeepsThePreviousData(FxRobot robot) throws Exception {
        robot.interact(() -> window.workbench().openData(Path.of("sample-data", "penguins.csv"), dev.baton.data.ImportOptions.detect()));
        waitForData(344);
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "a,b\n1,\"open\n2,3\n");
        robot.interact(() -> window.workbench().openData(broken, dev.baton.data.ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".error-message").tryQuery().isPresent());
        String message = robot.lookup(".error-message").queryAs(Label.class).getText();
        assertThat(message).contains("broken.csv").contains("line 2").contains("never closed");
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Screenshots.save(robot, pane.getScene(), "error-dialog");
        Window dialogWindow = pane.getScene().getWindow();
        robot.interact(((Stage) dialogWindow)::close);
        assertThat(window.workbench().project().dataset().name()).isEqualTo("penguins");
        assertThat(table().shownRows()).hasSize(344);
    }
}
