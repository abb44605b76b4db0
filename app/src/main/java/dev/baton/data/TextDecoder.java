package dev.baton.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;

/**
 * Finds a text file's encoding and gives its content as UTF-8 bytes, which is what the tokenizer reads.
 * Detection: a byte-order mark (UTF-8, UTF-16 LE/BE), else UTF-8 if every byte sequence is valid,
 * else Windows-1252 (the usual encoding of CSV files saved by Excel on Windows).
 */
final class TextDecoder {

    /** UTF-8 text in {@code bytes[offset..length)}, and the encoding it was read with. */
    record Decoded(byte[] bytes, int offset, int length, String encoding, String note) {
    }

    private static final String WINDOWS_1252 = "windows-1252";

    private TextDecoder() {
    }

    static Decoded decode(Path file, byte[] raw, String requested) {
        if (requested != null) {
            return decodeAs(file, raw, charset(file, requested));
        }
        if (startsWith(raw, 0xEF, 0xBB, 0xBF)) {
            checkUtf8(file, raw, 3, true);
            return new Decoded(raw, 3, raw.length, "UTF-8", null);
        }
        if (startsWith(raw, 0xFF, 0xFE)) {
            return transcode(file, raw, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (startsWith(raw, 0xFE, 0xFF)) {
            return transcode(file, raw, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        checkNotBinary(file, raw);
        int invalid = firstInvalidUtf8(raw, 0);
        if (invalid < 0) {
            return new Decoded(raw, 0, raw.length, "UTF-8", null);
        }
        Decoded decoded = transcode(file, raw, 0, Charset.forName(WINDOWS_1252), WINDOWS_1252);
        String note = "Not valid UTF-8 (first at line " + lineOf(raw, invalid) + "): read as Windows-1252."
                + " Choose another encoding in the import options if characters look wrong.";
        return new Decoded(decoded.bytes, decoded.offset, decoded.length, WINDOWS_1252, note);
    }

    /**
     * Whether a file with this start and this encoding asked for (null: none) would be taken as UTF-8 only after a
     * check of every byte: no encoding asked, no byte-order mark. Such a file can be read as UTF-8 first with
     * {@link #unchecked} and checked with {@link #decode} only if it holds a byte outside ASCII (an ASCII file is
     * valid UTF-8), which spares most files a pass over every byte; {@link DelimitedTokenizer} notes such bytes.
     */
    static boolean utf8UnlessChecked(byte[] raw, String requested) {
        return requested == null && !startsWith(raw, 0xEF, 0xBB, 0xBF) && !startsWith(raw, 0xFF, 0xFE)
                && !startsWith(raw, 0xFE, 0xFF);
    }

    /** The bytes as UTF-8, not yet checked; binary files (zip, Parquet, NUL bytes) are refused as by decode. */
    static Decoded unchecked(Path file, byte[] raw) {
        checkNotBinary(file, raw);
        return new Decoded(raw, 0, raw.length, "UTF-8", null);
    }

    private static Charset charset(Path file, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ImportException.of(ImportException.Kind.UNSUPPORTED, file,
                    "Unknown encoding '" + name + "'. Try UTF-8, UTF-16 or windows-1252.");
        }
    }

    private static Decoded decodeAs(Path file, byte[] raw, Charset charset) {
        String name = charset.name();
        if (charset.equals(StandardCharsets.UTF_8)) {
            int offset = startsWith(raw, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            checkUtf8(file, raw, offset, false);
            return new Decoded(raw, offset, raw.length, "UTF-8", null);
        }
        int offset = 0;
        if (charset.equals(StandardCharsets.UTF_16) || name.startsWith("UTF-16")) {
            if (startsWith(raw, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                offset = 2;
            } else if (startsWith(raw, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                offset = 2;
            }
        } else {
            checkNotBinary(file, raw);
        }
        return transcode(file, raw, offset, charset, name);
    }

    private static Decoded transcode(Path file, byte[] raw, int offset, Charset charset, String name) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, offset, raw.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (raw.length - offset) * 2 + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw badBytes(file, raw, at, name);
        }
        decoder.flush(out);
        out.flip();
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(out);
        return new Decoded(utf8.array(), 0, utf8.limit(), name, null);
    }

    private static void checkUtf8(Path file, byte[] raw, int offset, boolean hadBom) {
        int invalid = firstInvalidUtf8(raw, offset);
        if (invalid >= 0) {
            throw badBytes(file, raw, invalid, "UTF-8" + (hadBom ? " (the file starts with a UTF-8 byte-order mark)" : ""));
        }
    }

    private static ImportException badBytes(Path file, byte[] raw, int at, String encoding) {
        int line = lineOf(raw, at);
        int lineStart = at;
        while (lineStart > 0 && raw[lineStart - 1] != '\n') {
            lineStart--;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = at; i < Math.min(raw.length, at + 4); i++) {
            hex.append(String.format("%02X ", raw[i] & 0xFF));
        }
        String before = new String(raw, lineStart, Math.min(at - lineStart, 200), StandardCharsets.ISO_8859_1);
        String shown = before.length() > 40 ? "..." + before.substring(before.length() - 40) : before;
        return new ImportException(ImportException.Kind.BAD_ENCODING, file, line, null, hex.toString().trim(),
                file.getFileName() + ": line " + line + ", character " + (at - lineStart + 1) + " has bytes that are not valid "
                        + encoding + " (" + hex.toString().trim() + ", after \"" + ImportException.snippet(shown) + "\")."
                        + " Choose the file's real encoding, for example windows-1252 or UTF-16.");
    }

    private static void checkNotBinary(Path file, byte[] raw) {
        if (startsWith(raw, 'P', 'K', 3, 4)) {
            throw ImportException.of(ImportException.Kind.BINARY, file, file.getFileName()
                    + " is a zip archive, not text. If it is an Excel workbook, rename it to .xlsx or choose the Excel format.");
        }
        if (startsWith(raw, 'P', 'A', 'R', '1')) {
            throw ImportException.of(ImportException.Kind.BINARY, file, file.getFileName()
                    + " is a Parquet file, not text. Rename it to .parquet or choose the Parquet format.");
        }
        int limit = Math.min(raw.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (raw[i] == 0) {
                throw new ImportException(ImportException.Kind.BINARY, file, lineOf(raw, i), null, null,
                        file.getFileName() + " looks like a binary file, not text (a zero byte at position " + (i + 1)
                                + "). Baton reads delimited text, JSON, Excel (.xlsx), ARFF and Parquet.");
            }
        }
    }

    static int lineOf(byte[] raw, int at) {
        int line = 1;
        for (int i = 0; i < at && i < raw.length; i++) {
            if (raw[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] raw, int... prefix) {
        if (raw.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((raw[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Position of the first byte that breaks UTF-8, or -1 when all of it is valid. */
    private static final java.lang.invoke.VarHandle EIGHT_BYTES =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Where the first byte that is not valid UTF-8 is, from {@code from} on; -1 if there is none. */
    static int firstInvalidUtf8(byte[] b, int from) {
        if (b.length - from < PARALLEL_CHECK) {
            return firstInvalidUtf8(b, from, b.length);
        }
        // Two halves on two cores, cut at the start of a character.
        int mid = from + (b.length - from) / 2;
        while (mid < b.length && (b[mid] & 0xC0) == 0x80) {
            mid++;
        }
        int cut = mid;
        java.util.concurrent.Future<Integer> second = dev.baton.util.Parallel.pool().submit(() -> firstInvalidUtf8(b, cut, b.length));
        int first = firstInvalidUtf8(b, from, cut);
        try {
            int later = second.get();
            return first >= 0 ? first : later;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Below this many bytes the check runs on one thread. */
    private static final int PARALLEL_CHECK = 8 << 20;

    /** The first invalid byte of a character starting in [from, to); characters may end past {@code to}. */
    private static int firstInvalidUtf8(byte[] b, int from, int to) {
        int i = from;
        int n = b.length;
        while (i < to) {
            // Fast path over ASCII, eight bytes in one read.
            while (i + 8 <= to && ((long) EIGHT_BYTES.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return i;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= n) {
                    return i;
                }
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += extra + 1;
        }
        return -1;
    }
}
