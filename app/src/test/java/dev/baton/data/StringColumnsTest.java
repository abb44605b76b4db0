package dev.baton.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A column built from codes must be the column that appending the same values builds. */
class StringColumnsTest {

    @Test
    void smallDictionaryWithMissingEmptyAndRepeatedTexts() {
        String[] values = {"b", "a", "", "a"}; // "a" twice: two spellings of one text; "" is missing to Tablesaw
        int[] codes = {0, 1, -1, 2, 3, 0, -1, 1};
        assertSameAsAppended(codes, values);
        StringColumn column = StringColumns.of("x", codes, values);
        assertThat(column.countMissing()).isEqualTo(3);
        assertThat(column.countUnique()).isEqualTo(3); // b, a and missing, as Tablesaw counts
        assertThat(column.get(4)).isEqualTo("a");
    }

    @Test
    void everyDictionarySize() {
        for (int distinct : new int[]{1, 254, 255, 3000, 65_534, 65_535, 70_000}) {
            SplittableRandom random = new SplittableRandom(distinct);
            int rows = 2 * distinct + 50;
            String[] values = new String[distinct];
            for (int i = 0; i < distinct; i++) {
                values[i] = "v" + i;
            }
            int[] codes = new int[rows];
            for (int r = 0; r < rows; r++) {
                // Every value appears first in order (as codes are made), then at random, with some missing.
                codes[r] = r < distinct ? r : random.nextInt(10) == 0 ? -1 : random.nextInt(distinct);
            }
            assertSameAsAppended(codes, values);
        }
    }

    private static void assertSameAsAppended(int[] codes, String[] values) {
        StringColumn appended = StringColumn.create("x");
        List<String> texts = new ArrayList<>();
        for (int code : codes) {
            if (code < 0) {
                appended.appendMissing();
            } else {
                appended.append(values[code]);
            }
            texts.add(code < 0 ? "" : values[code]);
        }
        StringColumn built = StringColumns.of("x", codes, values);
        assertThat(built.getDictionary()).hasSameClassAs(appended.getDictionary());
        if (!(appended.getDictionary() instanceof tech.tablesaw.columns.strings.NullDictionaryMap)) {
            // Tablesaw's map without a dictionary has no equals; the others compare keys, values and counts.
            assertThat(built.getDictionary()).as("%d values", values.length).isEqualTo(appended.getDictionary());
        }
        assertThat(built.asList()).isEqualTo(texts);
    }
}
