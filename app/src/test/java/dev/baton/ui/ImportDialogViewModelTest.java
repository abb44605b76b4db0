package dev.baton.ui;

import dev.baton.data.ColumnType;
import dev.baton.data.DataFormat;
import dev.baton.data.ImportOptions;
import dev.baton.ui.data.ImportDialogViewModel;
import dev.baton.ui.task.DirectTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The import dialog's behaviour without a screen: options in, preview and errors out. */
class ImportDialogViewModelTest {

    @TempDir
    Path dir;

    @Test
    void previewFollowsTheOptions() throws Exception {
        Path file = dir.resolve("semi.csv");
        Files.writeString(file, "a;b\n1;x\n2;y\nNone;z\n");
        ImportDialogViewModel model = new ImportDialogViewModel(file, ImportOptions.detect(), new DirectTaskRunner());
        model.start();
        assertThat(model.previewProperty().get().columnNames()).containsExactly("a", "b");
        assertThat(model.typeOf("a").isString()).isTrue();
        assertThat(model.format.get()).isEqualTo(DataFormat.DELIMITED);

        model.missingTokens.set("NA, None");
        assertThat(model.typeOf("a")).isEqualTo(ColumnType.INTEGER);
        assertThat(model.previewProperty().get().missingCount("a")).isEqualTo(1);

        model.delimiter.set(',');
        assertThat(model.previewProperty().get().columnNames()).containsExactly("a;b");

        model.delimiter.set(null);
        assertThat(model.typeOf("b")).isEqualTo(ColumnType.TEXT);
        model.setType("b", ColumnType.TEXT);
        assertThat(model.options().types()).as("choosing the detected type is no override").isEmpty();
        model.setType("b", ColumnType.CATEGORICAL);
        assertThat(model.previewProperty().get().type("b")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(model.options().types()).containsEntry("b", ColumnType.CATEGORICAL);
        assertThat(model.options().missingTokens()).containsExactly("", "NA", "None");
    }

    @Test
    void anUnreadableFileShowsTheMessageAndNoPreview() throws Exception {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "a,b\n1,\"x\n");
        ImportDialogViewModel model = new ImportDialogViewModel(file, ImportOptions.detect(), new DirectTaskRunner());
        model.start();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.errorProperty().get()).contains("never closed");
        model.quote.set('\'');
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.previewProperty().get().rowCount()).isEqualTo(1);
    }
}
