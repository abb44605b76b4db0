package dev.baton.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers and ISO dates straight from UTF-8 bytes, without creating strings.
 * Numbers with a leading zero ("007", "01.5") are rejected on purpose: such values are codes
 * (postcodes, identifiers) and would lose their zeros as numbers.
 */
final class FastParse {

    /** Returned by {@link #parseLong} when the text is not an integer. */
    static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private FastParse() {
    }

    static int trimStart(byte[] b, int s, int e) {
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        return s;
    }

    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    /** An integer in [-2^63 + 1, 2^63 - 1], surrounding blanks allowed; {@link #NOT_A_LONG} otherwise. */
    static long parseLong(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        if (s >= e) {
            return NOT_A_LONG;
        }
        boolean negative = false;
        byte first = b[s];
        if (first == '-' || first == '+') {
            negative = first == '-';
            s++;
            if (s >= e) {
                return NOT_A_LONG;
            }
        }
        if (b[s] == '0' && e - s > 1) {
            return NOT_A_LONG;
        }
        if (e - s > 19) {
            return NOT_A_LONG;
        }
        long value = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_LONG;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                return NOT_A_LONG;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /**
     * A decimal number ("-1.5", "2e-3", ".5"), surrounding blanks allowed; NaN otherwise.
     * Short inputs take an exact fast path (mantissa below 2^53 and a power of ten that is exact in a double);
     * others go through FastDoubleParser (in Jackson), so results are always correctly rounded, as Double.parseDouble's.
     */
    static double parseDouble(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        int intStart = i;
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            mantissa = mantissa * 10 + (b[i] - '0');
            if (mantissa != 0) {
                significant++;
            }
            digits++;
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits > 1 && b[intStart] == '0') {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
                digits++;
                exponent--;
                i++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            int exp = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (exp < 100_000) {
                    exp = exp * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            exponent += expNegative ? -exp : exp;
        }
        if (i != e) {
            return Double.NaN;
        }
        if (significant <= 15 && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        // Long mantissas (17 digits, as databases and pandas write doubles) or large exponents: Jackson's FastDoubleParser,
        // correctly rounded like Double.parseDouble but without its big-integer arithmetic (17-digit numbers: about 200
        // instead of 800 to 1,200 ns each, measured on JDK 17).
        char[] chars = new char[e - s];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (char) (b[s + k] & 0xFF);
        }
        try {
            return com.fasterxml.jackson.core.io.NumberInput.parseDouble(chars, 0, chars.length, true);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** True when the text is an optional sign and digits only (blanks around allowed): an integer as written. */
    static boolean isPlainInteger(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        if (s < e && (b[s] == '-' || b[s] == '+')) {
            s++;
        }
        if (s >= e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** An ISO date yyyy-MM-dd as a packed int ({@link PackedDates}); {@link Integer#MIN_VALUE} otherwise. */
    static int parseIsoDate(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        if (e - s != 10 || b[s + 4] != '-' || b[s + 7] != '-') {
            return Integer.MIN_VALUE;
        }
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return Integer.MIN_VALUE;
        }
        return PackedDates.date(year, month, day);
    }

    /**
     * An ISO local date-time, {@code yyyy-MM-dd} then 'T' or a space then {@code HH:mm}, optionally {@code :ss} and a
     * fraction of 1 to 9 digits, packed as {@link PackedDates#dateTime} packs it (the fraction kept to the millisecond);
     * {@link Long#MIN_VALUE} for anything else, which the general ISO pattern then reads or rejects.
     */
    static long parseIsoDateTime(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        if (e - s < 16 || (b[s + 10] != 'T' && b[s + 10] != ' ') || b[s + 13] != ':') {
            return Long.MIN_VALUE;
        }
        int date = parseIsoDate(b, s, s + 10);
        int hour = digits(b, s + 11, 2);
        int minute = digits(b, s + 14, 2);
        if (date == Integer.MIN_VALUE || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return Long.MIN_VALUE;
        }
        int second = 0;
        int millis = 0;
        int i = s + 16;
        if (i < e) {
            if (b[i] != ':' || e - i < 3) {
                return Long.MIN_VALUE;
            }
            second = digits(b, i + 1, 2);
            if (second < 0 || second > 59) {
                return Long.MIN_VALUE;
            }
            i += 3;
            if (i < e) {
                int fraction = e - i - 1;
                if (b[i] != '.' || fraction < 1 || fraction > 9) {
                    return Long.MIN_VALUE;
                }
                for (int k = 1; k <= fraction; k++) {
                    int d = b[i + k] - '0';
                    if (d < 0 || d > 9) {
                        return Long.MIN_VALUE;
                    }
                    if (k <= 3) {
                        millis = millis * 10 + d;
                    }
                }
                for (int k = fraction; k < 3; k++) {
                    millis *= 10;
                }
            }
        }
        int time = hour << 24 | minute << 16 | (second * 1000 + millis);
        return (long) date << 32 | (time & 0xFFFF_FFFFL);
    }

    static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static final byte[][] TRUE_WORDS = {"true".getBytes(), "yes".getBytes(), "t".getBytes(), "y".getBytes()};
    private static final byte[][] FALSE_WORDS = {"false".getBytes(), "no".getBytes(), "f".getBytes(), "n".getBytes()};

    /** 1 or 0 for the boolean words Baton recognises (true/false, yes/no, t/f, y/n, any case); -1 otherwise. */
    static int parseBoolean(byte[] b, int s, int e) {
        s = trimStart(b, s, e);
        e = trimEnd(b, s, e);
        for (byte[] word : TRUE_WORDS) {
            if (equalsIgnoreAsciiCase(b, s, e, word)) {
                return 1;
            }
        }
        for (byte[] word : FALSE_WORDS) {
            if (equalsIgnoreAsciiCase(b, s, e, word)) {
                return 0;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreAsciiCase(byte[] b, int s, int e, byte[] lower) {
        if (e - s != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            int c = b[s + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
