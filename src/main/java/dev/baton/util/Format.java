package dev.baton.util;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a person reads them in a profile: whole numbers exact, others to six significant digits. */
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
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    public static String count(long n) {
        return String.format("%,d", n);
    }

    public static String percent(double p) {
        return p == 0 ? "0%" : p < 0.1 ? "<0.1%" : String.format("%.1f%%", p);
    }
}
