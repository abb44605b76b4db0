package dev.baton.data;

import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.Column;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing from the one-pass scan must give exactly what typing each column on its own gives. */
class CellScanTest {

    private static final int ROWS = 150_000;

    /** Columns that trip a scan: a text after the sample, after the cut between the cores, quotes, huge integers. */
    private static FieldGrid grid() throws Exception {
        StringBuilder sb = new StringBuilder("n,late,early,big,empty,dec,flag,when,cat,label\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append(i % 7 == 0 ? "NA" : i % 5 == 0 ? "\"" + i + "\"" : String.valueOf(i)).append(',');
            sb.append(i == ROWS - 10 ? "unknown" : String.valueOf(i % 100)).append(',');
            sb.append(i == 3 ? "x" : "1.5").append(',');
            sb.append(9_007_199_254_740_993L + i).append(',');
            sb.append(',');
            sb.append(i % 3 == 0 ? "\"2.25\"" : i * 0.5).append(',');
            sb.append(i % 2 == 0 ? "yes" : "no").append(',');
            sb.append(i % 11 == 0 ? "" : "2024-01-" + (10 + i % 20)).append(',');
            // Categories numbered in the scan: one first seen after the cut between the cores, a quoted one with
            // a doubled quote, gaps; texts over 16 bytes and ones that differ only in their ninth byte.
            sb.append(i % 13 == 0 ? "NA" : i >= ROWS / 2 && i % 3 == 0 ? "late arrival"
                    : i % 17 == 0 ? "\"say \"\"hi\"\"\"" : new String[]{"North", "South", "public sector"}[i % 3]).append(',');
            sb.append(i % 5 == 0 ? "category-number-0" + (i % 4) : "abcdefgh" + (i % 2)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        DelimitedTokenizer.Layout layout = new DelimitedTokenizer.Layout((byte) ',', (byte) '"', false, RaggedRows.ERROR);
        return new DelimitedTokenizer(Path.of("x.csv"), bytes, bytes.length, layout, Progress.NONE)
                .tokenize(0, true, Parallel.pool(), 2).grid();
    }

    private static final List<String> NAMES = List.of("n", "late", "early", "big", "empty", "dec", "flag", "when", "cat", "label");

    @Test
    void scannedTypesEqualColumnByColumnTypes() throws Exception {
        FieldGrid grid = grid();
        assertThat(grid.rows).isEqualTo(ROWS);
        ImportOptions options = ImportOptions.detect();
        GridTables.Typed scanned = GridTables.type("x", grid, NAMES, options, Map.of(), Progress.NONE);
        for (int c = 0; c < NAMES.size(); c++) {
            ColumnTyper.Typed alone = new ColumnTyper(grid, options.missingTokens()).build(c, NAMES.get(c), null);
            assertSame(scanned.table().column(c), alone.column());
            assertThat(scanned.columns().get(c)).isEqualTo(alone.info());
            assertThat(scanned.missing()[c]).as(NAMES.get(c)).isEqualTo(alone.column().countMissing());
        }
        // Independently: what each column must be (an empty column reads as integers, all missing).
        assertThat(scanned.columns()).extracting(ColumnInfo::type).containsExactly(ColumnType.INTEGER,
                ColumnType.CATEGORICAL, ColumnType.CATEGORICAL, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL,
                ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
        tech.tablesaw.api.StringColumn cat = (tech.tablesaw.api.StringColumn) scanned.table().column("cat");
        assertThat(cat.countUnique()).as("five values and the missing one").isEqualTo(6);
        assertThat(cat.getString(17)).isEqualTo("say \"hi\"");
        assertThat(cat.getString(ROWS / 2)).isEqualTo("late arrival");
        assertThat(cat.countMissing()).isEqualTo((ROWS + 12) / 13);
        tech.tablesaw.api.StringColumn label = (tech.tablesaw.api.StringColumn) scanned.table().column("label");
        assertThat(label.countUnique()).isEqualTo(6);
        assertThat(label.getString(5)).isEqualTo("category-number-01");
        assertThat(label.getString(7)).isEqualTo("abcdefgh1");
        Column<?> n = scanned.table().column("n");
        assertThat(n.countMissing()).isEqualTo((ROWS + 6) / 7);
        assertThat(n.getString(5)).isEqualTo("5");
        assertThat(scanned.table().column("late").getString(ROWS - 10)).isEqualTo("unknown");
        assertThat(((LongColumn) scanned.table().column("big")).get(ROWS - 1)).isEqualTo(9_007_199_254_740_993L + ROWS - 1);
        assertThat(scanned.table().column("dec").getString(3)).isEqualTo("2.25");
    }

    @Test
    void chosenTypesAreReadFromTheScannedText() throws Exception {
        FieldGrid grid = grid();
        ImportOptions options = ImportOptions.detect().withType("n", ColumnType.TEXT).withType("late", ColumnType.INTEGER);
        GridTables.Typed scanned = GridTables.type("x", grid, NAMES, options, Map.of(), Progress.NONE);
        assertThat(scanned.columns().get(0).type()).isEqualTo(ColumnType.TEXT);
        assertThat(scanned.table().column("n").getString(5)).isEqualTo("5");
        ColumnInfo late = scanned.columns().get(1);
        assertThat(late.unparsable()).isEqualTo(1);
        assertThat(late.examples().get(0).text()).isEqualTo("unknown");
        assertThat(late.examples().get(0).line()).isEqualTo(ROWS - 10 + 2);
        for (String name : List.of("n", "late")) {
            int c = NAMES.indexOf(name);
            ColumnTyper.Typed alone = new ColumnTyper(grid, options.missingTokens()).build(c, name, options.types().get(name));
            assertSame(scanned.table().column(c), alone.column());
            assertThat(scanned.missing()[c]).as(name).isEqualTo(alone.column().countMissing());
        }
    }

    @Test
    void yesNoValuesLandOnTheirRowsAcrossBitSetWords() throws Exception {
        StringBuilder sb = new StringBuilder("flag\n");
        for (int r = 0; r < 1000; r++) {
            sb.append(r % 3 == 0 ? "yes" : r % 3 == 1 ? "no" : "").append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        DelimitedTokenizer.Layout layout = new DelimitedTokenizer.Layout((byte) ',', (byte) '"', false, RaggedRows.ERROR);
        FieldGrid grid = new DelimitedTokenizer(Path.of("x.csv"), bytes, bytes.length, layout, Progress.NONE)
                .tokenize(0, true, Parallel.pool(), 1).grid();
        GridTables.Typed typed = GridTables.type("x", grid, List.of("flag"), ImportOptions.detect(), Map.of(), Progress.NONE);
        tech.tablesaw.api.BooleanColumn flag = (tech.tablesaw.api.BooleanColumn) typed.table().column(0);
        for (int r = 0; r < 1000; r++) {
            if (r % 3 == 2) {
                assertThat(flag.isMissing(r)).as("row %d", r).isTrue();
            } else {
                assertThat(flag.get(r)).as("row %d", r).isEqualTo(r % 3 == 0);
            }
        }
        assertThat(flag.countTrue()).isEqualTo(334);
        assertThat(flag.countFalse()).isEqualTo(333);
        assertThat(flag.countMissing()).isEqualTo(333).isEqualTo(typed.missing()[0]);
    }

    private static void assertSame(Column<?> actual, Column<?> expected) {
        assertThat(actual.type()).isEqualTo(expected.type());
        if (actual instanceof tech.tablesaw.api.StringColumn strings
                && !(strings.getDictionary() instanceof tech.tablesaw.columns.strings.NullDictionaryMap)) {
            // The same keys in the same order of first appearance, with the same counts, as typing alone makes.
            assertThat(strings.getDictionary()).isEqualTo(((tech.tablesaw.api.StringColumn) expected).getDictionary());
        }
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.isMissing(r)).as("row %d missing", r).isEqualTo(expected.isMissing(r));
            if (!expected.isMissing(r)) {
                assertThat(actual.getString(r)).as("row %d", r).isEqualTo(expected.getString(r));
            }
        }
    }
}
