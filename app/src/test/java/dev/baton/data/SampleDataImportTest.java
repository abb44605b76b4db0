package dev.baton.data;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample file imported, with values checked against the files themselves (counted independently with awk/Python). */
class SampleDataImportTest {

    static Path sample(String name) {
        return Path.of("sample-data", name);
    }

    static Dataset read(String name) {
        return DatasetReader.read(sample(name), ImportOptions.detect(), Progress.NONE);
    }

    @Test
    void missingCountsFromTheImportEqualTablesawsCount() {
        // The import counts missing values while typing; Tablesaw counts them by visiting every cell.
        java.util.List<ImportOptions> variants = java.util.List.of(ImportOptions.detect(),
                ImportOptions.detect().withMissingTokens(java.util.List.of("NA")),
                ImportOptions.detect().withType("Date Egg", ColumnType.INTEGER).withType("Culmen Length (mm)", ColumnType.TEXT));
        for (String file : java.util.List.of("penguins.csv", "penguins_raw.csv", "auto-mpg.csv", "birdstrikes.csv")) {
            for (ImportOptions options : variants) {
                Dataset d = DatasetReader.read(sample(file), options, Progress.NONE);
                for (String column : d.columnNames()) {
                    assertThat(d.missingCount(column)).as("%s %s", file, column).isEqualTo(d.column(column).countMissing());
                }
            }
        }
    }

    @Test
    void penguins() {
        Dataset d = read("penguins.csv");
        assertThat(d.rowCount()).isEqualTo(344);
        assertThat(d.columnNames()).containsExactly("species", "island", "bill_length_mm", "bill_depth_mm",
                "flipper_length_mm", "body_mass_g", "sex", "year");
        assertThat(d.missingCount("bill_length_mm")).isEqualTo(2);
        assertThat(d.missingCount("sex")).isEqualTo(11);
        assertThat(d.type("species")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.type("bill_length_mm")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.type("flipper_length_mm")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("year")).isEqualTo(ColumnType.INTEGER);
        // First data line: Adelie,Torgersen,39.1,18.7,181,3750,male,2007
        assertThat(d.table().stringColumn("species").get(0)).isEqualTo("Adelie");
        assertThat(d.table().doubleColumn("bill_length_mm").get(0)).isEqualTo(39.1);
        assertThat(d.table().intColumn("body_mass_g").get(0)).isEqualTo(3750);
        // Line 5 is all NA but species, island and year.
        assertThat(d.table().doubleColumn("bill_length_mm").isMissing(3)).isTrue();
        assertThat(d.table().stringColumn("species").countUnique()).isEqualTo(3);
        assertThat(d.table().stringColumn("species").countOccurrences("Gentoo")).isEqualTo(124);
        assertThat(d.source().options().delimiter()).isEqualTo(',');
        assertThat(d.source().options().header()).isTrue();
        assertThat(d.source().options().encoding()).isEqualTo("UTF-8");
        assertThat(d.source().fingerprint()).hasSize(64);
    }

    @Test
    void penguinsRaw() {
        Dataset d = read("penguins_raw.csv");
        assertThat(d.rowCount()).isEqualTo(344);
        assertThat(d.columnCount()).isEqualTo(17);
        assertThat(d.type("Date Egg")).isEqualTo(ColumnType.DATE);
        assertThat(d.table().dateColumn("Date Egg").get(0)).isEqualTo(LocalDate.of(2007, 11, 11));
        // "Adult, 1 Egg Stage" is quoted because it holds the delimiter.
        assertThat(d.table().stringColumn("Stage").get(0)).isEqualTo("Adult, 1 Egg Stage");
        assertThat(d.missingCount("Delta 15 N (o/oo)")).isEqualTo(14);
        assertThat(d.missingCount("Comments")).isEqualTo(290);
        assertThat(d.table().stringColumn("Sex").countOccurrences("MALE")).isEqualTo(168);
    }

    @Test
    void autoMpg() {
        Dataset d = read("auto-mpg.csv");
        assertThat(d.rowCount()).isEqualTo(406);
        assertThat(d.columnCount()).isEqualTo(9);
        assertThat(d.missingCount("Miles_per_Gallon")).isEqualTo(8);
        assertThat(d.missingCount("Horsepower")).isEqualTo(6);
        assertThat(d.type("Year")).isEqualTo(ColumnType.DATE);
        assertThat(d.type("Origin")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.table().doubleColumn("Miles_per_Gallon").get(0)).isEqualTo(18.0);
        assertThat(d.table().dateColumn("Year").get(0)).isEqualTo(LocalDate.of(1970, 1, 1));
    }

    @Test
    void birdstrikesKeepsNoneAsALabel() {
        Dataset d = read("birdstrikes.csv");
        assertThat(d.rowCount()).isEqualTo(10_000);
        assertThat(d.columnCount()).isEqualTo(14);
        StringColumn damage = d.table().stringColumn("Effect Amount of damage");
        assertThat(damage.countOccurrences("None")).isEqualTo(8939);
        assertThat(damage.countOccurrences("C")).isEqualTo(14);
        assertThat(d.missingCount("Effect Amount of damage")).isZero();
        assertThat(d.missingCount("Speed IAS in knots")).isEqualTo(2836);
        assertThat(d.source().options().lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(d.hasColumn("Cost Total $")).isTrue();
        assertThat(d.table().intColumn("Speed IAS in knots").get(0)).isEqualTo(300);
    }

    @Test
    void memoryIsNearTheColumnarSize() {
        Dataset d = read("penguins.csv");
        // 2 categorical (1-byte codes), 2 decimal (8 bytes), 4 integer-ish (4 bytes) per row, plus dictionaries.
        assertThat(d.memoryBytes()).isBetween(344L * 30, 344L * 60 + 2000);
    }
}
