package dev.baton.clean.expression;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Conversions between expression values. */
final class Values {

    private Values() {
    }

    static String text(Object o) {
        if (o instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return String.valueOf(o);
    }

    static LocalDate date(Object o) {
        if (o instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        return (LocalDate) o;
    }
}
