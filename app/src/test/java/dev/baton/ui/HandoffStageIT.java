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
        // What the window says of the ONNX graph: the whole pipeline, with the rows it was checked on.
        assertThat(robot.lookup("#bundle-result").queryAs(javafx.scene.control.Label.class).getText())
                .contains("ONNX graph of the whole pipeline included (raw columns in; on 129 rows scored from their raw values by ONNX Runtime, 0 labels differ");
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

    /**
     * A data scientist checks a new file before deciding to retrain: 51,600 rows like the training data but with body
     * mass x1.25 and a third of Sex missing, with the true species known. The drift table marks exactly those two
     * inputs, the evaluation appears, and the page is exported.
     */
    @Test
    void monitorNewData(FxRobot robot) throws Exception {
        robot.clickOn("#nav-handoff");
        var model = window.handoffView().model();
        Path bundle = dir.resolve("penguins.baton");
        robot.interact(() -> model.export(bundle));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.exported.get() != null);
        assertThat(model.monitor.bundle.get()).isEqualTo(bundle); // the bundle just exported is the one to monitor

        java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of("sample-data", "penguins_raw.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        int mass = header.indexOf("Body Mass (g)");
        int sex = header.indexOf("Sex");
        int species = header.indexOf("Species");
        StringBuilder out = new StringBuilder(lines.get(0)).append(",species\n");
        int row = 0;
        for (int copy = 0; copy < 150; copy++) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                if (!f[mass].equals("NA")) {
                    f[mass] = Long.toString(Math.round(Integer.parseInt(f[mass]) * 1.25));
                }
                if (row++ % 10 < 3) {
                    f[sex] = "NA";
                }
                out.append(String.join(",", f)).append(',').append(f[species].split(" ")[0]).append('\n');
            }
        }
        Path data = java.nio.file.Files.writeString(dir.resolve("new-penguins.csv"), out);

        robot.clickOn("#handoff-monitor-tab");
        robot.interact(() -> model.monitor.data.set(data));
        robot.clickOn("#monitor-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.monitor.result.get() != null || model.monitor.message.get() != null
                && model.monitor.message.get().startsWith("The check did not finish"));
        WaitForAsyncUtils.waitForFxEvents();
        var check = model.monitor.result.get();
        assertThat(check).as(model.monitor.message.get()).isNotNull();
        assertThat(check.drift().rows()).isEqualTo(51_600);
        java.util.Map<String, String> verdicts = new java.util.HashMap<>();
        check.drift().columns().forEach(c -> verdicts.put(c.name(), c.verdict().label()));
        assertThat(verdicts).containsOnly(java.util.Map.entry("Body Mass (g)", "drift"), java.util.Map.entry("Sex", "drift"),
                java.util.Map.entry("Island", "no drift"), java.util.Map.entry("Culmen Length (mm)", "no drift"),
                java.util.Map.entry("Culmen Depth (mm)", "no drift"), java.util.Map.entry("Flipper Length (mm)", "no drift"));
        assertThat(check.evaluation()).isNotNull();
        assertThat(check.evaluation().rowsEvaluated()).isEqualTo(51_600);

        javafx.scene.control.Label verdict = robot.lookup("#monitor-verdict").queryAs(javafx.scene.control.Label.class);
        assertThat(verdict.getText()).startsWith("DRIFT: ");
        assertThat(robot.lookup("#monitor-evaluation").queryAs(javafx.scene.control.Label.class).getText())
                .contains("Evaluation on 51,600 labelled rows");
        @SuppressWarnings("unchecked")
        TableView<dev.baton.monitor.DriftReport.ColumnDrift> table = robot.lookup("#monitor-columns").queryAs(TableView.class);
        assertThat(table.getItems().get(0).verdict().label()).isEqualTo("drift");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(c -> c.name().equals("Body Mass (g)")).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> chart = robot.lookup("#monitor-chart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(chart.getTitle()).isEqualTo("Body Mass (g)");
        assertThat(chart.getData()).hasSize(2);
        Screenshots.save(robot, window.stage().getScene(), "handoff-monitor");

        Path page = dir.resolve("monitoring.html");
        robot.interact(() -> model.monitor.export(page));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(page));
        assertThat(java.nio.file.Files.readString(page)).contains("Body Mass (g)", "Confusion matrix").doesNotContain("<script");

        // The same rows as the result of a query (DuckDB over the file): the same figures, read as they are checked.
        robot.interact(() -> model.monitor.query.set(new dev.baton.data.QueryRequest(dev.baton.data.DatabaseConnection.parse("duckdb:").connection(),
                "SELECT * FROM read_csv('" + data.toString().replace("'", "''") + "', nullstr = 'NA')")));
        assertThat(model.monitor.data.get()).isNull();
        assertThat(model.monitor.result.get()).isNull(); // the file's result is not shown beside the query
        assertThat(table.getItems()).isEmpty();
        robot.clickOn("#monitor-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.monitor.result.get() != null || model.monitor.message.get() != null
                && model.monitor.message.get().startsWith("The check did not finish"));
        WaitForAsyncUtils.waitForFxEvents();
        var fromQuery = model.monitor.result.get();
        assertThat(fromQuery).as(model.monitor.message.get()).isNotNull();
        assertThat(fromQuery.drift().rows()).isEqualTo(51_600);
        java.util.Map<String, String> queryVerdicts = new java.util.HashMap<>();
        fromQuery.drift().columns().forEach(c -> queryVerdicts.put(c.name(), c.verdict().label()));
        assertThat(queryVerdicts).isEqualTo(verdicts);
        for (var column : fromQuery.drift().columns()) {
            var fromFile = check.drift().columns().stream().filter(c -> c.name().equals(column.name())).findFirst().orElseThrow();
            assertThat(column.tests().get(0).value()).as(column.name()).isEqualTo(fromFile.tests().get(0).value());
        }
        // No evaluation here: DuckDB's names ignore case, so the file's "species" (the target) beside "Species" is renamed.
        assertThat(fromQuery.drift().input()).isEqualTo("the query on duckdb");

        // choosing other data clears the result: no figure from another file stays on screen
        robot.interact(() -> model.monitor.data.set(dir.resolve("other.csv")));
        assertThat(model.monitor.result.get()).isNull();
        assertThat(table.getItems()).isEmpty();
    }
}
