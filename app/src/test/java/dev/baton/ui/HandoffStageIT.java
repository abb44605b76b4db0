package dev.baton.ui;

import dev.baton.bundle.Bundle;
import dev.baton.bundle.Contract;
import dev.baton.project.Project;
import dev.baton.report.PenguinsReport;
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

/** Fill the model card and export a bundle from the Hand-off stage; the bundle opens and carries the card. */
@ExtendWith(ApplicationExtension.class)
class HandoffStageIT {

    private MainWindow window;
    private TestWindow test;
    private Project project;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        project = PenguinsReport.project();
        test = new TestWindow(stage, project);
        window = test.window;
    }

    @AfterEach
    void removePrefs() throws BackingStoreException {
        test.close();
    }

    @Test
    void fillTheCardAndExport(FxRobot robot) throws Exception {
        robot.clickOn("#nav-handoff");
        @SuppressWarnings("unchecked")
        TableView<Contract.Input> contract = robot.lookup("#contract-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> contract.getItems().size() == 6);
        assertThat(contract.getItems().get(0).name()).isEqualTo("Island");

        robot.clickOn("#card-intended-use").write("Sorting field records by species.");
        robot.clickOn("#card-contact").write("penguins@example.org");
        assertThat(project.modelCard().intendedUse()).isEqualTo("Sorting field records by species.");
        assertThat(project.isDirty()).isTrue();

        var model = window.handoffView().model();
        Path file = dir.resolve("penguins.baton");
        robot.interact(() -> model.export(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.exported.get() != null || model.message.get() != null
                && model.message.get().startsWith("The bundle was not written"));
        assertThat(model.message.get()).isNull();
        assertThat(model.exported.get().verified().ok()).isTrue();
        assertThat(model.exported.get().report().parityRows()).isEqualTo(69);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, window.stage().getScene(), "handoff-stage");

        Bundle bundle = Bundle.open(file);
        assertThat(bundle.text("MODEL_CARD.md")).contains("Sorting field records by species.", "penguins@example.org");

        // The project remembers the bundle for the report's lineage, until something the bundle holds changes.
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file)));
        assertThat(project.exportedBundle()).isEqualTo(new dev.baton.bundle.ExportedBundle("penguins.baton", sha, project.chosen()));
        String html = dev.baton.report.HtmlReport.render(dev.baton.report.ReportBuilder.build(project.reportInput(java.time.LocalDate.of(2026, 12, 7)),
                dev.baton.util.Progress.NONE), dev.baton.report.HtmlReport.Mode.STATIC, java.time.Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(html).contains("SHA-256 " + sha);
        robot.interact(() -> model.setCard(new dev.baton.bundle.ModelCardFields("Sorting field records by species, weekly.", "", "penguins@example.org")));
        assertThat(project.exportedBundle()).isNull();
    }
}
