package dev.baton.data;

import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The parallel tokenizer must give exactly what a sequential parse gives, whatever the cut points hit. */
class TokenizerTest {

    @Test
    void parallelEqualsSequentialWithQuotedNewlinesEverywhere() throws Exception {
        StringBuilder sb = new StringBuilder("id,text,n\n");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            sb.append(i).append(',');
            switch (random.nextInt(4)) {
                case 0 -> sb.append("\"multi\nline ").append(i).append('"');
                case 1 -> sb.append("\"with, comma and \"\"quotes\"\"\"");
                case 2 -> sb.append("plain").append(i);
                default -> sb.append("");
            }
            sb.append(',').append(random.nextInt(100)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        DelimitedTokenizer.Layout layout = new DelimitedTokenizer.Layout((byte) ',', (byte) '"', false, RaggedRows.ERROR);
        for (int threads : new int[]{2, 3, 7}) {
            DelimitedTokenizer.Result one = new DelimitedTokenizer(Path.of("x.csv"), bytes, bytes.length, layout, Progress.NONE)
                    .tokenize(0, true, Parallel.pool(), 1);
            DelimitedTokenizer parallel = new DelimitedTokenizer(Path.of("x.csv"), bytes, bytes.length, layout, Progress.NONE);
            parallel.minChunk = 1000;
            DelimitedTokenizer.Result many = parallel.tokenize(0, true, Parallel.pool(), threads);
            assertThat(many.grid().rows).isEqualTo(200_000).isEqualTo(one.grid().rows);
            // The grid is the first rows x columns cells (the arrays may have room beyond).
            int cells = one.grid().rows * one.grid().columns;
            assertThat(Arrays.copyOf(many.grid().starts, cells)).isEqualTo(Arrays.copyOf(one.grid().starts, cells));
            assertThat(Arrays.copyOf(many.grid().ends, cells)).isEqualTo(Arrays.copyOf(one.grid().ends, cells));
            assertThat(Arrays.copyOf(many.grid().lines, 200_000)).isEqualTo(Arrays.copyOf(one.grid().lines, 200_000));
        }
    }

    @Test
    void aCutInsideAQuotedCellIsDetectedAndReparsed() throws Exception {
        // One enormous quoted cell spanning the middle of the file: the second chunk's guess is wrong.
        StringBuilder sb = new StringBuilder("a,b\n1,\"");
        for (int i = 0; i < 1_000_000; i++) {
            sb.append("x\n");
        }
        sb.append("\"\n2,y\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        DelimitedTokenizer.Layout layout = new DelimitedTokenizer.Layout((byte) ',', (byte) '"', false, RaggedRows.ERROR);
        DelimitedTokenizer tokenizer = new DelimitedTokenizer(Path.of("x.csv"), bytes, bytes.length, layout, Progress.NONE);
        tokenizer.minChunk = 1000;
        DelimitedTokenizer.Result result = tokenizer.tokenize(0, true, Parallel.pool(), 4);
        assertThat(result.grid().rows).isEqualTo(2);
        assertThat(result.grid().text(1, 1)).isEqualTo("y");
        assertThat(result.grid().lines[1]).isEqualTo(1_000_003);
    }
}
