package dev.baton.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FieldGridBuilderTest {

    @Test
    void textPastTheCapStopsWithTheRowsReadSoFar() {
        // Rows of 10 bytes against a cap of 1,000: the 100th row fills it, the 101st passes it.
        FieldGridBuilder grid = new FieldGridBuilder(2, 1_000);
        FieldGridBuilder.TooMuchText stop = catchThrowableOfType(FieldGridBuilder.TooMuchText.class, () -> {
            for (int r = 0; r < 1_000; r++) {
                grid.add("abcde");
                grid.add("fghij");
                grid.endRow(r + 1);
            }
        });
        assertThat(stop.rows).isEqualTo(100);
    }
}
