package dev.baton.ui;

import dev.baton.project.Project;
import dev.baton.report.PenguinsReport;
import dev.baton.report.Section;
import javafx.scene.control.ListView;
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

/** Edit the report in the window: the preview follows, the words go into the project, and both exports work. */
@ExtendWith(ApplicationExtension.class)
class ReportStageIT {

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

    /** Every text the preview shows, in order. */
    private static String previewText(FxRobot robot) {
        StringBuilder out = new StringBuilder();
        robot.interact(() -> collect(robot.lookup("#report-preview").query(), out));
        return out.toString();
    }

    private static void collect(javafx.scene.Node node, StringBuilder out) {
        if (node instanceof javafx.scene.control.Labeled l) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.text.Text t && !(node.getParent() instanceof javafx.scene.control.Labeled)) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), out);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    @Test
    void editPreviewAndExport(FxRobot robot) throws Exception {
        var model = window.reportView().model();
        robot.clickOn("#nav-report");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.report.get() != null && previewText(robot).contains("4. Modelling"));
        assertThat(previewText(robot)).contains("Telling penguin species apart", "4. Modelling", "Baseline (most common class)");

        javafx.scene.control.TextField title = robot.lookup("#report-title").queryAs(javafx.scene.control.TextField.class);
        robot.interact(title::clear);
        robot.clickOn(title).write("Penguin study");
        @SuppressWarnings("unchecked")
        ListView<Section> sections = robot.lookup("#report-sections").queryAs(ListView.class);
        robot.interact(() -> sections.getSelectionModel().select(Section.DATA));
        robot.clickOn("#report-commentary").write("The field data comes from Palmer Station.");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> previewText(robot).contains("Palmer Station") && previewText(robot).contains("Penguin study"));
        assertThat(project.reportSettings().title()).isEqualTo("Penguin study");
        assertThat(project.reportSettings().commentary(Section.DATA)).isEqualTo("The field data comes from Palmer Station.");
        assertThat(project.isDirty()).isTrue();

        robot.clickOn("#section-appendix");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !previewText(robot).contains("Appendix"));
        assertThat(project.reportSettings().includes(Section.APPENDIX)).isFalse();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        Screenshots.save(robot, window.stage().getScene(), "report-stage");

        Path html = dir.resolve("r.html");
        Path pdf = dir.resolve("r.pdf");
        robot.interact(() -> {
            model.exportHtml(html, () -> { });
            model.exportPdf(pdf, () -> { });
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(html) && Files.exists(pdf));
        assertThat(Files.readString(html)).contains("Penguin study", "Palmer Station", "plotly.js (cartesian - minified) v2.35.3").doesNotContain("id=\"sec-appendix\"");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
    }
}
