package dev.baton.ui;

import dev.baton.data.ImportOptions;
import dev.baton.explore.Alert;
import dev.baton.project.Project;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

/** Select a column in Explore: its profile card and chart appear; an alert's fix becomes a recipe step. */
@ExtendWith(ApplicationExtension.class)
class ExploreStageIT {

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

    /** On screen: in the scene, it and every parent visible (a tab not selected hides its content, not each node). */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void selectingAColumnShowsItsProfileAndChart(FxRobot robot) throws Exception {
        robot.interact(() -> window.workbench().openData(Path.of("sample-data", "penguins.csv"), ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project().hasData());
        robot.clickOn("#nav-explore");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.exploreView().model().explorationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> columns = robot.lookup("#explore-columns").queryAs(ListView.class);
        robot.interact(() -> columns.getSelectionModel().clearSelection());
        robot.clickOn("bill_length_mm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profile-title").queryAs(Label.class).getText()).startsWith("bill_length_mm");
        assertThat(robot.lookup("#profile-stats").queryAll().size()).isEqualTo(1);
        assertThat(robot.lookup("43.9219").tryQuery()).isPresent();
        assertThat(robot.lookup("44.45").tryQuery()).isPresent();

        // The column's histogram, drawn: its bins hold the 342 penguins with a bill length (2 are missing).
        javafx.scene.Node holder = robot.lookup(".chart-holder").match(ExploreStageIT::shown).query();
        dev.baton.ui.explore.ChartView chart = dev.baton.ui.explore.ChartView.of(holder);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> chart.chart() instanceof dev.baton.explore.chart.ChartData.HistogramData);
        var histogram = (dev.baton.explore.chart.ChartData.HistogramData) chart.chart();
        assertThat(histogram.column()).isEqualTo("bill_length_mm");
        assertThat(histogram.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(342);
        Screenshots.save(robot, window.stage().getScene(), "explore-column");

        robot.clickOn("#tab-overview");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.stage().getScene(), "explore-overview");
    }

    @Test
    void anAlertFixBecomesARecipeStep(FxRobot robot) throws Exception {
        robot.interact(() -> window.workbench().openData(Path.of("sample-data", "birdstrikes.csv"), ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project().hasData());
        robot.clickOn("#nav-explore");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.exploreView().model().explorationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // The repeated rows, as pandas counts them: 21 sets of values repeat, the most often one 5 times
        // (CHARLESTON AFB/INTL ARPT, C-17A); the dialog lists the 20 most repeated.
        robot.clickOn("#show-repeated-rows");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#repeated-rows").tryQuery().isPresent());
        TableView<?> repeated = robot.lookup("#repeated-rows").queryAs(TableView.class);
        assertThat(repeated.getItems()).hasSize(20);
        assertThat(repeated.getColumns().get(0).getCellData(0)).isEqualTo("5");
        assertThat(repeated.getColumns().get(1).getCellData(0)).isEqualTo("CHARLESTON AFB/INTL ARPT");
        assertThat(repeated.getColumns().get(2).getCellData(0)).isEqualTo("C-17A");
        robot.interact(() -> repeated.getScene().getWindow().hide());
        robot.clickOn("Remove duplicate rows");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project().recipe().steps().size() == 1);
        assertThat(project().dataset().rowCount()).isEqualTo(10_000 - 24);
        // The exploration follows the cleaned data: the duplicate alert is gone.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var e = window.exploreView().model().explorationProperty().get();
            return e != null && e.profile().rows() == 10_000 - 24;
        });
        assertThat(window.exploreView().model().explorationProperty().get().alerts())
                .noneMatch(a -> a.kind() == Alert.Kind.DUPLICATES);
        robot.interact(() -> project().undo());
        assertThat(project().dataset().rowCount()).isEqualTo(10_000);
    }
}
