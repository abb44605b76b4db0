package dev.baton.ui;

import dev.baton.data.ImportOptions;
import dev.baton.project.Project;
import javafx.scene.control.ComboBox;
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

/** Train two algorithms on penguins through the window and see both on the leaderboard. */
@ExtendWith(ApplicationExtension.class)
class TrainStageIT {

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

    @Test
    void twoAlgorithmsOnTheLeaderboard(FxRobot robot) throws Exception {
        Project project = window.workbench().project();
        robot.interact(() -> window.workbench().openData(Path.of("sample-data", "penguins.csv"), ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, project::hasData);
        robot.clickOn("#nav-train");
        @SuppressWarnings("unchecked")
        ComboBox<String> target = robot.lookup("#train-target").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue("species"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.trainView().model().features.size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.trainView().model().selectedAlgorithms).containsExactly("logistic-regression", "random-forest");
        // Logistic regression's settings are those of its L-BFGS solver, not an SGD's epochs and learning rate.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.baton.train.Algorithms.Algorithm> catalog =
                robot.lookup("#train-algorithms").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> catalog.getSelectionModel().select(catalog.getItems().stream()
                .filter(a -> a.id().equals("logistic-regression")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Inverse penalty (C)").tryQuery()).isPresent();
        assertThat(robot.lookup("Most iterations").tryQuery()).isPresent();
        assertThat(robot.lookup("Epochs (0 = from the data size)").tryQuery()).isEmpty();
        robot.clickOn("#train-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> project.leaderboard() != null);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<dev.baton.ui.train.TrainViewModel.Row> board = robot.lookup("#leaderboard").queryAs(TableView.class);
        // The two models ranked by their cross-validation means, the baseline last.
        assertThat(board.getItems()).hasSize(3);
        assertThat(board.getItems()).allMatch(r -> r.result().get() != null);
        assertThat(board.getItems().subList(0, 2).stream().map(dev.baton.ui.train.TrainViewModel.Row::algorithm))
                .containsExactlyInAnyOrder("logistic-regression", "random-forest");
        assertThat(board.getItems().get(2).isBaseline()).isTrue();
        assertThat(board.getItems().get(0).result().get().cv().get("accuracy").mean())
                .isGreaterThanOrEqualTo(board.getItems().get(1).result().get().cv().get("accuracy").mean());
        assertThat(project.chosen()).isEqualTo(board.getItems().get(0).algorithm());
        var second = board.getItems().get(1);
        robot.interact(() -> board.getSelectionModel().select(second));
        robot.clickOn("#choose-model");
        assertThat(project.chosen()).isEqualTo(second.algorithm());
        assertThat(board.getSelectionModel().getSelectedItem()).isSameAs(second);
        robot.clickOn("#detail-plots");
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.stage().getScene(), "train-stage");

        // k-means on the four measurements: three clusters covering all 344 penguins.
        robot.clickOn("Clusters (k-means)");
        robot.clickOn("#find-clusters");
        @SuppressWarnings("unchecked")
        TableView<dev.baton.train.ClusterAnalysis.Cluster> clusters = robot.lookup("#cluster-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> clusters.getItems().size() == 3);
        assertThat(clusters.getItems().stream().mapToLong(dev.baton.train.ClusterAnalysis.Cluster::size).sum()).isEqualTo(344);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.stage().getScene(), "train-clusters");
    }
}
