package dev.baton.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a person reads them in a profile: whole numbers exact, others to six significant digits, all grouped. */
public final class Format {

    private Format() {
    }

    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "\u2013";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", v.longValue());
        }
        // Grouped as whole numbers are, so that 4,201.75 reads alike beside 4,050 in a column of statistics.
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return String.format("%,." + Math.max(0, rounded.scale()) + "f", rounded);
    }

    /**
     * A whole-number code (a year, an identifier, a postal code) as written: 2007, not 2,007. Other numbers as
     * {@link #number(Double)}.
     */
    public static String number(Double v, boolean code) {
        if (code && v != null && !v.isNaN() && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return number(v);
    }

    /**
     * Whether an integer column holds codes rather than quantities, so that its values print ungrouped: its name
     * says year, id, code, zip, ... , or every value lies between 1000 and 2999 (years).
     */
    public static boolean isCode(String column, boolean integer, Double min, Double max) {
        if (!integer) {
            return false;
        }
        for (String word : column.split("[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})")) {
            if (CODE_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return min != null && max != null && min >= 1000 && max <= 2999;
    }

    private static final java.util.Set<String> CODE_WORDS = java.util.Set.of("year", "yr", "id", "code", "zip", "zipcode",
            "postcode", "fips", "number", "no", "key");

    /** A number to {@code digits} significant digits, ungrouped and without an exponent: previews of values. */
    public static String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** A measure with a fixed number of decimals in the user's locale ("0.842"). */
    public static String decimal(double v, int places) {
        return Double.isNaN(v) ? "\u2013" : String.format("%." + places + "f", v);
    }

    public static String count(long n) {
        return String.format("%,d", n);
    }

    public static String percent(double p) {
        return p == 0 ? "0%" : p < 0.1 ? "<0.1%" : String.format("%.1f%%", p);
    }

    /** A size in bytes as people read it: 512 B, 10.5 KB, 8.0 MB, 1.25 GB (units of 1,024). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }
}
