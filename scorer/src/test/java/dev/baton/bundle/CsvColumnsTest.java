package dev.baton.bundle;

import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a CSV file from its bytes into typed columns scores every row exactly as reading it as text records
 * (CsvRecords, then the scorer's text path) did: quotes, escaped quotes, line breaks in cells, text after a closing
 * quote, CR and CRLF line ends, blank lines, missing tokens quoted and not, rows of the wrong width, a byte-order
 * mark, fractions in integer columns, and records that cross the reader's block boundaries.
 */
class CsvColumnsTest {

    private static final Scorer SCORER = Bundle.open(Path.of("scorer", "src", "test", "resources", "bundles", "v1",
            "classification-logistic-regression.baton")).scorer();

    /** What scoring gave before the byte reader: text records, a chunk at a time, rows of the wrong width rejected. */
    private static String byTextRecords(String csv) throws IOException {
        Contract contract = SCORER.contract();
        CsvRecords records = new CsvRecords(new StringReader(csv), new HashSet<>(contract.missingTokens()), ',');
        List<String> header = new ArrayList<>();
        for (String h : records.next()) {
            header.add(h == null ? "" : h);
        }
        StringBuilder out = new StringBuilder();
        List<String[]> chunk = new ArrayList<>();
        String[] row;
        long before = 0;
        while (true) {
            row = records.next();
            if (row != null) {
                chunk.add(row);
            }
            if (chunk.size() == BatchScoring.CHUNK_ROWS || row == null && !chunk.isEmpty()) {
                List<String[]> fit = chunk.stream().filter(r -> r.length == header.size()).toList();
                List<Scorer.Output> scored = fit.isEmpty() ? List.of() : SCORER.scoreRows(header, fit, new Violations());
                int next = 0;
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.get(i).length == header.size()) {
                        out.append(line(scored.get(next++)));
                    } else {
                        out.append(String.format("row %,d has %d fields; the header has %d", before + i + 1, chunk.get(i).length,
                                header.size())).append('\n');
                    }
                }
                before += chunk.size();
                chunk.clear();
            }
            if (row == null) {
                return out.toString();
            }
        }
    }

    private static String line(Scorer.Output o) {
        return o.rejected() ? o.error() + "\n" : o.label() + " " + o.probabilities() + "\n";
    }

    /** The same through BatchScoring.csv, which reads the bytes. */
    private static String byBytes(String csv) throws IOException {
        StringBuilder out = new StringBuilder();
        Violations v = new Violations();
        StringWriter ignored = new StringWriter();
        BatchScoring.csv(SCORER, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ignored, v, Progress.NONE,
                new BatchScoring.Listener() {
                    @Override
                    public void scored(java.util.function.Function<String, String[]> raw, Scorer.Scored scored) {
                    }

                    @Override
                    public void notRead(long rows) {
                    }
                });
        // the written CSV is parsed back: label, probabilities, error
        List<String> lines = new ArrayList<>();
        CsvRecords written = new CsvRecords(new StringReader(ignored.toString()), java.util.Set.of(), ',');
        written.next();
        String[] r;
        List<String> classes = SCORER.contract().classes();
        while ((r = written.next()) != null) {
            if (r[r.length - 1] != null) {
                out.append(r[r.length - 1]).append('\n');
            } else {
                java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
                for (int c = 0; c < classes.size(); c++) {
                    p.put(classes.get(c), Double.parseDouble(r[1 + c]));
                }
                out.append(r[0]).append(' ').append(p).append('\n');
            }
        }
        return out.toString();
    }

    private static final String HEADER = "Island,Date Egg,Culmen Length (mm),Culmen Depth (mm),Flipper Length (mm),Body Mass (g),Sex,Comments";

    @Test
    void trickyCellsReadAsTextRecordsReadThem() throws IOException {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "Torgersen,2007-11-11,39.1,18.7,181,3750,MALE,plain\r\n"
                + "\"Biscoe\",11/11/2007,\"46,1\",13.2,211.0,4500,FEMALE,\"a, b\"\r\n"
                + "Dream,2007-11-11,NA,\"\",190,\"NA\",,\"he said \"\"hi\"\"\nand left\"\n"
                + "\"Dr\"\"eam\",2008-11-09,40,18,195,3800.5,MALE,\"quoted\"tail\r"
                + "Torgersen,2009-11-09,1e1,17,-180,+3700, FEMALE ,x\n"
                + "\n"
                + "Biscoe,2007-11-11,45,15\n"
                + "Biscoe,2007-11-11,45,15,210,4200,MALE,too,many\n"
                + "Atlantis,2007-13-45,abc,15,210,4200,male,\n"
                + "Dream,,null,N/A,NaN,,NA,last line without a line break";
        String scored = byBytes(csv);
        assertThat(scored).isEqualTo(byTextRecords(csv)).contains("row 6 has 1 fields", "row 7 has 4 fields", "row 8 has 9 fields");
        assertThat(scored.lines().toList()).hasSize(10);
        assertThat(scored.lines().toList().get(0)).startsWith("Adelie ");
        assertThat(scored.lines().toList().get(1)).contains("'46,1' is not a decimal value"); // quoted: a text, not two fields
    }

    @Test
    void aLargeFileAcrossBlocksReadsTheSame() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        String[] islands = {"Torgersen", "Biscoe", "Dream", "\"Biscoe\"", "", "NA"};
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        while (csv.length() < 3_500_000) { // past three of the reader's blocks, with records cut at every place
            csv.append(islands[random.nextInt(islands.length)]).append(',')
                    .append(random.nextInt(10) == 0 ? "" : "2007-11-" + (10 + random.nextInt(19))).append(',')
                    .append(30 + random.nextInt(300) / 10.0).append(',')
                    .append(random.nextInt(20) == 0 ? "\"x\"" : String.valueOf(13 + random.nextInt(90) / 10.0)).append(',')
                    .append(170 + random.nextInt(60)).append(',')
                    .append(random.nextInt(30) == 0 ? "NA" : String.valueOf(2700 + random.nextInt(3500))).append(',')
                    .append(random.nextBoolean() ? "MALE" : "FEMALE").append(',')
                    .append(random.nextInt(5) == 0 ? "\"a long comment, with \"\"quotes\"\"\nand a line break " + "z".repeat(random.nextInt(200)) + "\""
                            : "short").append(random.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        String text = csv.toString();
        String bytes = byBytes(text);
        assertThat(bytes).isEqualTo(byTextRecords(text));
        assertThat(bytes.lines().count()).isGreaterThan(30_000);
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        String csv = HEADER + "\nTorgersen,2007-11-11,39.1,18.7,181,3750,MALE,ok\nDream,2007-11-11,40,18,190,3800,MALE,\"never closed\n";
        assertThatThrownBy(() -> byBytes(csv)).hasMessageContaining("line 3: a quoted field is never closed");
        assertThatThrownBy(() -> byTextRecords(csv)).hasMessageContaining("line 3: a quoted field is never closed");
    }

    @Test
    void anEmptyInputAndAHeaderAlone() throws IOException {
        assertThatThrownBy(() -> byBytes("")).hasMessageContaining("The input is empty");
        assertThat(byBytes(HEADER + "\n")).isEmpty();
        assertThat(Arrays.asList(byBytes(HEADER).split("\n"))).containsExactly("");
    }
}
