package dev.baton.train;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesTest {

    @Test
    void theDefaultTargetIsTheLastColumnAModelCouldLearnToPredict() {
        // penguins_raw ends with Comments (field notes in ten wordings), missing in 290 of 344 rows. Delta 13 C before it is a number.
        Dataset raw = DatasetReader.read(Path.of("sample-data/penguins_raw.csv"), ImportOptions.detect(), Progress.NONE);
        assertThat(raw.missingCount("Comments")).isEqualTo(290);
        assertThat(Features.defaultTarget(raw)).isEqualTo("Delta 13 C (o/oo)");

        // A last column with a different value in every row, or one missing in more than half the rows, is passed over;
        // missing in exactly half is not.
        assertThat(Features.defaultTarget(Tables.csv("x,kind,code\n1,a,r1\n2,b,r2\n3,a,r3\n4,b,r4\n"))).isEqualTo("kind");
        assertThat(Features.defaultTarget(Tables.csv("x,kind,y\n1,a,NA\n2,b,NA\n3,a,NA\n4,b,5\n"))).isEqualTo("kind");
        assertThat(Features.defaultTarget(Tables.csv("x,kind,y\n1,a,NA\n2,b,NA\n3,a,7\n4,b,5\n"))).isEqualTo("y");
        // None will do: the last column still.
        assertThat(Features.defaultTarget(Tables.csv("k,c\n1,x\n1,x\n1,x\n"))).isEqualTo("c");
    }
}
