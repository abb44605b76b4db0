package dev.baton.data;

import dev.baton.util.Progress;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** JSON, JSON Lines, Excel, ARFF, Parquet and gzip, each written here by an independent writer. */
class OtherFormatsImportTest {

    @TempDir
    Path dir;

    private static Dataset read(Path file) {
        return DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
    }

    @Test
    void jsonArrayOfRecordsWithNestingAndNulls() throws IOException {
        Path file = dir.resolve("people.json");
        Files.writeString(file, """
                [
                  {"name": "Ada", "age": 36, "address": {"city": "London"}, "tags": ["math", "code"], "member": true},
                  {"name": "Alan", "age": null, "address": {"city": "Wilmslow"}, "member": false},
                  {"name": "Grace", "age": 85, "joined": "1944-07-02"}
                ]
                """);
        Dataset d = read(file);
        assertThat(d.columnNames()).containsExactly("name", "age", "address.city", "tags", "member", "joined");
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(d.type("age")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.missingCount("age")).isEqualTo(1);
        assertThat(d.table().stringColumn("address.city").get(1)).isEqualTo("Wilmslow");
        assertThat(d.table().stringColumn("tags").get(0)).isEqualTo("[\"math\",\"code\"]");
        assertThat(d.type("member")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.missingCount("member")).isEqualTo(1);
        assertThat(d.type("joined")).isEqualTo(ColumnType.DATE);
    }

