package dev.baton.ui;

import dev.baton.bundle.Bundle;
import dev.baton.bundle.BundleVerifier;
import dev.baton.project.Project;
import dev.baton.util.Progress;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hand-off stage on 51,600 penguin records whose recipe combines, splits and derives texts and dates (the recipe
 * CI scores in Node): the bundle's ONNX graph is the whole pipeline, checked on the ten thousand held-out rows from
 * their raw values, and the window says so.
 */
@ExtendWith(ApplicationExtension.class)
class HandoffTextStepsIT {

    private MainWindow window;
    private TestWindow test;
    private Project project;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("baton-text-steps");
        project = new Project();
        project.setData(dev.baton.data.DatasetReader.read(records(dir), dev.baton.data.ImportOptions.detect(), Progress.NONE));
        var recipe = dev.baton.clean.RecipeFiles.read(Path.of("scripts", "onnx-text-steps.recipe.json"));
        project.apply(project.history().compute(recipe.steps(), "text steps", Progress.NONE));
        var setup = new dev.baton.train.TrainingSetup("Species", dev.baton.train.Task.CLASSIFICATION,
                List.of("Culmen Length (mm)", "Culmen Depth (mm)", "isl", "clutch", "stage_eggs", "isl_sex", "sex_or", "isl_low", "dream",
                        "egg_late", "egg_month", "comment_word"),
                0.2, 0, 42, List.of(dev.baton.train.AlgorithmChoice.of("random-forest")), "accuracy");
        project.setLeaderboard(dev.baton.train.Experiment.run(project.dataset(), setup, dev.baton.train.Experiment.Listener.NONE, Progress.NONE));
        project.choose("random-forest");
        test = new TestWindow(stage, project);
        window = test.window;
    }

    /** penguins_raw.csv 150 times over; every tenth record's island in lower case with spaces around, as typed by hand. */
    private static Path records(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "penguins_raw.csv"));
        int island = List.of(lines.get(0).split(",")).indexOf("Island");
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        int row = 0;
        for (int copy = 0; copy < 150; copy++) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                if (row++ % 10 == 0) {
                    f[island] = "  " + f[island].toLowerCase(java.util.Locale.ROOT) + " ";
                }
                out.append(String.join(",", f)).append('\n');
            }
        }
        return Files.writeString(dir.resolve("penguins-51600.csv"), out);
    }

    @AfterEach
    void removePrefsAndFiles() throws Exception {
        test.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theBundlesGraphIsTheWholePipelineOfTextSteps(FxRobot robot) throws Exception {
        assertThat(project.dataset().rowCount()).isEqualTo(51_600);
        robot.clickOn("#nav-handoff");
        var model = window.handoffView().model();
        Path file = dir.resolve("texts.baton");
        robot.interact(() -> model.export(file));
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> model.exported.get() != null || model.message.get() != null
                && model.message.get().startsWith("The bundle was not written"));
        assertThat(model.message.get()).isNull();
        assertThat(model.exported.get().report().parityRows()).isEqualTo(10_320);
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup("#bundle-result").queryAs(Label.class).getText();
        System.out.println("text steps bundle: " + said);
        assertThat(said).contains("ONNX graph of the whole pipeline included (raw columns in; on 10,3", "0 labels differ");
        Screenshots.save(robot, window.stage().getScene(), "handoff-text-steps");
        Bundle bundle = Bundle.open(file);
        BundleVerifier.Result verified = BundleVerifier.verify(bundle);
        assertThat(verified.onnxDifferences()).isEmpty();
        assertThat(verified.onnxWhat()).contains("whole pipeline");
    }
}
