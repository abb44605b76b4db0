package dev.baton.ui;

import dev.baton.clean.FillMissing;
import dev.baton.clean.RenameColumn;
import dev.baton.data.Dataset;
import dev.baton.data.ImportOptions;
import dev.baton.data.TypeConversion;
import dev.baton.project.Project;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

/** Fill missing values and rename a column through the Clean stage, undo both: the table is the original again. */
@ExtendWith(ApplicationExtension.class)
class CleanStageIT {

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

    private Project project() {
        return window.workbench().project();
    }

    private void waitForSteps(int steps) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project().recipe().steps().size() == steps);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> rows(Dataset d) {
        List<String> out = new ArrayList<>();
        out.add(String.join(",", d.columnNames()));
        for (int r = 0; r < d.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (String c : d.columnNames()) {
                cells.add(String.valueOf(TypeConversion.text(d.column(c), r)));
            }
            out.add(String.join(",", cells));
        }
        return out;
    }

    /** A right click on the column's header opens its menu. */
    private void openHeaderMenu(FxRobot robot, String column) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds[] at = new javafx.geometry.Bounds[1];
        robot.interact(() -> at[0] = window.cleanView().table().headerOnScreen(column));
        robot.rightClickOn(new javafx.geometry.Point2D(at[0].getCenterX(), at[0].getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fillAndRenameThenUndoBoth(FxRobot robot) throws Exception {
        robot.interact(() -> window.workbench().openData(Path.of("sample-data", "penguins.csv"), ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project().hasData());
        List<String> original = rows(project().dataset());
        robot.clickOn("#nav-clean");

        openHeaderMenu(robot, "bill_length_mm");
        robot.clickOn("Missing values");
        robot.clickOn("Fill missing values\u2026", Motion.HORIZONTAL_FIRST); // into the submenu as a hand goes, not across other items
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#step-preview-summary").tryQuery().isPresent()
                && robot.lookup("#step-preview-summary").queryLabeled().getText().contains("cells"));
        assertThat(robot.lookup("#step-preview-summary").queryLabeled().getText())
                .contains("median (44.45)").contains("2 cells in 2 rows changed");
        Screenshots.save(robot, robot.lookup("#step-preview-summary").query().getScene(), "clean-step-dialog");
        robot.clickOn("#apply-step");
        waitForSteps(1);
        assertThat(project().recipe().steps().get(0).operation()).isInstanceOf(FillMissing.class);
        assertThat(project().dataset().table().doubleColumn("bill_length_mm").get(3)).isEqualTo(44.45);

        openHeaderMenu(robot, "sex");
        robot.clickOn("Columns");
        robot.clickOn("Rename column\u2026", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#field-to");
        robot.write("gender");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#step-preview-summary").queryLabeled().getText().contains("Rename"));
        robot.clickOn("#apply-step");
        waitForSteps(2);
        assertThat(project().recipe().steps().get(1).operation()).isEqualTo(new RenameColumn("sex", "gender"));
        assertThat(project().dataset().columnNames()).contains("gender").doesNotContain("sex");
        Screenshots.save(robot, window.stage().getScene(), "clean-stage");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(project().recipe().steps()).isEmpty();
        assertThat(rows(project().dataset())).isEqualTo(original);
        assertThat(window.cleanView().table().shownRows()).hasSize(344);

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(project().recipe().steps()).hasSize(1);
    }
}
