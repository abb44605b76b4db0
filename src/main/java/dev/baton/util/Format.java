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

    public static String count(long n) {
        return String.format("%,d", n);
    }

    public static String percent(double p) {
        return p == 0 ? "0%" : p < 0.1 ? "<0.1%" : String.format("%.1f%%", p);
    }
}
