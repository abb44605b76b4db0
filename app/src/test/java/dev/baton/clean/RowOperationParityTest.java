package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.batch.Batches;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.data.TypeConversion;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row-wise step gives the same cells on the scorer's batches as on the workbench's tables: applied with its
 * fitted values to the real penguins_raw.csv (344 rows, missing values, dates, text), one step after another.
 */
class RowOperationParityTest {

    private static List<Operation> steps() {
        Map<String, String> sexes = new LinkedHashMap<>();
        sexes.put("MALE", "m");
        sexes.put("FEMALE", "f");
        return List.of(
                new ExtractText("Individual ID", ExtractText.Mode.REGEX, "N(\\d+)", 1, "nest"),
                new ExtractText("Species", ExtractText.Mode.FIRST_WORD, null, null, null),
                new ChangeCase(List.of("Island"), ChangeCase.Case.UPPER),
                new ChangeCase(List.of("Region"), ChangeCase.Case.TITLE),
                new TrimText(List.of("Comments")),
                new ReplaceText("Stage", " Egg", "", false),
                new ReplaceText("Individual ID", "(\\d+)", "#$1", true),
                new MapValues("Sex", sexes, false),
                new MergeValues("Island", Map.of("DREAM", "BISCOE")),
                new MergeRare("Species", 100, null, null, null),
                new Clip("Body Mass (g)", 3000.0, 6000.0, null, null, null, null),
                new Clip("Flipper Length (mm)", null, null, 0.05, 0.95, null, null),
                new Standardize("Culmen Length (mm)", null, null),
                new LogTransform("Body Mass (g)", null, true, "log_mass"),
                new RoundNumbers("Culmen Depth (mm)", 0),
                new BinNumbers("Flipper Length (mm)", null, 4, "flipper_bin", null),
                new BinNumbers("Body Mass (g)", List.of(2000.0, 4000.0, 7000.0), null, "mass_bin", null),
                new MissingIndicator("Delta 15 N (o/oo)", null),
                new FillMissing(List.of("Delta 15 N (o/oo)"), FillMissing.Method.MEDIAN, null, null),
                new FillMissing(List.of("Delta 13 C (o/oo)"), FillMissing.Method.CONSTANT, "-25.5", null),
                new FillMissing(List.of("Sex"), FillMissing.Method.MODE, null, null),
                new FillMissing(List.of("Comments"), FillMissing.Method.CONSTANT, "none", null),
                new DatePart("Date Egg", DatePart.Part.WEEKDAY, null),
                new DatePart("Date Egg", DatePart.Part.DAY_OF_YEAR, "doy"),
                new CombineColumns(List.of("Island", "Sex", "Date Egg", "Sample Number"), "-", "key"),
                new ChangeType("Clutch Completion", ColumnType.BOOLEAN),
                new ChangeType("Sample Number", ColumnType.DECIMAL),
                new DeriveColumn("ratio", "`Culmen Length (mm)` / `Culmen Depth (mm)`"),
                new DeriveColumn("heavy", "if(`Body Mass (g)` > 4500, 'heavy', 'light')"),
                new DeriveColumn("whole", "round(`Flipper Length (mm)` / 10)"),
                new DeriveColumn("late", "`Date Egg` >= '2008-01-01' and `Clutch Completion`"),
                new ChangeType("Date Egg", ColumnType.TEXT),
                new ParseDate("Date Egg", "yyyy-MM-dd", "egg"),
                new SplitColumn("Stage", ", ", false, List.of("stage_a", "stage_b"), true),
                new RenameColumn("Island", "island"),
                new ReorderColumns(List.of("island", "Species")),
                new DropColumns(List.of("studyName")),
                new KeepColumns(List.of("island", "Species", "Sex", "nest", "key", "ratio", "heavy", "whole", "late", "egg", "doy",
                        "stage_a", "stage_b", "mass_bin", "flipper_bin", "log_mass", "Body Mass (g)", "Culmen Length (mm)",
                        "Culmen Depth (mm)", "Delta 15 N (o/oo)", "Delta 15 N (o/oo)_was_missing", "Clutch Completion", "Sample Number",
                        "Comments", "Individual ID", "Region", "Date Egg_weekday")));
    }

    @Test
    void everyRowWiseStepGivesTheSameCellsOnABatchAsOnTheTable() {
        Dataset data = DatasetReader.read(Path.of("sample-data", "penguins_raw.csv"), ImportOptions.detect(), Progress.NONE);
        List<String> checked = new ArrayList<>();
        for (Operation op : steps()) {
            assertThat(op).isInstanceOf(RowOperation.class);
            StepResult result = Replay.step(data, RecipeStep.of(op), Replay.Mode.REFIT);
            assertThat(result.failed()).as(op.describe() + ": " + result.problem()).isFalse();
            RowOperation fitted = (RowOperation) result.step().operation();
            Batch rows = fitted.apply(Batches.of(data));
            data = result.output();
            assertSameCells(fitted.describe(), data, rows);
            checked.add(Operations.name(fitted));
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    }

    private static void assertSameCells(String step, Dataset table, Batch rows) {
        assertThat(rows.names()).as(step).isEqualTo(table.columnNames());
        for (String name : table.columnNames()) {
            ColumnType type = table.type(name);
            dev.baton.batch.Column column = rows.column(name);
            assertThat(column.type().isString() ? "string" : column.type().label()).as(step + ": type of " + name)
                    .isEqualTo(type.isString() ? "string" : type.label());
            for (int r = 0; r < table.rowCount(); r++) {
                String expected = TypeConversion.text(table.column(name), r);
                if (type == ColumnType.DATETIME && expected != null) {
                    expected = ((java.time.LocalDateTime) table.column(name).get(r)).toString();
                }
                assertThat(column.text(r)).as(step + ": " + name + " row " + r).isEqualTo(expected);
            }
        }
    }
}
