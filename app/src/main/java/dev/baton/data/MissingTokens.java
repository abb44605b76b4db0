package dev.baton.data;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The texts that mean "missing" (NA, N/A, ...), matched against cells as bytes. */
final class MissingTokens {

    private final byte[][] tokens;
    /** Which cell lengths a token has: most cells are ruled out by their length alone. */
    private final boolean[] lengths;

    MissingTokens(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int longest = 0;
        for (byte[] token : this.tokens) {
            longest = Math.max(longest, token.length);
        }
        this.lengths = new boolean[longest + 1];
        for (byte[] token : this.tokens) {
            lengths[token.length] = true;
        }
    }

    /** Whether the cell data[s, e) is missing: absent (s < 0) or one of the tokens. */
    boolean matches(byte[] data, int s, int e) {
        if (s < 0) {
            return true;
        }
        int n = e - s;
        if (n >= lengths.length || !lengths[n]) {
            return false;
        }
        outer:
        for (byte[] token : tokens) {
            if (token.length != n) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (data[s + i] != token[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
