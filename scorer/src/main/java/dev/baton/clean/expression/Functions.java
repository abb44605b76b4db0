package dev.baton.clean.expression;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The functions an expression may call. Each checks its arguments' types when the expression is compiled. */
final class Functions {

    /** A function: how many arguments, the result type for given argument types (null: not allowed), the body. */
    record Definition(int minArgs, int maxArgs, Function<List<ValueType>, ValueType> resultType, Body body, String help) {
    }

    @FunctionalInterface
    interface Body {
        Object apply(Object[] args);
    }

    private static final Map<String, Definition> ALL = Map.ofEntries(
            // missing values
            Map.entry("ismissing", def(1, 1, t -> ValueType.BOOLEAN, a -> a[0] == null, "isMissing(x): true when x is missing")),
            Map.entry("coalesce", def(1, 9, Functions::sameType, a -> {
                for (Object o : a) {
                    if (o != null) {
                        return o;
                    }
                }
                return null;
            }, "coalesce(a, b, ...): the first value that is not missing")),
            Map.entry("if", new Definition(3, 3, t -> t.get(0) != ValueType.BOOLEAN && t.get(0) != ValueType.ANY ? null : sameType(t.subList(1, 3)),
                    a -> Boolean.TRUE.equals(a[0]) ? a[1] : a[2], "if(condition, then, else)")),
            // numbers
            Map.entry("abs", num1(Math::abs, "abs(x)")),
            Map.entry("floor", num1(Math::floor, "floor(x)")),
            Map.entry("ceil", num1(Math::ceil, "ceil(x)")),
            Map.entry("sqrt", num1(Math::sqrt, "sqrt(x)")),
            Map.entry("exp", num1(Math::exp, "exp(x)")),
            Map.entry("round", def(1, 2, Functions::numbers, a -> {
                if (a[0] == null) {
                    return null;
                }
                int digits = a.length > 1 && a[1] != null ? ((Double) a[1]).intValue() : 0;
                return java.math.BigDecimal.valueOf((Double) a[0]).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
            }, "round(x[, digits]): half away from zero")),
            Map.entry("log", def(1, 2, Functions::numbers, a -> {
                if (a[0] == null) {
                    return null;
                }
                double x = (Double) a[0];
                double v = a.length > 1 && a[1] != null ? Math.log(x) / Math.log((Double) a[1]) : Math.log(x);
                return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
            }, "log(x[, base]): natural logarithm by default; missing for x <= 0")),
            Map.entry("pow", def(2, 2, Functions::numbers, a -> a[0] == null || a[1] == null ? null : Math.pow((Double) a[0], (Double) a[1]), "pow(x, y)")),
            Map.entry("min", def(2, 9, Functions::numbers, a -> fold(a, Math::min), "min(a, b, ...)")),
            Map.entry("max", def(2, 9, Functions::numbers, a -> fold(a, Math::max), "max(a, b, ...)")),
            // text
            Map.entry("lower", text1(s -> s.toLowerCase(Locale.ROOT), "lower(s)")),
            Map.entry("upper", text1(s -> s.toUpperCase(Locale.ROOT), "upper(s)")),
            Map.entry("trim", text1(String::strip, "trim(s)")),
            Map.entry("firstword", text1(s -> {
                String t = s.strip();
                int space = t.indexOf(' ');
                return space < 0 ? t : t.substring(0, space);
            }, "firstWord(s)")),
            Map.entry("length", def(1, 1, t -> is(t, 0, ValueType.TEXT) ? ValueType.NUMBER : null,
                    a -> a[0] == null ? null : (double) ((String) a[0]).length(), "length(s)")),
            Map.entry("contains", textTest((s, x) -> s.contains(x), "contains(s, part)")),
            Map.entry("startswith", textTest((s, x) -> s.startsWith(x), "startsWith(s, prefix)")),
            Map.entry("endswith", textTest((s, x) -> s.endsWith(x), "endsWith(s, suffix)")),
            Map.entry("substring", def(2, 3, t -> is(t, 0, ValueType.TEXT) && is(t, 1, ValueType.NUMBER) && (t.size() < 3 || is(t, 2, ValueType.NUMBER)) ? ValueType.TEXT : null,
                    a -> {
                        if (a[0] == null || a[1] == null) {
                            return null;
                        }
                        String s = (String) a[0];
                        int start = Math.max(0, Math.min(s.length(), ((Double) a[1]).intValue()));
                        int end = a.length > 2 && a[2] != null ? Math.min(s.length(), start + Math.max(0, ((Double) a[2]).intValue())) : s.length();
                        return s.substring(start, end);
                    }, "substring(s, start[, length]): start counts from 0")),
            Map.entry("replace", def(3, 3, t -> t.stream().allMatch(x -> x == ValueType.TEXT || x == ValueType.ANY) ? ValueType.TEXT : null,
                    a -> a[0] == null ? null : ((String) a[0]).replace(a[1] == null ? "" : (String) a[1], a[2] == null ? "" : (String) a[2]),
                    "replace(s, find, with)")),
            Map.entry("concat", def(1, 20, t -> ValueType.TEXT, a -> {
                StringBuilder sb = new StringBuilder();
                for (Object o : a) {
                    if (o != null) {
                        sb.append(Values.text(o));
                    }
                }
                return sb.toString();
            }, "concat(a, b, ...): joins values as text, skipping missing ones")),
            Map.entry("totext", def(1, 1, t -> ValueType.TEXT, a -> a[0] == null ? null : Values.text(a[0]), "toText(x)")),
            Map.entry("tonumber", def(1, 1, t -> ValueType.NUMBER, a -> {
                if (a[0] == null) {
                    return null;
                }
                if (a[0] instanceof Double d) {
                    return d;
                }
                try {
                    return Double.parseDouble(Values.text(a[0]).strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }, "toNumber(x): missing when x is not a number")),
            // dates
            Map.entry("year", datePart(d -> d.getYear(), "year(d)")),
            Map.entry("month", datePart(d -> d.getMonthValue(), "month(d)")),
            Map.entry("day", datePart(d -> d.getDayOfMonth(), "day(d)")),
            Map.entry("weekday", datePart(d -> d.getDayOfWeek().getValue(), "weekday(d): 1 = Monday ... 7 = Sunday")),
            Map.entry("date", def(1, 2, t -> is(t, 0, ValueType.TEXT) || is(t, 0, ValueType.DATE) || is(t, 0, ValueType.DATETIME) ? ValueType.DATE : null, a -> {
                if (a[0] == null) {
                    return null;
                }
                if (a[0] instanceof LocalDate d) {
                    return d;
                }
                if (a[0] instanceof LocalDateTime dt) {
                    return dt.toLocalDate();
                }
                try {
                    DateTimeFormatter f = a.length > 1 && a[1] != null
                            ? DateTimeFormatter.ofPattern((String) a[1], Locale.ENGLISH) : DateTimeFormatter.ISO_LOCAL_DATE;
                    return LocalDate.parse(((String) a[0]).strip(), f);
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    return null;
                }
            }, "date(s[, pattern]): missing when s does not match")),
            Map.entry("daysbetween", def(2, 2, t -> (is(t, 0, ValueType.DATE) || is(t, 0, ValueType.DATETIME))
                    && (is(t, 1, ValueType.DATE) || is(t, 1, ValueType.DATETIME)) ? ValueType.NUMBER : null, a -> {
                if (a[0] == null || a[1] == null) {
                    return null;
                }
                return (double) ChronoUnit.DAYS.between(Values.date(a[0]), Values.date(a[1]));
            }, "daysBetween(a, b): b minus a in days"))
    );

    private Functions() {
    }

    static Definition get(String name) {
        return ALL.get(name.toLowerCase(Locale.ROOT));
    }

    static java.util.Set<String> names() {
        return ALL.keySet();
    }

    private static Definition def(int min, int max, Function<List<ValueType>, ValueType> type, Body body, String help) {
        return new Definition(min, max, type, body, help);
    }

    private static boolean is(List<ValueType> types, int i, ValueType expected) {
        return types.get(i) == expected || types.get(i) == ValueType.ANY;
    }

    private static ValueType numbers(List<ValueType> types) {
        return types.stream().allMatch(t -> t == ValueType.NUMBER || t == ValueType.ANY) ? ValueType.NUMBER : null;
    }

    private static ValueType sameType(List<ValueType> types) {
        ValueType found = ValueType.ANY;
        for (ValueType t : types) {
            if (t == ValueType.ANY) {
                continue;
            }
            if (found != ValueType.ANY && found != t) {
                return null;
            }
            found = t;
        }
        return found;
    }

    private static Object fold(Object[] a, java.util.function.DoubleBinaryOperator op) {
        Double acc = null;
        for (Object o : a) {
            if (o == null) {
                return null;
            }
            acc = acc == null ? (Double) o : op.applyAsDouble(acc, (Double) o);
        }
        return acc;
    }

    private static Definition num1(java.util.function.DoubleUnaryOperator f, String help) {
        return def(1, 1, Functions::numbers, a -> {
            if (a[0] == null) {
                return null;
            }
            double v = f.applyAsDouble((Double) a[0]);
            return Double.isNaN(v) ? null : v;
        }, help);
    }

    private static Definition text1(Function<String, String> f, String help) {
        return def(1, 1, t -> is(t, 0, ValueType.TEXT) ? ValueType.TEXT : null, a -> a[0] == null ? null : f.apply((String) a[0]), help);
    }

    private static Definition textTest(java.util.function.BiPredicate<String, String> f, String help) {
        return def(2, 2, t -> is(t, 0, ValueType.TEXT) && is(t, 1, ValueType.TEXT) ? ValueType.BOOLEAN : null,
                a -> a[0] == null || a[1] == null ? null : f.test((String) a[0], (String) a[1]), help);
    }

    private static Definition datePart(java.util.function.ToIntFunction<LocalDate> f, String help) {
        return def(1, 1, t -> is(t, 0, ValueType.DATE) || is(t, 0, ValueType.DATETIME) ? ValueType.NUMBER : null,
                a -> a[0] == null ? null : (double) f.applyAsInt(Values.date(a[0])), help);
    }

    static String help() {
        StringBuilder sb = new StringBuilder();
        ALL.values().stream().map(Definition::help).sorted(String.CASE_INSENSITIVE_ORDER).forEach(h -> sb.append(h).append('\n'));
        return sb.toString();
    }
}
