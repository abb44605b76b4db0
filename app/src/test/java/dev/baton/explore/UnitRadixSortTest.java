package dev.baton.explore;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class UnitRadixSortTest {

    @Test
    void sortsLikeArraysSortForEveryNumberOfPasses() {
        Random random = new Random(5);
        // Bounds needing one, two and three digits, the largest int, and a bound of one (all zeros).
        for (int bound : new int[]{1, 2, 2_000, 2_049, 4_194_304, 4_194_305, 1 << 30, Integer.MAX_VALUE}) {
            int[] values = new int[10_001];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(bound);
            }
            values[0] = bound - 1;
            int[] expected = values.clone();
            Arrays.sort(expected);
            assertThat(UnitRadixSort.sort(values, bound)).as("bound %d", bound).containsExactly(expected);
        }
    }

    @Test
    void emptyAndSingleArraysComeBackAsThey() {
        assertThat(UnitRadixSort.sort(new int[0], 10)).isEmpty();
        assertThat(UnitRadixSort.sort(new int[]{7}, 8)).containsExactly(7);
    }
}
