package dev.baton.ui;

import dev.baton.data.Dataset;
import dev.baton.data.ImportOptions;
import dev.baton.data.TypeConversion;
import dev.baton.project.Project;
import dev.baton.testing.ShopData;
import dev.baton.ui.data.DatasetTable;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data table as a user works it, on 50,000 rows of 40 columns: a header click sorts up, down and back to the
 * file's order; a click and a Shift+click select a block that Ctrl+C copies as the values of the data; the arrow
 * keys move and extend the selection; Ctrl+A and Ctrl+C copy every row (as a background task); dragging a
 * header's edge widens its column.
 */
@ExtendWith(ApplicationExtension.class)
class DataGridIT {

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

    private DatasetTable table() {
        return window.dataView().table();
    }

    private Point2D middle(Bounds b) {
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private Point2D header(FxRobot robot, String column) {
        Bounds[] at = new Bounds[1];
        robot.interact(() -> at[0] = table().headerOnScreen(column));
        return middle(at[0]);
    }

    private Point2D cell(FxRobot robot, int row, String column) {
        Bounds[] at = new Bounds[1];
        robot.interact(() -> at[0] = table().cellOnScreen(row, column));
        return middle(at[0]);
    }

    private void sorted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table().isSorting());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    /** The block of cells as tab-separated lines, read from the dataset itself (missing values as empty fields). */
    private static String block(Dataset data, List<Integer> rows, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (int r : rows) {
            List<String> fields = new ArrayList<>();
            for (String c : columns) {
                String value = TypeConversion.text(data.column(c), r);
                fields.add(value == null ? "" : value);
            }
            sb.append(String.join("\t", fields)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void sortSelectCopyAndResizeOnFiftyThousandRows(FxRobot robot) throws Exception {
        Path file = dir.resolve("shop.csv");
        ShopData.Facts facts = ShopData.write(file);
        robot.interact(() -> window.workbench().openData(file, ImportOptions.detect()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.workbench().project().hasData());
        WaitForAsyncUtils.waitForFxEvents();
        Dataset data = window.workbench().project().dataset();
        assertThat(table().shownRows()).hasSize(ShopData.ROWS);

        // A header click: ascending, again: descending, a third time: the file's order.
        robot.clickOn(header(robot, "basket_value"));
        sorted(robot);
        assertThat(data.table().numberColumn("basket_value").getDouble(table().shownRows().get(0))).isEqualTo(facts.basketMin());
        robot.clickOn(header(robot, "basket_value"));
        sorted(robot);
        assertThat(data.table().numberColumn("basket_value").getDouble(table().shownRows().get(0))).isEqualTo(facts.basketMax());
        robot.clickOn(header(robot, "basket_value"));
        sorted(robot);
        assertThat(table().shownRows()).isEqualTo(IntStream.range(0, ShopData.ROWS).boxed().toList());

        // Click, Shift+click, Ctrl+C: the block's values as the data holds them.
        robot.clickOn(cell(robot, 10, "store"));
        robot.press(KeyCode.SHIFT);
        robot.clickOn(cell(robot, 14, "channel"));
        robot.release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).isEqualTo(block(data, List.of(10, 11, 12, 13, 14), List.of("store", "region", "channel")));

        // The keys: down twice and right from the corner of a new selection, then Shift+Right widens it.
        robot.clickOn(cell(robot, 0, "order_id"));
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.RIGHT);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().selectionAsText()).isEqualTo(block(data, List.of(2), List.of("store", "region")));

        // Ctrl+A, Ctrl+C: every row, copied off the FX thread.
        robot.press(KeyCode.CONTROL).type(KeyCode.A).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            String text = clipboard(robot);
            return text != null && text.length() > 1_000_000;
        });
        String all = clipboard(robot);
        assertThat(all.lines().count()).isEqualTo(ShopData.ROWS);
        assertThat(all.lines().findFirst().orElseThrow().split("\t", -1)).hasSize(40);

        // Dragging the right edge of a header widens its column by as much.
        double before = table().columnWidth("store");
        Bounds[] at = new Bounds[1];
        robot.interact(() -> at[0] = table().headerOnScreen("store"));
        robot.moveTo(new Point2D(at[0].getMaxX() - 1, at[0].getCenterY()));
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        robot.moveBy(30, 0);
        robot.moveBy(30, 0);
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().columnWidth("store")).isEqualTo(before + 60);
        Screenshots.save(robot, window.stage().getScene(), "data-grid");
    }
}
