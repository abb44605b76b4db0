package dev.baton.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The UTF-8 check reads ASCII eight bytes at a time: a bad byte must be found wherever it falls in such a block. */
class TextDecoderTest {

    @Test
    void findsTheFirstInvalidByteAtEveryOffset() {
        for (int length = 1; length <= 24; length++) {
            for (int at = 0; at < length; at++) {
                byte[] b = new byte[length];
                Arrays.fill(b, (byte) 'a');
                b[at] = (byte) 0xFF;
                assertThat(TextDecoder.firstInvalidUtf8(b, 0)).as("length %d, bad at %d", length, at).isEqualTo(at);
            }
        }
    }

    @Test
    void acceptsMultiByteCharactersAcrossBlocksAndRejectsCutOrOverlongOnes() {
        for (int at = 0; at < 16; at++) {
            String text = "a".repeat(at) + "é€😀" + "b".repeat(9);
            assertThat(TextDecoder.firstInvalidUtf8(text.getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(-1);
        }
        byte[] cut = "abcdefgh€".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.firstInvalidUtf8(Arrays.copyOf(cut, cut.length - 1), 0)).isEqualTo(8);
        byte[] overlong = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', (byte) 0xC0, (byte) 0xAF};
        assertThat(TextDecoder.firstInvalidUtf8(overlong, 0)).isEqualTo(9);
        assertThat(TextDecoder.firstInvalidUtf8(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0)).as("a surrogate").isZero();
    }

    @Test
    void largeInputsCheckedInTwoHalvesFindTheFirstBadByteInEither() {
        int size = 9 << 20;
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        // A three-byte character across the middle, where the halves are cut: valid.
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(euro, 0, b, size / 2 - 1, 3);
        assertThat(TextDecoder.firstInvalidUtf8(b, 0)).isEqualTo(-1);
        b[size - 5] = (byte) 0xFF;
        assertThat(TextDecoder.firstInvalidUtf8(b, 0)).as("only in the second half").isEqualTo(size - 5);
        b[100] = (byte) 0x80;
        assertThat(TextDecoder.firstInvalidUtf8(b, 0)).as("the first of two").isEqualTo(100);
        b[100] = 'x';
        b[size / 2 - 1] = (byte) 0xE2;
        b[size / 2] = 'x';
        assertThat(TextDecoder.firstInvalidUtf8(b, 0)).as("a character cut short at the middle").isEqualTo(size / 2 - 1);
    }
}
