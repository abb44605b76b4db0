package dev.baton.data;

import java.util.Arrays;

/**
 * Assigns consecutive codes to distinct byte slices of one array, without creating strings:
 * open addressing on the slices' hashes, each slice stored once as (start, end) of its first occurrence.
 *
 * <p>A slice of at most 16 bytes (most categories: "North", "public sector") is also held as two longs, and is
 * found by comparing those: no loop over its bytes to hash it, no call to compare them with the stored ones.
 */
final class ByteSliceDictionary {

    private static final int SHORT = 16;

    private final byte[] data;
    private int[] table = new int[1024];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int[] hashes = new int[256];
    /** A short slice's bytes as two little-endian longs (zero past its end); unused for longer ones. */
    private long[] low = new long[256];
    private long[] high = new long[256];
    private int size;

    ByteSliceDictionary(byte[] data) {
        this.data = data;
        Arrays.fill(table, -1);
    }

    int size() {
        return size;
    }

    /** Where the slice of this code starts and ends (its first occurrence). */
    int start(int code) {
        return starts[code];
    }

    int end(int code) {
        return ends[code];
    }

    /** The code of this slice; a new slice gets the next code, {@link #size()} before the call. */
    int codeOf(int s, int e) {
        int length = e - s;
        if (length > SHORT) {
            return longCodeOf(s, e);
        }
        long a = bytes(s, Math.min(length, 8));
        long b = length > 8 ? bytes(s + 8, length - 8) : 0;
        // Slices of different lengths differ in their hash and in their stored bounds: equal longs are not enough.
        int hash = (int) (((a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ length) >>> 17);
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        while (true) {
            int code = table[slot];
            if (code < 0) {
                return insert(slot, hash, s, e, a, b);
            }
            if (hashes[code] == hash && low[code] == a && high[code] == b && ends[code] - starts[code] == length) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int longCodeOf(int s, int e) {
        int hash = hash(s, e);
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        while (true) {
            int code = table[slot];
            if (code < 0) {
                return insert(slot, hash, s, e, 0, 0);
            }
            if (hashes[code] == hash && sameBytes(starts[code], ends[code], s, e)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Up to eight bytes from s as a little-endian long. */
    private long bytes(int s, int count) {
        long v = 0;
        for (int i = 0; i < count; i++) {
            v |= (data[s + i] & 0xFFL) << (i << 3);
        }
        return v;
    }

    private int insert(int slot, int hash, int s, int e, long a, long b) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            low = Arrays.copyOf(low, size * 2);
            high = Arrays.copyOf(high, size * 2);
        }
        int code = size++;
        starts[code] = s;
        ends[code] = e;
        hashes[code] = hash;
        low[code] = a;
        high[code] = b;
        table[slot] = code;
        if (size * 2 > table.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = mix(hashes[code]) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = code;
        }
        table = bigger;
    }

    private boolean sameBytes(int s1, int e1, int s2, int e2) {
        return Arrays.equals(data, s1, e1, data, s2, e2);
    }

    private int hash(int s, int e) {
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
