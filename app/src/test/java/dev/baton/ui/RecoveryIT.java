package dev.baton.ui;

import dev.baton.project.Project;
import dev.baton.project.Recovery;
import dev.baton.report.Section;
import javafx.stage.Stage;
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

/**
 * Open the penguins sample project, change it, let autosave run, "crash" (the window goes away without a clean
 * exit), start again: the new window offers the work back, and restoring brings the change.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryIT {

    @TempDir
    static Path recoveryDir;

    private MainWindow window;
    private TestWindow test;

    @Start
    void start(Stage stage) {
        test = new TestWindow(stage, new Project(), new Recovery(recoveryDir));
        window = test.window;
    }

    @AfterEach
    void removePrefs() throws BackingStoreException {
        test.close();
    }

    @Test
    void changeCrashRestartRestore(FxRobot robot) throws Exception {
        Project project = window.workbench().project();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.autosaver() != null);
        robot.interact(() -> window.workbench().openProject(Path.of("sample-data", "penguins.baton-project").toAbsolutePath()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> project.chosenModel() != null);
        assertThat(project.isDirty()).isFalse();

        robot.interact(() -> project.setReportSettings(project.reportSettings().withCommentary(Section.QUALITY, "Checked by hand on 12 birds.")));
        assertThat(project.isDirty()).isTrue();
        Path autosave = window.autosaver().session().folder().resolve("project.json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(autosave)
                && Files.readString(autosave).contains("Checked by hand on 12 birds."));

        // The crash: the session's lock goes with the process, its files stay; no clean exit runs.
        window.autosaver().session().abandon();
        robot.interact(() -> window.stage().hide());

        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> second[0] = new TestWindow(new Stage(), new Project(), new Recovery(recoveryDir)).window);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#recovery-restore").tryQuery().isPresent());
        Screenshots.save(robot, second[0].stage().getScene(), "recovery-banner");
        robot.clickOn("#recovery-restore");
        Project restored = second[0].workbench().project();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> restored.hasData());
        WaitForAsyncUtils.waitForFxEvents(); // the restore finishes on the FX thread
        assertThat(restored.reportSettings().commentary(Section.QUALITY)).isEqualTo("Checked by hand on 12 birds.");
        assertThat(restored.name()).isEqualTo("penguins");
        assertThat(restored.folder()).isEqualTo(Path.of("sample-data", "penguins.baton-project").toAbsolutePath());
        assertThat(restored.isDirty()).isTrue();
        assertThat(restored.chosenModel()).isNotNull();
    }
}
