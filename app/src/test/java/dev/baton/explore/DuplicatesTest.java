package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.testing.Tables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicatesTest {

    @Test
    void theMostRepeatedRowsComeFirstEachAtItsFirstRowWithHowManyRowsHoldIt() {
        // rows: 0 a,1  1 b,2  2 a,1  3 c,3  4 b,2  5 a,1  6 a,NA  7 a,NA  8 d,4
        // a,1 three times from row 0; b,2 twice from row 1; a,NA twice from row 6 (missing equals missing).
        Dataset d = Tables.csv("k,v\na,1\nb,2\na,1\nc,3\nb,2\na,1\na,NA\na,NA\nd,4\n");
        assertThat(Duplicates.count(d)).isEqualTo(4);
        assertThat(Duplicates.mostRepeated(d, 10)).containsExactly(new Duplicates.Repeat(0, 3),
                new Duplicates.Repeat(1, 2), new Duplicates.Repeat(6, 2));
        assertThat(Duplicates.mostRepeated(d, 2)).containsExactly(new Duplicates.Repeat(0, 3), new Duplicates.Repeat(1, 2));
        // A row number tells every row apart.
        assertThat(Duplicates.mostRepeated(Tables.csv("id,k\n1,a\n2,a\n3,a\n"), 10)).isEmpty();
    }
}
