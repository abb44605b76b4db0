package dev.baton.data;

import java.util.Arrays;

/**
 * Assigns consecutive codes to distinct byte slices of one array, without creating strings:
 * open addressing on the slices' hashes, each slice stored once as (start, end) of its first occurrence.
 */
final class ByteSliceDictionary {

    private final byte[] data;
    private int[] table = new int[1024];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int[] hashes = new int[256];
    private int size;

    ByteSliceDictionary(byte[] data) {
        this.data = data;
        Arrays.fill(table, -1);
    }

    int size() {
        return size;
    }

    /** The code of this slice; a new slice gets the next code, {@link #size()} before the call. */
    int codeOf(int s, int e) {
        int hash = hash(s, e);
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        while (true) {
            int code = table[slot];
            if (code < 0) {
                return insert(slot, hash, s, e);
            }
            if (hashes[code] == hash && sameBytes(starts[code], ends[code], s, e)) {
                return code;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(int slot, int hash, int s, int e) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int code = size++;
        starts[code] = s;
        ends[code] = e;
        hashes[code] = hash;
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
