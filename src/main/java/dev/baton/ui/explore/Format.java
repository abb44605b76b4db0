package dev.baton.ui.explore;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a person reads them in a profile: whole numbers exact, others to six significant digits. */
final class Format {

    private Format() {
    }

    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "\u2013";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", v.longValue());
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    static String percent(double p) {
        return p == 0 ? "0%" : p < 0.1 ? "<0.1%" : String.format("%.1f%%", p);
    }
}
