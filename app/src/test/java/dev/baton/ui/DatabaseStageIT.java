package dev.baton.ui;

import dev.baton.data.QuerySource;
import dev.baton.project.Project;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Open from database" as a user goes through it: Ctrl+Alt+O, the connection form, Test connection with the tables
 * listed, a table double-clicked into the query, Preview, Open with tens of thousands of rows; Escape during a long
 * query leaves the open data as it was. PostgreSQL from .ci/postgres.sh (skipped without it); DuckDB everywhere.
 */
@ExtendWith(ApplicationExtension.class)
class DatabaseStageIT {

    @TempDir
    Path dir;

    private MainWindow window;
    private TestWindow test;
    private Project project;

    @Start
    void start(Stage stage) {
        project = new Project();
        test = new TestWindow(stage, project);
        window = test.window;
    }

    @AfterEach
    void removePrefs() throws BackingStoreException {
        test.close();
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    @SuppressWarnings("unchecked")
    private static TreeView<String> tables(FxRobot robot) {
        return robot.lookup("#database-tables").queryAs(TreeView.class);
    }

    @Test
    void aDuckDbFileFromTheConnectionFormToTheDataStage(FxRobot robot) throws Exception {
        Path db = dir.resolve("penguins.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            // 344 penguins 100 times over: 34,400 rows.
            s.execute("CREATE TABLE penguins AS SELECT p.* FROM read_csv('sample-data/penguins.csv', nullstr='NA') p, range(100)");
        }
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#database-kind").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#database-kind").queryComboBox().getSelectionModel().select(dev.baton.data.DatabaseKind.DUCKDB));
        replaceText(robot, "#database-file", db.toString());
        robot.clickOn("#database-test");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tables(robot).getRoot() != null
                && !tables(robot).isShowRoot() && tables(robot).getRoot().getChildren().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#database-status").queryLabeled().getText()).startsWith("Connected: DuckDB");
        robot.interact(() -> tables(robot).getSelectionModel().select(tables(robot).getRoot().getChildren().get(0)));
        robot.doubleClickOn(".tree-cell");
        assertThat(robot.lookup("#database-query").queryTextInputControl().getText()).isEqualTo("SELECT * FROM penguins");
        robot.clickOn("#database-preview");
        @SuppressWarnings("unchecked")
        TableView<Integer> preview = robot.lookup("#database-preview-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 100
                || robot.lookup("#database-error").queryLabeled().isVisible());
        assertThat(robot.lookup("#database-error").queryLabeled().getText()).isEmpty();
        assertThat(preview.getColumns()).hasSize(8);
        robot.clickOn("#database-open");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> project.hasData() && project.dataset().rowCount() == 34_400);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.tasks().running().isEmpty());
        assertThat(project.dataset().source()).isInstanceOf(QuerySource.class);
        assertThat(project.dataset().missingCount("sex")).isEqualTo(1_100); // 11 penguins without a sex, 100 times
        assertThat(project.dataRef().query().sql()).isEqualTo("SELECT * FROM penguins");
        Screenshots.save(robot, window.stage().getScene(), "database-duckdb-opened");
    }

    @Test
    void postgresTestConnectionPreviewOpenAndCancel(FxRobot robot) throws Exception {
        String port = System.getenv("BATON_TEST_PG_PORT");
        assumeTrue(port != null, "no PostgreSQL test server: start one with .ci/postgres.sh start and source target/postgres/env");
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#database-host").tryQuery().isPresent());
        replaceText(robot, "#database-host", System.getenv("BATON_TEST_PG_HOST"));
        replaceText(robot, "#database-port", port);
        replaceText(robot, "#database-name", System.getenv("BATON_TEST_PG_DATABASE"));
        replaceText(robot, "#database-user", System.getenv("BATON_TEST_PG_USER"));
        robot.clickOn("#database-password-field").write(System.getenv("BATON_TEST_PG_PASSWORD"));
        robot.clickOn("#database-test");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tables(robot).getRoot() != null && !tables(robot).isShowRoot());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tables(robot).getRoot().getChildren()).extracting(javafx.scene.control.TreeItem::getValue)
                .contains("big", "every_type", "penguins");
        assertThat(robot.lookup("#database-status").queryLabeled().getText()).startsWith("Connected: PostgreSQL");

        robot.clickOn("#database-query").write("SELECT * FROM big WHERE id <= 50000 ORDER BY id");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        TableView<Integer> preview = robot.lookup("#database-preview-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().size() == 100);
        assertThat(preview.getColumns()).hasSize(12);
        Screenshots.save(robot, robot.lookup("#database-query").query().getScene(), "database-postgres-preview");
        robot.clickOn("#database-open");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> project.hasData() && project.dataset().rowCount() == 50_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(project.dataset().columnCount()).isEqualTo(12);
        assertThat(project.dataset().missingCount("code")).isEqualTo(5_000); // every tenth row
        Screenshots.save(robot, window.stage().getScene(), "database-postgres-opened");

        // A long query cancelled with Escape: the open data stays, the window answers.
        robot.interact(project::markClean);
        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#database-query").tryQuery().isPresent());
        // The dialog opens with the project's connection and query, and the password typed this session.
        assertThat(robot.lookup("#database-query").queryTextInputControl().getText()).isEqualTo("SELECT * FROM big WHERE id <= 50000 ORDER BY id");
        robot.clickOn("#database-query");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("SELECT pg_sleep(60), 1 AS one");
        robot.clickOn("#database-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#database-query").tryQuery().isEmpty()
                && !window.tasks().running().isEmpty());
        Thread.sleep(700);
        long start = System.nanoTime();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.tasks().running().isEmpty());
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
        assertThat(project.dataset().rowCount()).isEqualTo(50_000);

        // Saved, then opened in a session that knows no password: Baton asks for it, and the query runs again.
        Path saved = dir.resolve("big.baton-project");
        robot.interact(() -> window.workbench().saveTo(saved, () -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(saved.resolve("project.json")) && !project.isDirty());
        assertThat(java.nio.file.Files.readString(saved.resolve("project.json"))).doesNotContain(System.getenv("BATON_TEST_PG_PASSWORD"));
        var connection = project.dataRef().query().connection();
        robot.interact(() -> {
            window.workbench().passwords().put(connection, null);
            project.clear();
        });
        robot.interact(() -> javafx.application.Platform.runLater(() -> window.open(saved)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#database-password").tryQuery().isPresent());
        robot.clickOn("#database-password").write(System.getenv("BATON_TEST_PG_PASSWORD"));
        robot.clickOn("Connect");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> project.hasData() && project.dataset().rowCount() == 50_000);
        // The rest of the opening (recent projects, the project's models) finishes before the test's preferences go.
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.tasks().running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(project.dataRef().query().sql()).isEqualTo("SELECT * FROM big WHERE id <= 50000 ORDER BY id");
        assertThat(project.isDirty()).isFalse(); // the same result: nothing changed since the save
    }
}
