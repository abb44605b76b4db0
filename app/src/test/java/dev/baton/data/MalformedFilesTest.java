package dev.baton.data;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.StringColumn;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A corpus of malformed files, made here, each getting its specific message. */
class MalformedFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static Dataset read(Path file) {
        return DatasetReader.read(file, ImportOptions.detect(), Progress.NONE);
    }

    private static ImportException failure(Path file, ImportOptions options) {
        return catchThrowableOfType(ImportException.class, () -> DatasetReader.read(file, options, Progress.NONE));
    }

    private static ImportException failure(Path file) {
        return failure(file, ImportOptions.detect());
    }

    @Test
    void missingFile() {
        ImportException e = failure(dir.resolve("nope.csv"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("File not found").contains("nope.csv");
    }

    @Test
    void emptyFile() throws IOException {
        ImportException e = failure(write("empty.csv", ""));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.EMPTY);
        assertThat(e.getMessage()).contains("empty.csv").contains("empty");
    }

    @Test
    void blankLinesOnly() throws IOException {
        ImportException e = failure(write("blank.csv", "\n\r\n\n"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.EMPTY);
    }

    @Test
    void headerOnly() throws IOException {
        ImportException e = failure(write("header.csv", "a,b,c\n"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.HEADER_ONLY);
        assertThat(e.getMessage()).contains("header.csv").contains("a, b, c").contains("no data rows");
    }

    @Test
    void raggedRowsNameTheirLinesAndCanBePaddedOrSkipped() throws IOException {
        Path file = write("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n");
        ImportException e = failure(file);
        assertThat(e.kind()).isEqualTo(ImportException.Kind.RAGGED_ROWS);
        assertThat(e.lines()).containsExactly(3L, 5L);
        assertThat(e.getMessage()).contains("2 rows").contains("line 3, 5").contains("header's 3");

        Dataset padded = DatasetReader.read(file, ImportOptions.detect().withRaggedRows(RaggedRows.PAD), Progress.NONE);
        assertThat(padded.rowCount()).isEqualTo(4);
        assertThat(padded.table().intColumn("c").isMissing(1)).isTrue();
        assertThat(padded.table().intColumn("c").get(3)).isEqualTo(11);
        assertThat(padded.notes()).anyMatch(n -> n.contains("2 rows") && n.contains("padded"));

        Dataset skipped = DatasetReader.read(file, ImportOptions.detect().withRaggedRows(RaggedRows.SKIP), Progress.NONE);
        assertThat(skipped.rowCount()).isEqualTo(2);
        assertThat(skipped.table().intColumn("a").asList()).containsExactly(1, 6);
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() throws IOException {
        ImportException e = failure(write("quote.csv", "a,b\n1,x\n2,\"never closed\n3,y\n"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.UNTERMINATED_QUOTE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3").contains("field 2").contains("never closed");
    }

    @Test
    void binaryFile() throws IOException {
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        ImportException e = failure(write("image.csv", bytes));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.BINARY);
        assertThat(e.getMessage()).contains("binary");
    }

    @Test
    void zipFileNamedCsv() throws IOException {
        ImportException e = failure(write("book.csv", new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0}));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.BINARY);
        assertThat(e.getMessage()).contains("zip").contains("Excel");
    }

    @Test
    void bytesInvalidInTheChosenEncodingNameLineAndCharacter() throws IOException {
        byte[] text = "name,city\nAnna,Paris\nJos\u00e9,M\u00e1laga\n".getBytes(Charset.forName("windows-1252"));
        Path file = write("latin.csv", text);
        ImportException e = failure(file, ImportOptions.detect().withEncoding("UTF-8"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.BAD_ENCODING);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3, character 4").contains("E9").contains("not valid UTF-8");
    }

    @Test
    void aByteOutsideUtf8IsFoundWhereverTheCellsHoldIt() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        // Only in the header; only in a quoted cell, before and after its closing quote.
        Dataset header = read(write("h1252.csv", "id,temp\u00e9rature\n1,2\n".getBytes(cp1252)));
        assertThat(header.columnNames()).containsExactly("id", "temp\u00e9rature");
        assertThat(header.source().options().encoding()).isEqualTo("windows-1252");
        Dataset quoted = read(write("q1252.csv", "id,city\n1,\"Jos\u00e9, Spain\"\n2,\"Oslo\"\u00e5\n".getBytes(cp1252)));
        // (Text after a closing quote stays in the cell, after the quoted part as written.)
        assertThat(quoted.table().stringColumn("city").asList()).containsExactly("Jos\u00e9, Spain", "Oslo\"\u00e5");
        assertThat(quoted.notes()).anyMatch(n -> n.contains("Windows-1252") && n.contains("line 2"));

        // Ten megabytes, read in two halves: the only such byte is near the end, in the second.
        StringBuilder big = new StringBuilder("id,name\n");
        for (int i = 0; big.length() < 10 << 20; i++) {
            big.append(i).append(",name").append(i % 100).append('\n');
        }
        big.append("999999999,Zo\u00eb\n");
        Dataset large = read(write("big1252.csv", big.toString().getBytes(cp1252)));
        assertThat(large.source().options().encoding()).isEqualTo("windows-1252");
        StringColumn names = large.table().stringColumn("name");
        assertThat(names.get(names.size() - 1)).isEqualTo("Zo\u00eb");
        // The same text as UTF-8 is valid: read as it is, with no note.
        Dataset utf8 = read(write("big-utf8.csv", big.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8.source().options().encoding()).isEqualTo("UTF-8");
        assertThat(utf8.table().stringColumn("name").get(names.size() - 1)).isEqualTo("Zo\u00eb");
        assertThat(utf8.notes()).isEmpty();
    }

    @Test
    void anErrorInAWindows1252FileShowsItsTextAsWindows1252() throws IOException {
        ImportException e = failure(write("q1252err.csv", "a,b\n1,x\n2,\"Jos\u00e9 never closed\n3,y\n"
                .getBytes(Charset.forName("windows-1252"))));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.UNTERMINATED_QUOTE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("Jos\u00e9 never closed");
    }

    @Test
    void windows1252IsTheFallbackWhenUtf8IsInvalid() throws IOException {
        byte[] text = "name,city\nAnna,Paris\nJos\u00e9,M\u00e1laga\n".getBytes(Charset.forName("windows-1252"));
        Dataset d = read(write("latin.csv", text));
        assertThat(d.table().stringColumn("name").get(1)).isEqualTo("Jos\u00e9");
        assertThat(d.table().stringColumn("city").get(1)).isEqualTo("M\u00e1laga");
        assertThat(d.source().options().encoding()).isEqualTo("windows-1252");
        assertThat(d.notes()).anyMatch(n -> n.contains("Windows-1252") && n.contains("line 3"));
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        String text = "name,n\n\u00c5sa,1\nZo\u00eb,2\n";
        Dataset le = read(write("le.csv", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))));
        assertThat(le.table().stringColumn("name").get(0)).isEqualTo("\u00c5sa");
        assertThat(le.source().options().encoding()).isEqualTo("UTF-16LE");
        Dataset be = read(write("be.csv", concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE))));
        assertThat(be.table().intColumn("n").asList()).containsExactly(1, 2);
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Dataset d = read(write("bom.csv", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id,v\n1,2\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(d.columnNames()).containsExactly("id", "v");
    }

    @Test
    void duplicateAndBlankColumnNamesAreMadeUniqueAndReported() throws IOException {
        Dataset d = read(write("names.csv", "a,,A,a\n1,2,3,4\n"));
        assertThat(d.columnNames()).containsExactly("a", "column_2", "A_2", "a_3");
        assertThat(d.notes()).anyMatch(n -> n.contains("Column 2 has no name"));
        assertThat(d.notes()).anyMatch(n -> n.contains("repeats the name 'A'"));
    }

    @Test
    void moreThanTenThousandColumns() throws IOException {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            header.append(i == 0 ? "" : ",").append("c").append(i);
        }
        ImportException e = failure(write("wide.csv", header + "\n" + header + "\n"));
        assertThat(e.kind()).isEqualTo(ImportException.Kind.TOO_MANY_COLUMNS);
        assertThat(e.getMessage()).contains("10,001 columns").contains("10,000");
    }

    @Test
    void lineEndingsCrlfAndLoneCr() throws IOException {
        Dataset crlf = read(write("crlf.csv", "a,b\r\n1,x\r\n2,y\r\n"));
        assertThat(crlf.table().stringColumn("b").asList()).containsExactly("x", "y");
        assertThat(crlf.source().options().lineEnding()).isEqualTo(LineEnding.CRLF);
        Dataset cr = read(write("cr.csv", "a,b\r1,x\r2,y\r"));
        assertThat(cr.rowCount()).isEqualTo(2);
        assertThat(cr.source().options().lineEnding()).isEqualTo(LineEnding.CR);
    }

    @Test
    void delimiterDetection() throws IOException {
        assertThat(read(write("semi.csv", "a;b;c\n1,5;2;x\n3,5;4;y\n")).source().options().delimiter()).isEqualTo(';');
        assertThat(read(write("tab.tsv", "a\tb\n1\tx, y\n2\tz\n")).table().stringColumn("b").get(0)).isEqualTo("x, y");
        assertThat(read(write("pipe.txt", "a|b\n1|2\n")).source().options().delimiter()).isEqualTo('|');
    }

    @Test
    void quotedCellsHoldDelimitersNewlinesAndEscapedQuotes() throws IOException {
        Dataset d = read(write("q.csv", "id,text\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n4,plain\n"));
        assertThat(d.table().stringColumn("text").asList()).containsExactly("a, b", "two\nlines", "say \"hi\"", "plain");
    }

    @Test
    void lineNumbersCountQuotedNewlines() throws IOException {
        Path file = write("lines.csv", "id,text,n\n1,\"two\nlines\",5\n2,ok,x7\n");
        Dataset d = DatasetReader.read(file, ImportOptions.detect().withType("n", ColumnType.INTEGER), Progress.NONE);
        assertThat(d.info("n").unparsable()).isEqualTo(1);
        assertThat(d.info("n").examples()).containsExactly(new ColumnInfo.BadValue(4, "x7"));
        assertThat(d.notes()).anyMatch(n -> n.contains("line 4: 'x7'"));
    }

    @Test
    void aColumnChosenAsYesNoKeepsWhatFitsAndCountsWhatDoesNot() throws IOException {
        // 70 rows, so that the sets span two 64-row words: "maybe" on line 3 does not fit, line 4 is empty.
        StringBuilder csv = new StringBuilder("id,b\n0,yes\n1,maybe\n2,\n3,No\n");
        for (int r = 4; r < 70; r++) {
            csv.append(r).append(',').append(r % 2 == 0 ? "true" : "N").append('\n');
        }
        Path file = write("yn.csv", csv.toString());
        Dataset d = DatasetReader.read(file, ImportOptions.detect().withType("b", ColumnType.BOOLEAN), Progress.NONE);
        tech.tablesaw.api.BooleanColumn b = d.table().booleanColumn("b");
        assertThat(b.size()).isEqualTo(70);
        assertThat(b.get(0)).isTrue();
        assertThat(b.isMissing(1)).isTrue();
        assertThat(b.isMissing(2)).isTrue();
        assertThat(b.get(3)).isFalse();
        assertThat(b.get(68)).isTrue();
        assertThat(b.get(69)).isFalse();
        assertThat(b.countTrue()).isEqualTo(1 + 33);
        assertThat(b.countFalse()).isEqualTo(1 + 33);
        assertThat(b.countMissing()).isEqualTo(2).isEqualTo(d.missingCount("b"));
        assertThat(d.info("b").unparsable()).isEqualTo(1);
        assertThat(d.info("b").examples()).containsExactly(new ColumnInfo.BadValue(3, "maybe"));
    }

    @Test
    void headerDetection() throws IOException {
        assertThat(read(write("h.csv", "1,2.5,red\n3,4.5,blue\n")).columnNames()).containsExactly("column_1", "column_2", "column_3");
        assertThat(read(write("h2.csv", "n,v\n1,2.5\n3,4.5\n")).columnNames()).containsExactly("n", "v");
        Dataset forced = DatasetReader.read(write("h3.csv", "n,v\n1,2\n"), ImportOptions.detect().withHeader(false), Progress.NONE);
        assertThat(forced.rowCount()).isEqualTo(2);
        assertThat(forced.type("column_1").isString()).isTrue();
    }

    @Test
    void typeOverridesCountValuesThatDoNotFit() throws IOException {
        Path file = write("o.csv", "code,amount\nA1,10\n22,x\n33,7\n");
        Dataset d = DatasetReader.read(file, ImportOptions.detect().withType("code", ColumnType.INTEGER), Progress.NONE);
        assertThat(d.type("code")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.info("code").unparsable()).isEqualTo(1);
        assertThat(d.info("code").examples().get(0).text()).isEqualTo("A1");
        assertThat(d.info("code").examples().get(0).line()).isEqualTo(2);
        assertThat(d.missingCount("code")).isEqualTo(1);
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(d.type("amount").isString()).isTrue();
    }

    @Test
    void leadingZerosKeepCodesAsText() throws IOException {
        Dataset d = read(write("zip.csv", "zip,n\n02134,1\n10001,2\n00501,3\n"));
        assertThat(d.type("zip")).isIn(ColumnType.CATEGORICAL, ColumnType.TEXT);
        assertThat(d.table().stringColumn("zip").get(0)).isEqualTo("02134");
    }

    @Test
    void missingTokensAreConfigurable() throws IOException {
        Path file = write("m.csv", "a,b\nNone,1\nNA,2\nx,-\n");
        Dataset byDefault = read(file);
        assertThat(byDefault.missingCount("a")).isEqualTo(1);
        Dataset custom = DatasetReader.read(file, ImportOptions.detect().withMissingTokens(java.util.List.of("None", "-")), Progress.NONE);
        assertThat(custom.missingCount("a")).isEqualTo(1);
        assertThat(custom.table().stringColumn("a").get(1)).isEqualTo("NA");
        assertThat(custom.missingCount("b")).isEqualTo(1);
    }

    @Test
    void typesAreInferred() throws IOException {
        Dataset d = read(write("t.csv", "i,d,b,day,stamp,big\n1,1.5,yes,2024-02-29,2024-02-29 13:45:00,9000000000\n-2,1e3,No,2023-12-31,2023-12-31T00:00:01,1\n"));
        assertThat(d.type("i")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("d")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.table().doubleColumn("d").get(1)).isEqualTo(1000.0);
        assertThat(d.type("b")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.table().booleanColumn("b").get(1)).isFalse();
        assertThat(d.type("day")).isEqualTo(ColumnType.DATE);
        assertThat(d.type("stamp")).isEqualTo(ColumnType.DATETIME);
        assertThat(d.table().dateTimeColumn("stamp").get(0)).isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 13, 45));
        assertThat(d.type("big")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.table().longColumn("big").get(0)).isEqualTo(9_000_000_000L);
    }

    @Test
    void dayFirstDatesAreRecognisedWhenMonthFirstCannotFit() throws IOException {
        Dataset d = read(write("dates.csv", "when\n03/04/2021\n25/12/2020\n"));
        assertThat(d.type("when")).isEqualTo(ColumnType.DATE);
        assertThat(d.table().dateColumn("when").get(0)).isEqualTo(java.time.LocalDate.of(2021, 4, 3));
    }

    @Test
    void datesThatReadEitherWayAreReadMonthFirstAndTheUserIsTold() throws IOException {
        Dataset d = read(write("either.csv", "when\n01/02/2024\n03/04/2024\n"));
        assertThat(d.table().dateColumn("when").get(0)).isEqualTo(java.time.LocalDate.of(2024, 1, 2));
        assertThat(d.notes()).containsExactly("Every value of 'when' reads both as M/d/yyyy and as d/M/yyyy; Baton took "
                + "M/d/yyyy. If the other is right, import 'when' as text and add the cleaning step Read text as dates with d/M/yyyy.");
        // One value that only one reading allows settles it: no note.
        assertThat(read(write("settled.csv", "when\n01/02/2024\n03/14/2024\n")).notes()).isEmpty();
        assertThat(read(write("iso.csv", "when\n2024-01-02\n")).notes()).isEmpty();
    }

    @Test
    void unknownEncodingIsNamed() throws IOException {
        ImportException e = failure(write("x.csv", "a\n1\n"), ImportOptions.detect().withEncoding("klingon-8"));
        assertThat(e.getMessage()).contains("Unknown encoding 'klingon-8'");
    }

    @Test
    void aFolderIsNotADataFile() {
        assertThatThrownBy(() -> read(dir)).isInstanceOf(ImportException.class).hasMessageContaining("is a folder");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void messagesQuoteAHugeValueCutShort() throws IOException {
        String huge = "9".repeat(2_000_000) + "x";
        Path typed = write("huge-cell.csv", "n,m\n1,2\n" + huge + ",3\n");
        Dataset d = DatasetReader.read(typed, ImportOptions.detect().withTypes(java.util.Map.of("n", ColumnType.INTEGER)), Progress.NONE);
        assertThat(d.info("n").unparsable()).isEqualTo(1);
        assertThat(d.info("n").examples().get(0).text().length()).isLessThanOrEqualTo(60);
        assertThat(String.join(" ", d.notes()).length()).isLessThan(2_000);
        Path ragged = write("huge-line.csv", "a,b\n1,2\n" + huge + ",3,4\n");
        ImportException e = catchThrowableOfType(ImportException.class, () -> read(ragged));
        assertThat(e.getMessage().length()).isLessThan(2_000);
    }
}
