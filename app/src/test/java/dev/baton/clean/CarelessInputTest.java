package dev.baton.clean;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportException;
import dev.baton.data.ImportOptions;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a careless user or program does to files and steps, each caught with a message instead of a silent surprise. */
class CarelessInputTest {

    @TempDir
    Path dir;

    private Dataset read(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
    }

    @Test
    void byteOrderMarksAreNotPartOfAColumnsName() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (int marks = 1; marks <= 3; marks++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < marks; i++) {
                out.write(bom);
            }
            out.write("id,value\n1,2\n".getBytes());
            assertThat(read("bom" + marks + ".csv", out.toByteArray()).columnNames()).as(marks + " marks").containsExactly("id", "value");
        }
    }

    @Test
    void contentAfterAJsonArrayIsAnError() {
        for (String tail : new String[]{"[{\"a\":2}]", "{\"a\":2}", "7", "\"more\""}) {
            assertThatThrownBy(() -> read("tail.json", ("[{\"a\":1}]\n" + tail).getBytes())).as(tail).isInstanceOf(ImportException.class)
                    .hasMessageContaining("more follows the array's closing ]");
        }
        assertThatThrownBy(() -> read("junk.json", "[{\"a\":1}] trailing words".getBytes())).isInstanceOf(ImportException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aDatePatternThatMatchesNothingIsAnError() {
        // Year, day, month: no layout import recognises, so the column stays text and date() must be told.
        Dataset data = Tables.csv("when\n2020/31/12\n2021/15/02\n");
        assertThat(data.type("when").isString()).isTrue();
        StepResult wrong = Replay.step(data, RecipeStep.of(new DeriveColumn("day", "date(when, 'yyyy-MM-dd')")), Replay.Mode.REFIT);
        assertThat(wrong.failed()).isTrue();
        assertThat(wrong.problem()).contains("gives no date for any row", "dd/MM/yyyy");
        StepResult right = Replay.step(data, RecipeStep.of(new DeriveColumn("day", "date(when, 'yyyy/dd/MM')")), Replay.Mode.REFIT);
        assertThat(right.failed()).as(right.problem()).isFalse();
        assertThat(right.output().table().dateColumn("day").get(0)).isEqualTo(java.time.LocalDate.of(2020, 12, 31));
    }

    @Test
    void computingOverAnExistingColumnNeedsToBeAskedFor() {
        Dataset data = Tables.csv("x,y\n1,2\n3,4\n");
        StepResult silent = Replay.step(data, RecipeStep.of(new DeriveColumn("y", "x * 10")), Replay.Mode.REFIT);
        assertThat(silent.failed()).isTrue();
        assertThat(silent.problem()).contains("there is a column 'y' already");
        StepResult asked = Replay.step(data, RecipeStep.of(new DeriveColumn("y", "x * 10", true)), Replay.Mode.REFIT);
        assertThat(asked.failed()).isFalse();
        assertThat(asked.output().table().numberColumn("y").getDouble(1)).isEqualTo(30.0);
        assertThat(asked.output().columnNames()).containsExactly("x", "y");
    }
}
