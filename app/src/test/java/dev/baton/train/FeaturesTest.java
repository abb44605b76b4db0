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
    void theDefaultTargetIsAColumnWhoseNameSaysSoElseNone() {
        // penguins_raw has no such column: the last one (Comments, or Delta 13 C before it) is a guess, so the user chooses.
        Dataset raw = DatasetReader.read(Path.of("sample-data/penguins_raw.csv"), ImportOptions.detect(), Progress.NONE);
        assertThat(Features.defaultTarget(raw)).isNull();
        // A year or a latitude as the last column was the bad guess this replaced.
        assertThat(Features.defaultTarget(Tables.csv("lat,lon,year\n1,2,2001\n2,3,2002\n3,4,2003\n"))).isNull();

        // The whole name first, in any case or separators, wherever the column is; then a word of the name.
        assertThat(Features.defaultTarget(Tables.csv("Target,x\na,1\nb,2\na,3\n"))).isEqualTo("Target");
        assertThat(Features.defaultTarget(Tables.csv("x,CLASS,z\n1,a,5\n2,b,6\n3,a,7\n"))).isEqualTo("CLASS");
        assertThat(Features.defaultTarget(Tables.csv("LotArea,SalePrice,YrSold\n8450,208500,2008\n9600,181500,2007\n11250,223500,2008\n")))
                .isEqualTo("SalePrice");
        assertThat(Features.defaultTarget(Tables.csv("class_label,y,x\na,4,5\nb,1,6\na,4,7\n"))).isEqualTo("y");
        assertThat(Features.defaultTarget(Tables.csv("outcome_code,x\na,5\nb,6\na,7\n"))).isEqualTo("outcome_code");
        // Words, not letters: "yield" is no y.
        assertThat(Features.defaultTarget(Tables.csv("yield,price_band\n1,a\n2,b\n3,a\n"))).isEqualTo("price_band");
        // A column no model could learn (an ID, or missing in more than half the rows) is passed over even when named so.
        assertThat(Features.defaultTarget(Tables.csv("x,label\n1,r1\n2,r2\n3,r3\n4,r4\n"))).isNull();
        assertThat(Features.defaultTarget(Tables.csv("x,target\n1,NA\n2,NA\n3,NA\n4,b\n"))).isNull();
    }
}