    @Test
    void jsonLines() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "{\"id\": 1, \"v\": 0.5}\n{\"id\": 2, \"v\": 1.25}\n\n{\"id\": 3, \"v\": -2}\n");
        Dataset d = read(file);
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(d.table().doubleColumn("v").asList()).containsExactly(0.5, 1.25, -2.0);
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[\n{\"a\": 1},\n{\"a\": 2,,}\n]");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(file));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.SYNTAX);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3, column");
    }

    @Test
    void aJsonRecordLeftOpenSaysWhereItOpenedInPlainWords() throws IOException {
        Path file = dir.resolve("cut.jsonl");
        Files.writeString(file, "{\"a\": 1}\n{\"a\": 2, \"b\": \"x\"\n");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(file));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.SYNTAX);
        assertThat(e.getMessage()).contains("cut.jsonl: not valid JSON at line 3", "opened on line 2").doesNotContain("Source");
    }

    @Test
    void jsonRecordThatIsNotAnObject() throws IOException {
        Path file = dir.resolve("scalars.json");
        Files.writeString(file, "[1, 2]");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(file));
        assertThat(e.getMessage()).contains("record 1").contains("not an object");
    }

    @Test
    void excelFormulasSavedWithoutResultsAreComputedAndErrorsAreMissing() throws IOException {
        // POI, like openpyxl, saves formulas without their results: reading the saved value would give 0.
        Path file = dir.resolve("formulas.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("s");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("price");
            header.createCell(1).setCellValue("total");
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r * 2.5);
                row.createCell(1).setCellFormula("A" + (r + 1) + "*4");
            }
            Row error = sheet.createRow(4);
            error.createCell(0).setCellValue(1);
            error.createCell(1).setCellFormula("1/0");
            book.write(out);
        }
        Dataset d = read(file);
        assertThat(d.table().intColumn("total").asList()).containsExactly(10, 20, 30, null);
        assertThat(d.notes()).anyMatch(n -> n.startsWith("4 formula cells had no saved result"));
        // POI logs through Log4j's API: with no provider it printed an error to standard output (into JSON output).
        assertThat(org.apache.logging.log4j.util.ProviderUtil.hasProviders()).isTrue();
    }

    @Test
    void excelSheetWithDatesNumbersAndBlanks() throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("ignored").createRow(0).createCell(0).setCellValue("x");
            Sheet sheet = workbook.createSheet("Data");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("score");
            header.createCell(2).setCellValue("day");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            String[] names = {"a", "b", "c"};
            double[] scores = {1.5, 2, 3.25};
            for (int i = 0; i < 3; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(names[i]);
                if (i != 1) {
                    row.createCell(1).setCellValue(scores[i]);
                }
                var cell = row.createCell(2);
                cell.setCellValue(LocalDate.of(2024, 1, i + 1));
                cell.setCellStyle(dateStyle);
            }
            workbook.write(out);
        }
        assertThat(DatasetReader.sheetNames(file)).containsExactly("ignored", "Data");
        Dataset d = DatasetReader.read(file, ImportOptions.detect().withSheet("Data"), Progress.NONE);
        assertThat(d.columnNames()).containsExactly("name", "score", "day");
        assertThat(d.type("score")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.missingCount("score")).isEqualTo(1);
        assertThat(d.table().doubleColumn("score").get(2)).isEqualTo(3.25);
        assertThat(d.type("day")).isEqualTo(ColumnType.DATE);
        assertThat(d.table().dateColumn("day").get(2)).isEqualTo(LocalDate.of(2024, 1, 3));
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> DatasetReader.read(file, ImportOptions.detect().withSheet("Nope"), Progress.NONE));
        assertThat(e.getMessage()).contains("no sheet named 'Nope'").contains("Data");
    }

    @Test
    void arffWithNominalStringDateAndMissing() throws IOException {
        Path file = dir.resolve("weather.arff");
        Files.writeString(file, """
                % Weka's weather data, shortened
                @relation weather
                @attribute outlook {sunny, overcast, rainy}
                @attribute temperature numeric
                @attribute humidity integer
                @attribute 'wind speed' real
                @attribute note string
                @attribute day date "yyyy-MM-dd"
                @attribute play {yes, no}
                @data
                sunny,85,85,3.5,'hot, dry',2024-05-01,no
                overcast,83.5,?,?,"it's fine",2024-05-02,yes
                rainy,70,96,1,?,?,yes
                {0 sunny, 1 60, 2 70, 3 2, 4 x, 5 2024-05-04, 6 no}
                """);
        Dataset d = read(file);
        assertThat(d.columnNames()).containsExactly("outlook", "temperature", "humidity", "wind speed", "note", "day", "play");
        assertThat(d.rowCount()).isEqualTo(4);
        assertThat(d.type("outlook")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.type("temperature")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.table().doubleColumn("temperature").get(1)).isEqualTo(83.5);
        assertThat(d.type("humidity")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.missingCount("humidity")).isEqualTo(1);
        assertThat(d.type("note")).isEqualTo(ColumnType.TEXT);
        assertThat(d.table().stringColumn("note").get(0)).isEqualTo("hot, dry");
        assertThat(d.table().stringColumn("note").get(1)).isEqualTo("it's fine");
        assertThat(d.type("day")).isEqualTo(ColumnType.DATE);
        assertThat(d.table().dateColumn("day").get(3)).isEqualTo(LocalDate.of(2024, 5, 4));
        assertThat(d.table().stringColumn("play").get(3)).isEqualTo("no");
    }

    @Test
    void arffSparseRowsGiveOmittedNominalsTheirFirstLabelAndHeadersMayCarryComments() throws IOException {
        // As Weka reads it: an attribute a sparse row leaves out is 0, which for a nominal is its first label.
        Path file = dir.resolve("sparse.arff");
        Files.writeString(file, """
                @relation 'market baskets' % from a shop
                @attribute bread {no, yes}   % bought bread
                @attribute milk numeric % litres
                @attribute note string % '%' inside quotes stays text
                @attribute 'size %' {small, large}
                @data
                {1 2.5, 2 'ten % off'}
                {0 yes, 3 large}
                {}
                """);
        Dataset d = read(file);
        assertThat(d.columnNames()).containsExactly("bread", "milk", "note", "size %");
        assertThat(d.table().stringColumn("bread").asList()).containsExactly("no", "yes", "no");
        assertThat(d.table().doubleColumn("milk").asList()).containsExactly(2.5, 0.0, 0.0);
        assertThat(d.table().stringColumn("note").get(0)).isEqualTo("ten % off");
        assertThat(d.table().stringColumn("size %").asList()).containsExactly("small", "large", "small");
    }

    @Test
    void arffValueOutsideItsNominalSet() throws IOException {
        Path file = dir.resolve("bad.arff");
        Files.writeString(file, "@relation r\n@attribute c {a,b}\n@data\na\nz\n");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(file));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo("c");
        assertThat(e.getMessage()).contains("line 5").contains("'z'").contains("[a, b]");
    }

    @Test
    void parquetWrittenByDuckDb() throws Exception {
        Path file = dir.resolve("t.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (1, 2.5, 'x', DATE '2020-01-02', true), (2, NULL, 'y', NULL, false),"
                    + " (3, -1.0, NULL, DATE '2021-03-04', NULL)) t(id, v, s, d, b)) TO '" + file + "' (FORMAT PARQUET)");
        }
        Dataset d = read(file);
        assertThat(d.columnNames()).containsExactly("id", "v", "s", "d", "b");
        assertThat(d.type("id")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("v")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.missingCount("v")).isEqualTo(1);
        assertThat(d.table().doubleColumn("v").get(2)).isEqualTo(-1.0);
        assertThat(d.type("d")).isEqualTo(ColumnType.DATE);
        assertThat(d.table().dateColumn("d").get(2)).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(d.type("b")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.source().fingerprint()).isEqualTo(DatasetReader.fingerprint(file));
    }

    @Test
    void parquetNestedAndBinaryValuesReadAsText() throws Exception {
        Path file = dir.resolve("nested.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT {'a': 1, 'b': 'x'} AS st, [1, 2] AS lst, BLOB 'ab' AS bl, "
                    + "TIMESTAMPTZ '2024-01-01 10:00:00+02' AS tz) TO '" + file + "' (FORMAT PARQUET)");
        }
        Dataset d = read(file);
        assertThat(d.table().stringColumn("st").get(0)).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(d.table().stringColumn("lst").get(0)).isEqualTo("[1, 2]");
        assertThat(d.table().stringColumn("bl").get(0)).isEqualTo("0x6162"); // the bytes of "ab"
        // A time with an offset is kept as the same instant in UTC.
        assertThat(d.table().dateTimeColumn("tz").get(0)).isEqualTo(java.time.LocalDateTime.of(2024, 1, 1, 8, 0));
    }

    @Test
    void parquetFileNamesWithGlobCharactersReadExactlyThatFile() throws Exception {
        // DuckDB takes a path as a glob: h*.parquet would match all three files, h[1].parquet would read h1.parquet.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM range(3)) TO '" + dir.resolve("h1.parquet") + "' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM range(5)) TO '" + dir.resolve("h2.parquet") + "' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM range(7)) TO '" + dir.resolve("h*.parquet") + "' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM range(11)) TO '" + dir.resolve("h[1].parquet") + "' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM range(13)) TO '" + dir.resolve("h?.parquet") + "' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM range(17)) TO '" + dir.resolve("it's.parquet").toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
        assertThat(read(dir.resolve("h*.parquet")).rowCount()).isEqualTo(7);
        assertThat(read(dir.resolve("h[1].parquet")).rowCount()).isEqualTo(11);
        assertThat(read(dir.resolve("h?.parquet")).rowCount()).isEqualTo(13);
        assertThat(read(dir.resolve("it's.parquet")).rowCount()).isEqualTo(17);
        assertThat(read(dir.resolve("h1.parquet")).rowCount()).isEqualTo(3);
    }

    @Test
    void notAParquetFile() throws IOException {
        Path file = dir.resolve("fake.parquet");
        Files.writeString(file, "a,b\n1,2\n");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(file));
        assertThat(e.getMessage()).contains("fake.parquet is not a readable Parquet file");
    }

    @Test
    void gzipCompressedCsv() throws IOException {
        Path file = dir.resolve("p.csv.gz");
        byte[] raw = Files.readAllBytes(Path.of("sample-data", "penguins.csv"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(raw);
        }
        Dataset d = read(file);
        assertThat(d.rowCount()).isEqualTo(344);
        assertThat(d.name()).isEqualTo("p");
        assertThat(d.source().fingerprint()).isEqualTo(DatasetReader.fingerprint(file));
    }

    @Test
    void previewReadsOnlyTheFirstRowsOfALargeFile() throws IOException {
        Path file = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("n,label\n");
        for (int i = 0; i < 60_000; i++) {
            sb.append(i).append(",\"row ").append(i).append("\"\n");
        }
        Files.writeString(file, sb);
        Dataset preview = DatasetReader.preview(file, ImportOptions.detect(), 100);
        assertThat(preview.rowCount()).isEqualTo(100);
        assertThat(preview.table().intColumn("n").get(99)).isEqualTo(99);
        assertThat(preview.source().options().delimiter()).isEqualTo(',');
    }
}
