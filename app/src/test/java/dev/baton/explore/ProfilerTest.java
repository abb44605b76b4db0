package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistics checked against pandas 1.5.3 on the same files (values printed by pandas, kept here to 1e-9 relative). */
class ProfilerTest {

    static DatasetProfile profile(String file) {
        Dataset d = DatasetReader.read(Path.of("sample-data", file), ImportOptions.detect(), Progress.NONE);
        return Profiler.profile(d, Progress.NONE);
    }

    private static void close(Double actual, double expected) {
        assertThat(actual).isNotNull();
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-9)));
    }

    /** count, missing, mean, std, min, max, median, quantiles 1..99%, skew, kurt, distinct. */
    private static void numeric(ColumnProfile c, long count, long missing, double mean, double std, double min, double max,
                                double median, double[] q, double skew, double kurt, long distinct) {
        assertThat(c.count()).isEqualTo(count);
        assertThat(c.missing()).isEqualTo(missing);
        close(c.mean(), mean);
        close(c.std(), std);
        close(c.min(), min);
        close(c.max(), max);
        close(c.median(), median);
        for (int i = 0; i < q.length; i++) {
            close(c.quantiles().get(ColumnProfile.levelKey(ColumnProfile.LEVELS[i])), q[i]);
        }
        close(c.skewness(), skew);
        close(c.kurtosis(), kurt);
        assertThat(c.distinct()).isEqualTo(distinct);
    }

    @Test
    void penguinsAgainstPandas() {
        DatasetProfile p = profile("penguins.csv");
        assertThat(p.rows()).isEqualTo(344);
        assertThat(p.duplicateRows()).isZero();
        assertThat(p.missingCells()).isEqualTo(2 * 4 + 11);
        numeric(p.column("bill_length_mm"), 342, 2, 43.9219298245614, 5.4595837139265315, 32.1, 59.6, 44.45,
                new double[]{34.041000000000004, 35.7, 39.225, 44.45, 48.5, 51.995, 55.512999999999984},
                0.05311806699132413, -0.8760269663060134, 164);
        numeric(p.column("bill_depth_mm"), 342, 2, 17.151169590643274, 1.9747931568167818, 13.1, 21.5, 17.3,
                new double[]{13.441, 13.9, 15.6, 17.3, 18.7, 20.0, 21.1}, -0.14346462519436454, -0.9068660903732542, 80);
        numeric(p.column("flipper_length_mm"), 342, 2, 200.91520467836258, 14.061713679356888, 172, 231, 197,
                new double[]{178, 181, 190, 197, 213, 225, 230}, 0.3456818328687695, -0.9842728861838852, 55);
        numeric(p.column("body_mass_g"), 342, 2, 4201.754385964912, 801.9545356980958, 2700, 6300, 4050,
                new double[]{2900, 3150, 3550, 4050, 4750, 5650, 5979.499999999999}, 0.4703293304801231, -0.7192218658321523, 94);
        numeric(p.column("year"), 344, 0, 2008.0290697674418, 0.8183559254837027, 2007, 2009, 2008,
                new double[]{2007, 2007, 2007, 2008, 2009, 2009, 2009}, -0.05372776875760637, -1.5049366321502649, 3);
        ColumnProfile species = p.column("species");
        assertThat(species.distinct()).isEqualTo(3);
        assertThat(species.top().get(0)).isEqualTo(new ValueCount("Adelie", 152));
        ColumnProfile sex = p.column("sex");
        assertThat(sex.count()).isEqualTo(333);
        assertThat(sex.missing()).isEqualTo(11);
        assertThat(sex.top().get(0)).isEqualTo(new ValueCount("male", 168));
        assertThat(sex.missingPercent()).isCloseTo(100.0 * 11 / 344, within(1e-12));
    }

    @Test
    void autoMpgAgainstPandas() {
        DatasetProfile p = profile("auto-mpg.csv");
        numeric(p.column("Miles_per_Gallon"), 398, 8, 23.514572864321607, 7.815984312565782, 9.0, 46.6, 23.0,
                new double[]{11.0, 13.0, 17.5, 23.0, 29.0, 37.029999999999994, 43.417999999999985},
                0.45706634399491936, -0.5107812652123145, 129);
        numeric(p.column("Horsepower"), 400, 6, 105.0825, 38.76877918310522, 46, 230, 95,
                new double[]{48, 60, 75.75, 95, 130, 180, 220.04999999999995}, 1.034079427703104, 0.541203512034897, 93);
        numeric(p.column("Weight_in_lbs"), 406, 0, 2979.4137931034484, 847.0043282393509, 1613, 5140, 2822.5,
                new double[]{1774.1, 1928, 2226.5, 2822.5, 3618.25, 4462.25, 4948.749999999999},
                0.5056842979123664, -0.8208738085025074, 356);
        numeric(p.column("Acceleration"), 406, 0, 15.519704433497537, 2.803358816342545, 8.0, 24.8, 15.5,
                new double[]{9.025, 11.0, 13.7, 15.5, 17.175, 20.325, 22.2}, 0.23022375946556034, 0.3732278001837117, 96);
        ColumnProfile name = p.column("Name");
        assertThat(name.distinct()).isEqualTo(311);
        assertThat(name.top().get(0)).isEqualTo(new ValueCount("ford pinto", 6));
        ColumnProfile year = p.column("Year");
        assertThat(year.distinct()).isEqualTo(12);
        assertThat(year.top().get(0)).isEqualTo(new ValueCount("1982-01-01", 61));
        assertThat(year.first()).isEqualTo("1970-01-01");
        assertThat(year.last()).isEqualTo("1982-01-01");
    }

    @Test
    void birdstrikesDuplicatesAndAHeavyTail() {
        DatasetProfile p = profile("birdstrikes.csv");
        assertThat(p.duplicateRows()).isEqualTo(24);
        ColumnProfile cost = p.column("Cost Total $");
        close(cost.mean(), 4054.5276);
        close(cost.std(), 102135.32109284977);
        close(cost.skewness(), 47.72868548246044);
        close(cost.kurtosis(), 2750.6227647231544);
        assertThat(cost.zeros()).isEqualTo(9791);
    }

    @Test
    void handComputedSmallCases() {
        Dataset d = dev.baton.testing.Tables.csv("x,t\n1,ab\n2,ab\n2,abcd\nNA,NA\n4,xyz\n");
        ColumnProfile x = Profiler.column(d, "x", 2);
        // 1, 2, 2, 4: mean 2.25, sample variance (1.5625 + 0.0625 * 2 + 3.0625) / 3 = 1.583333...
        assertThat(x.mean()).isEqualTo(2.25);
        assertThat(x.std()).isCloseTo(Math.sqrt(4.75 / 3), within(1e-15));
        assertThat(x.distinct()).isEqualTo(3);
        assertThat(x.unique()).isEqualTo(2);
        assertThat(x.top().get(0)).isEqualTo(new ValueCount("2", 2));
        assertThat(x.histogram().counts()).containsExactly(3L, 1L);
        assertThat(x.histogram().edges()).containsExactly(1.0, 2.5, 4.0);
        ColumnProfile t = Profiler.column(d, "t", 0);
        assertThat(t.minLength()).isEqualTo(2);
        assertThat(t.maxLength()).isEqualTo(4);
        assertThat(t.meanLength()).isEqualTo(11.0 / 4);
        assertThat(t.missing()).isEqualTo(1);
    }

    /** The distinct values, expanded by their counts, are bit for bit the values sorted; each value occurs once. */
    private static void sortsLikeASort(double[] v, dev.baton.data.ColumnType type) {
        double[] expected = v.clone();
        java.util.Arrays.sort(expected);
        DistinctValues d = DistinctValues.of(v.clone(), type);
        assertThat(d.total()).isEqualTo(v.length);
        // Each distinct value as often as it occurs: the sorted column.
        double[] actual = new double[d.total()];
        for (int i = 0, at = 0; i < d.size(); at += d.counts()[i], i++) {
            java.util.Arrays.fill(actual, at, at + d.counts()[i], d.values()[i]);
        }
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.doubleToLongBits(actual[i] + 0.0)).as("index %d", i).isEqualTo(Double.doubleToLongBits(expected[i] + 0.0));
        }
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.values()[i]).isGreaterThan(d.values()[i - 1]);
        }
        assertThat(java.util.Arrays.stream(d.counts()).min().orElse(1)).isPositive();
    }

    @Test
    void wholeNumbersAreCountedOrRadixSortedAndOthersSortedAsDoubles() {
        java.util.Random random = new java.util.Random(7);
        // A narrow range: counted.
        double[] ages = new double[10_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = -40 + random.nextInt(131);
        }
        sortsLikeASort(ages, dev.baton.data.ColumnType.INTEGER);
        // A range far wider than the count of values: radix-sorted on the offsets from the minimum.
        double[] amounts = new double[30_000];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = random.nextInt(2_000_000_001) - 1_000_000_000;
        }
        sortsLikeASort(amounts, dev.baton.data.ColumnType.INTEGER);
        // Wider than an int, and not whole: sorted as doubles.
        sortsLikeASort(new double[]{1, 5e12, 3, 1}, dev.baton.data.ColumnType.INTEGER);
        sortsLikeASort(new double[]{2, 0.5, 1, 0.5}, dev.baton.data.ColumnType.INTEGER);
    }

    @Test
    void aYearOfDatesIsCountedWithTheirMostFrequentDaysAndRange() {
        java.util.Random random = new java.util.Random(5);
        tech.tablesaw.api.DateColumn days = tech.tablesaw.api.DateColumn.create("day");
        java.util.Map<java.time.LocalDate, Integer> counts = new java.util.TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            java.time.LocalDate d = java.time.LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365));
            days.append(d);
            counts.merge(d, 1, Integer::sum);
        }
        days.appendMissing();
        ColumnProfile c = Profiler.profile(dataset(days), Progress.NONE).column("day");
        assertThat(c.count()).isEqualTo(20_000);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.distinct()).isEqualTo(counts.size());
        assertThat(c.unique()).isEqualTo(counts.values().stream().filter(n -> n == 1).count());
        assertThat(c.first()).isEqualTo(((java.util.TreeMap<java.time.LocalDate, Integer>) counts).firstKey().toString());
        assertThat(c.last()).isEqualTo(((java.util.TreeMap<java.time.LocalDate, Integer>) counts).lastKey().toString());
        // Most frequent first, ties to the earlier day: as a stable sort of the days by count gives them.
        java.util.List<ValueCount> expected = counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<java.time.LocalDate, Integer>comparingByValue().reversed())
                .limit(10).map(e -> new ValueCount(e.getKey().toString(), e.getValue())).toList();
        assertThat(c.top()).isEqualTo(expected);
    }

    @Test
    void fixedPointDecimalsComeOutAsExactlyTheValuesASortGives() {
        java.util.Random random = new java.util.Random(11);
        // Temperatures with two decimals, scores with four, tenths that are not exact in binary (0.1, 0.3, ...),
        // amounts in cents over a range far wider than the count of values (radix-sorted, not counted).
        double[][] columns = new double[4][50_000];
        for (int i = 0; i < 50_000; i++) {
            columns[0][i] = (random.nextInt(6_001) - 1_000) / 100.0;
            columns[1][i] = random.nextInt(10_001) / 10_000.0;
            columns[2][i] = random.nextInt(40) / 10.0;
            columns[3][i] = (random.nextInt(30_000_001) - 5_000_000) / 100.0;
        }
        for (double[] v : columns) {
            sortsLikeASort(v, dev.baton.data.ColumnType.DECIMAL);
        }
        // Not a whole number of any unit, infinite, or wider than an int's range of units: sorted as doubles.
        sortsLikeASort(new double[]{1.0 / 3, 2.0 / 3, 0.5}, dev.baton.data.ColumnType.DECIMAL);
        for (double[] infinite : new double[][]{{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                {2.5, Double.POSITIVE_INFINITY, 1}, {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}}) {
            sortsLikeASort(infinite, dev.baton.data.ColumnType.DECIMAL);
        }
        sortsLikeASort(new double[]{0.01, 1e9 + 0.01, 5.5}, dev.baton.data.ColumnType.DECIMAL);
        sortsLikeASort(new double[]{-0.0, 0.0, -0.0, 2.5}, dev.baton.data.ColumnType.DECIMAL);
    }

    @Test
    void aColumnRisingOrFallingFromRowToRowTellsEveryRowApart() {
        tech.tablesaw.api.StringColumn group = tech.tablesaw.api.StringColumn.create("group", "a", "a", "b", "a");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 3, 1);
        java.util.List<tech.tablesaw.columns.Column<?>> distinguishing = java.util.List.of(
                tech.tablesaw.api.IntColumn.create("row", 1, 2, 3, 4),
                tech.tablesaw.api.DoubleColumn.create("countdown", 4.5, 3, -1, -7.25),
                tech.tablesaw.api.DateColumn.create("day", day.minusDays(1), day, day.plusDays(1), day.plusDays(9)),
                tech.tablesaw.api.DateTimeColumn.create("at", day.atTime(9, 0), day.atTime(8, 0), day.atTime(7, 0),
                        day.atStartOfDay()));
        for (tech.tablesaw.columns.Column<?> column : distinguishing) {
            assertThat(Duplicates.strictlyMonotonic(column)).as(column.name()).isTrue();
            assertThat(Duplicates.count(dataset(group.copy(), column))).as(column.name()).isZero();
        }
        // Rows 0, 1 and 3 are alike in "group": with a column that does not tell them apart, two are duplicates.
        java.util.List<tech.tablesaw.columns.Column<?>> not = java.util.List.of(
                tech.tablesaw.api.IntColumn.create("flat", 1, 1, 2, 1),
                tech.tablesaw.api.DoubleColumn.create("gaps", Double.NaN, Double.NaN, 2, Double.NaN),
                tech.tablesaw.api.DoubleColumn.create("zigzag", 1, 1, 2, 1),
                tech.tablesaw.api.DateColumn.create("day", day, day, day.plusDays(1), day));
        for (tech.tablesaw.columns.Column<?> column : not) {
            assertThat(Duplicates.strictlyMonotonic(column)).as(column.name()).isFalse();
            assertThat(Duplicates.count(dataset(group.copy(), column))).as(column.name()).isEqualTo(2);
        }
        // Rising, then not: the whole column is checked, not its start.
        assertThat(Duplicates.strictlyMonotonic(tech.tablesaw.api.IntColumn.create("late", 1, 2, 3, 3))).isFalse();
    }

    @Test
    void yesNoColumnsAreCountedWithoutTheirMissingValues() {
        // pandas: penguins_raw['Clutch Completion'].value_counts() gives Yes 308, No 36.
        ColumnProfile clutch = profile("penguins_raw.csv").column("Clutch Completion");
        assertThat(clutch.type()).isEqualTo(dev.baton.data.ColumnType.BOOLEAN);
        assertThat(clutch.count()).isEqualTo(344);
        assertThat(clutch.missing()).isZero();
        assertThat(clutch.top()).containsExactly(new ValueCount("true", 308), new ValueCount("false", 36));
        close(clutch.mean(), 308.0 / 344);

        // By hand: true, missing, false, true, missing; built cell by cell, as a recipe step builds a column.
        tech.tablesaw.api.BooleanColumn flags = tech.tablesaw.api.BooleanColumn.create("flag");
        flags.append(true).appendMissing().append(false).append(true).appendMissing();
        ColumnProfile c = Profiler.profile(dataset(flags), Progress.NONE).column("flag");
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.missing()).isEqualTo(2);
        assertThat(c.distinct()).isEqualTo(2);
        assertThat(c.unique()).isEqualTo(1);
        assertThat(c.top()).containsExactly(new ValueCount("true", 2), new ValueCount("false", 1));
        close(c.mean(), 2.0 / 3);
    }

    @Test
    void datesAndDateTimesAreProfiledWithoutTheirMissingValues() {
        java.time.LocalDate day = java.time.LocalDate.of(2024, 2, 29);
        tech.tablesaw.api.DateColumn days = tech.tablesaw.api.DateColumn.create("day");
        days.append(day).appendMissing().append(day.minusYears(30)).append(day).appendMissing();
        tech.tablesaw.api.DateTimeColumn times = tech.tablesaw.api.DateTimeColumn.create("at");
        times.appendMissing().append(day.atTime(23, 59, 59)).append(day.atTime(0, 0)).append(day.atTime(23, 59, 59))
                .append(day.atTime(0, 0)).append(day.atTime(12, 30));
        DatasetProfile p = Profiler.profile(dataset(days), Progress.NONE);
        ColumnProfile d = p.column("day");
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.missing()).isEqualTo(2);
        assertThat(d.distinct()).isEqualTo(2);
        assertThat(d.unique()).isEqualTo(1);
        assertThat(d.first()).isEqualTo("1994-02-28");
        assertThat(d.last()).isEqualTo("2024-02-29");
        assertThat(d.top()).containsExactly(new ValueCount("2024-02-29", 2), new ValueCount("1994-02-28", 1));
        ColumnProfile t = Profiler.profile(dataset(times), Progress.NONE).column("at");
        assertThat(t.count()).isEqualTo(5);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.distinct()).isEqualTo(3);
        assertThat(t.unique()).isEqualTo(1);
        assertThat(t.first()).isEqualTo("2024-02-29T00:00");
        assertThat(t.last()).isEqualTo("2024-02-29T23:59:59");
        assertThat(t.top()).containsExactly(new ValueCount("2024-02-29T00:00", 2),
                new ValueCount("2024-02-29T23:59:59", 2), new ValueCount("2024-02-29T12:30", 1));
    }

    private static Dataset dataset(tech.tablesaw.columns.Column<?>... columns) {
        return Dataset.of("t", tech.tablesaw.api.Table.create("t", columns));
    }

    @Test
    void aColumnOfManyDistinctTextsIsProfiledCorrelatedAndCheckedForDuplicates() throws Exception {
        // 70,000 distinct codes: Tablesaw keeps no dictionary keys for such a column (NullDictionaryMap).
        StringBuilder csv = new StringBuilder("code,group,x\n");
        for (int i = 0; i < 70_000; i++) {
            csv.append("c").append(i).append(',').append(i % 3 == 0 ? "a" : "b").append(',').append(i % 7).append('\n');
        }
        csv.append("c5,b,5\nc6,a,6\n"); // rows 5 and 6 again: 2 duplicate rows
        Path file = java.nio.file.Files.createTempFile("baton-many", ".csv");
        try {
            java.nio.file.Files.writeString(file, csv);
            for (ImportOptions options : java.util.List.of(ImportOptions.detect(),
                    ImportOptions.detect().withType("code", dev.baton.data.ColumnType.CATEGORICAL))) {
                Dataset d = DatasetReader.read(file, options, Progress.NONE);
                Exploration e = Exploration.of(d, AlertSettings.defaults(), Progress.NONE);
                assertThat(e.profile().duplicateRows()).isEqualTo(2);
                assertThat(e.profile().columns().get(0).distinct()).isEqualTo(70_000);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
