package dev.baton.ui;

import dev.baton.data.ImportOptions;
import dev.baton.project.Project;
import dev.baton.testing.ShopData;
import dev.baton.train.HyperparameterSearch;
import dev.baton.ui.train.TrainViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hyperparameter search through the window on 50,000 orders: ticked in the setup, followed per configuration on
 * the leaderboard, every configuration listed and plotted in the model's Search tab; then a long search stopped
 * early keeps what finished.
 */
@ExtendWith(ApplicationExtension.class)
class SearchIT {

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

    @Test
    void searchStopAndSeeEveryConfiguration(FxRobot robot) throws Exception {
        Path file = dir.resolve("shop.csv");
        ShopData.write(file);
        Project project = window.workbench().project();
        robot.interact(() -> window.workbench().openData(file, ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, project::hasData);
        robot.clickOn("#nav-train");
        TrainViewModel train = window.trainView().model();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !train.features.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            train.selectedAlgorithms.setAll("cart", "logistic-regression");
            train.folds.set(3);
        });
        robot.clickOn("#train-search");
        @SuppressWarnings("unchecked")
        Spinner<Integer> size = robot.lookup("#train-search-size").queryAs(Spinner.class);
        robot.interact(() -> size.getValueFactory().setValue(6));
        assertThat(train.setup().search()).isEqualTo(6);
        robot.clickOn("#train-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#train-stop-search").queryAs(Button.class).isVisible());
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> project.leaderboard() != null && !train.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(train.messageProperty().get()).isNull();
        assertThat(robot.lookup("#train-stop-search").queryAs(Button.class).isVisible()).isFalse();
        assertThat(project.searches()).hasSize(2).allSatisfy(s -> assertThat(s.trials()).hasSize(6));
        assertThat(project.trainingSetup().search()).isEqualTo(6);

        @SuppressWarnings("unchecked")
        TableView<TrainViewModel.Row> board = robot.lookup("#leaderboard").queryAs(TableView.class);
        TrainViewModel.Row cartRow = board.getItems().stream().filter(r -> r.algorithm().equals("cart")).findFirst().orElseThrow();
        robot.interact(() -> board.getSelectionModel().select(cartRow));
        robot.clickOn("#detail-search");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<HyperparameterSearch.Trial> trials = robot.lookup("#search-trials").queryAs(TableView.class);
        HyperparameterSearch.Result cart = project.leaderboard().search("cart");
        assertThat(trials.getItems()).hasSize(6);
        // Best first by the cross-validation mean, the chosen configuration's settings are the model's.
        assertThat(trials.getItems().get(0).score("accuracy")).isEqualTo(cart.bestTrial().score("accuracy"));
        assertThat(cartRow.result().get().parameters()).isEqualTo(cart.chosenTrial().parameters());
        assertThat(robot.lookup("#search-summary").queryAs(Label.class).getText()).contains("Chosen: #" + cart.chosen());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.stage().getScene(), "train-search");

        // A long search, stopped after a few configurations: the search keeps them and the model is trained from them.
        robot.interact(() -> {
            train.selectedAlgorithms.setAll("cart");
            size.getValueFactory().setValue(200);
        });
        robot.clickOn("#train-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> board.getItems().stream()
                .anyMatch(r -> r.status().get().startsWith("3 of 200 configurations")
                        || r.status().get().matches("[4-9] of 200 configurations.*")));
        // Nothing of the finished search stays on show while the new one runs.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(trials.getItems()).isEmpty();
        // The status bar estimates the time left once a few configurations are done.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#status-task").queryAs(Label.class).getText().contains(" left"));
        assertThat(robot.lookup("#status-task").queryAs(Label.class).getText()).matches(".*(about \\d+(\\.\\d)? (s|min|h)|a few seconds) left.*");
        Screenshots.save(robot, window.stage().getScene(), "train-search-running");
        robot.clickOn("#train-stop-search");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !train.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        HyperparameterSearch.Result stopped = project.leaderboard().search("cart");
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.trials().size()).isBetween(3, 60);
        assertThat(train.messageProperty().get()).contains("stopped early");
        assertThat(board.getItems()).hasSize(2);
        assertThat(robot.lookup("#train-search").queryAs(CheckBox.class).isSelected()).isTrue();
    }
}
