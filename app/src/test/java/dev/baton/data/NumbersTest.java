package dev.baton.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void everyKindOfNumericColumnBecomesDoublesWithNaNWhereMissing() {
        BooleanColumn yesNo = BooleanColumn.create("b", true, false);
        yesNo.appendMissing();
        yesNo.append(true);
        assertThat(Numbers.of(yesNo)).containsExactly(1, 0, Double.NaN, 1);
        // 21 rows over three bytes of each stored set: trues only in the first byte, gaps to the end.
        BooleanColumn longer = BooleanColumn.create("l");
        double[] expected = new double[21];
        for (int r = 0; r < 21; r++) {
            if (r < 3) {
                longer.append(true);
                expected[r] = 1;
            } else if (r % 2 == 0 && r < 17) {
                longer.append(false);
                expected[r] = 0;
            } else {
                longer.appendMissing();
                expected[r] = Double.NaN;
            }
        }
        assertThat(Numbers.of(longer)).containsExactly(expected);

        IntColumn ints = IntColumn.create("i", 3, -7);
        ints.appendMissing();
        assertThat(Numbers.of(ints)).containsExactly(3, -7, Double.NaN);
        assertThat(Numbers.present(ints)).containsExactly(3, -7);

        DoubleColumn doubles = DoubleColumn.create("d", 0.5, Double.NaN, -2.25);
        assertThat(Numbers.of(doubles)).containsExactly(0.5, Double.NaN, -2.25);

        // Without gaps the filled values are the whole array, still the caller's own: sorting it leaves the column be.
        DoubleColumn full = DoubleColumn.create("f", 3, 1, 2);
        double[] present = Numbers.present(full);
        java.util.Arrays.sort(present);
        assertThat(present).containsExactly(1, 2, 3);
        assertThat(full.asDoubleArray()).containsExactly(3, 1, 2);

        // From converted numbers: the filled ones in a new array, the given one left as it is.
        double[] converted = {2, Double.NaN, -1};
        assertThat(Numbers.filled(converted)).containsExactly(2, -1);
        double[] whole = {5, 4};
        double[] copy = Numbers.filled(whole);
        copy[0] = 0;
        assertThat(whole).containsExactly(5, 4);
    }
}
