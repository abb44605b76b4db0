package dev.baton.data;

import dev.baton.testing.Tables;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetWriterTest {

    @Test
    void rowsOverManyBlocksComeOutInOrderQuotedWhereNeeded() throws Exception {
        // 70,001 rows: more than one batch of blocks on any number of cores, the last block short.
        int rows = 70_001;
        StringBuilder csv = new StringBuilder("id,x,name\n");
        StringBuilder expected = new StringBuilder("id,x,name\n");
        for (int i = 0; i < rows; i++) {
            String x = i % 10 == 3 ? "" : Double.toString(i / 4.0 + 0.5);
            String name = i % 7 == 0 ? "\"a, b\"" : "n" + (i % 5);
            csv.append(i).append(',').append(x).append(',').append(name).append('\n');
            // Written back: whole numbers without a fraction, a missing value empty, the comma quoted again.
            String xOut = x.isEmpty() ? "" : (i / 4.0 + 0.5) % 1 == 0 ? Long.toString((long) (i / 4.0 + 0.5)) : x;
            expected.append(i).append(',').append(xOut).append(',').append(name).append('\n');
        }
        Dataset data = Tables.csv(csv.toString());
        StringWriter out = new StringWriter();
        DatasetWriter.writeCsv(data, out, Progress.NONE);

        String written = out.toString();
        assertThat(written.split("\n", -1)).hasSize(rows + 2);
        assertThat(written).isEqualTo(expected.toString());
    }
}
