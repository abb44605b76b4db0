package dev.baton.explore;

import dev.baton.clean.CleaningHistory;
import dev.baton.clean.DropColumns;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MergeValues;
import dev.baton.clean.RemoveDuplicates;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {

    private static List<Alert> alerts(Dataset d, AlertSettings s) {
        DatasetProfile p = Profiler.profile(d, Progress.NONE);
        return Alerts.find(d, p, Correlations.compute(d, Progress.NONE), s);
    }

    private static List<Alert.Kind> kinds(List<Alert> alerts, String column) {
        return alerts.stream().filter(a -> a.columns().contains(column)).map(Alert::kind).toList();
    }

    @Test
    void firesAtItsThresholdAndNotBelow() {
        // 1 missing of 4 rows = 25%.
        Dataset d = Tables.csv("m,k\n1,a\nNA,a\n3,a\n4,a\n");
        AlertSettings s = AlertSettings.defaults();
        assertThat(kinds(alerts(d, s), "m")).contains(Alert.Kind.HIGH_MISSING);
        assertThat(kinds(alerts(d, new AlertSettings(25.0, 50, 2, 0.5, 10, 0.9, 0)), "m")).doesNotContain(Alert.Kind.HIGH_MISSING);
        assertThat(kinds(alerts(d, new AlertSettings(24.9, 50, 2, 0.5, 10, 0.9, 0)), "m")).contains(Alert.Kind.HIGH_MISSING);
        assertThat(kinds(alerts(d, s), "k")).contains(Alert.Kind.CONSTANT);
    }

    @Test
    void skewZerosAndCorrelation() {
        StringBuilder csv = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 100; i++) {
            double x = i < 95 ? 1 : 1000;
            csv.append(x).append(',').append(2 * x + 1).append(',').append(i % 3 == 0 ? 0 : i).append('\n');
        }
        Dataset d = Tables.csv(csv.toString());
        List<Alert> all = alerts(d, AlertSettings.defaults());
        Alert skew = all.stream().filter(a -> a.kind() == Alert.Kind.SKEWED && a.columns().contains("x")).findFirst().orElseThrow();
        assertThat(skew.value()).isGreaterThan(2);
        assertThat(skew.fix()).isEqualTo(new LogTransform("x", "e", true, null));
        assertThat(kinds(all, "z")).contains(Alert.Kind.ZEROS);
        Alert corr = all.stream().filter(a -> a.kind() == Alert.Kind.HIGH_CORRELATION).findFirst().orElseThrow();
        assertThat(corr.columns()).containsExactly("x", "y");
        assertThat(corr.value()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(corr.message()).isEqualTo("x and y are strongly associated (Pearson 1.000): one may be redundant");
        assertThat(kinds(alerts(d, new AlertSettings(5, 50, 1e9, 0.5, 40, 0.9, 0)), "z")).doesNotContain(Alert.Kind.ZEROS);
        assertThat(kinds(alerts(d, new AlertSettings(5, 50, 1e9, 0.5, 10, 0.9, 0)), "x")).doesNotContain(Alert.Kind.SKEWED);
    }

    @Test
    void aStrongAssociationNamesItsMeasureAndTheRowsItRestsOnWhenEitherColumnHasGaps() {
        // kind and note agree one to one on the 4 rows that have both (Cramér's V = 1); note is missing in the other 6.
        Dataset d = Tables.csv("kind,note,size\na,p,1\nb,q,2\na,p,3\nb,q,4\na,,5\nb,,6\na,,7\nb,,8\na,,9\nb,,10\n");
        Alert corr = alerts(d, AlertSettings.defaults()).stream()
                .filter(a -> a.kind() == Alert.Kind.HIGH_CORRELATION).findFirst().orElseThrow();
        assertThat(corr.columns()).containsExactly("kind", "note");
        assertThat(corr.value()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(corr.message()).isEqualTo("kind and note are strongly associated (Cram\u00e9r's V 1.000, on the 4 of 10 rows "
                + "that have both): one may be redundant");
    }

    @Test
    void imbalanceOfAYesNoColumnAndOfACategoryWithManyValuesByHand() {
        // 95 yes, 5 no: H = -(0.95 ln 0.95 + 0.05 ln 0.05) = 0.198515; 1 - H / ln 2 = 0.713603.
        StringBuilder csv = new StringBuilder("flag,code\n");
        for (int i = 0; i < 100; i++) {
            // code: "c0" in 89 rows, then c1..c11 once each (12 values, more than the profile's top ten).
            csv.append(i < 95 ? "yes" : "no").append(',').append(i < 89 ? "c0" : "c" + (i - 88)).append('\n');
        }
        Dataset d = Tables.csv(csv.toString());
        DatasetProfile p = Profiler.profile(d, Progress.NONE);
        double h = -(0.95 * Math.log(0.95) + 0.05 * Math.log(0.05));
        assertThat(Alerts.imbalance(d, p.column("flag"))).isCloseTo(1 - h / Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
        // 89/100 once and 1/100 eleven times over 12 values.
        double h12 = -(0.89 * Math.log(0.89) + 11 * 0.01 * Math.log(0.01));
        assertThat(p.column("code").distinct()).isEqualTo(12);
        assertThat(Alerts.imbalance(d, p.column("code"))).isCloseTo(1 - h12 / Math.log(12), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(kinds(alerts(d, AlertSettings.defaults()), "flag")).contains(Alert.Kind.IMBALANCED);
    }

    @Test
    void birdstrikesAlerts() {
        Dataset d = DatasetReader.read(Path.of("sample-data", "birdstrikes.csv"), ImportOptions.detect(), Progress.NONE);
        List<Alert> all = alerts(d, AlertSettings.defaults());
        assertThat(all).anyMatch(a -> a.kind() == Alert.Kind.DUPLICATES && a.value() == 24 && a.fix() instanceof RemoveDuplicates);
        assertThat(kinds(all, "Speed IAS in knots")).contains(Alert.Kind.HIGH_MISSING);
        assertThat(kinds(all, "Effect Amount of damage")).contains(Alert.Kind.IMBALANCED);
        assertThat(kinds(all, "Cost Total $")).contains(Alert.Kind.SKEWED, Alert.Kind.ZEROS);
        assertThat(kinds(all, "Aircraft Make Model")).contains(Alert.Kind.HIGH_CARDINALITY);
    }

    @Test
    void inconsistentSpellingsAndIdentifiers() {
        Dataset d = Tables.csv("id,city\n1,Paris\n2,paris\n3,Paris\n4,Oslo\n5,Oslo\n6, Oslo.\n");
        List<Alert> all = alerts(d, AlertSettings.defaults());
        Alert spell = all.stream().filter(a -> a.kind() == Alert.Kind.SPELLINGS).findFirst().orElseThrow();
        assertThat(((MergeValues) spell.fix()).mapping()).containsEntry("paris", "Paris").containsEntry(" Oslo.", "Oslo");
        Alert id = all.stream().filter(a -> a.kind() == Alert.Kind.UNIQUE).findFirst().orElseThrow();
        assertThat(id.fix()).isEqualTo(new DropColumns(List.of("id")));
    }

    @Test
    void aFixBecomesAnOrdinaryRecipeStepThatUndoes() {
        Dataset d = Tables.csv("id,city\n1,Paris\n2,paris\n3,Paris\n4,Oslo\n");
        Alert spell = alerts(d, AlertSettings.defaults()).stream().filter(a -> a.kind() == Alert.Kind.SPELLINGS).findFirst().orElseThrow();
        CleaningHistory h = new CleaningHistory(d);
        h.push(h.compute(h.withAdded(spell.fix()), spell.fixLabel(), Progress.NONE));
        assertThat(h.recipe().steps().get(0).operation()).isEqualTo(spell.fix());
        assertThat(h.current().table().stringColumn("city").countOccurrences("Paris")).isEqualTo(3);
        assertThat(alerts(h.current(), AlertSettings.defaults())).noneMatch(a -> a.kind() == Alert.Kind.SPELLINGS);
        h.undo();
        assertThat(h.current()).isSameAs(d);
    }
}
