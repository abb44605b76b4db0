package dev.baton.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FastParseTest {

    private static double dbl(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FastParse.parseDouble(b, 0, b.length);
    }

    private static long lng(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FastParse.parseLong(b, 0, b.length);
    }

    @Test
    void doublesAgreeWithTheJdkBitForBit() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 12));
            for (String text : new String[]{Double.toString(v), String.format(Locale.ROOT, "%.4f", v),
                String.format(Locale.ROOT, "%.17g", v), String.format(Locale.ROOT, "%e", v)}) {
                if (text.startsWith("-0.") || text.startsWith("0.") || !text.matches("-?0\\d.*")) {
                    assertThat(dbl(text)).as(text).isEqualTo(Double.parseDouble(text));
                }
            }
        }
    }

    @Test
    void longAndExtremeDoublesAreCorrectlyRoundedAsTheJdkRoundsThem() {
        // Every finite double's shortest text and its 17-digit text, over the whole exponent range, subnormals included.
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String text : new String[]{Double.toString(v), String.format(Locale.ROOT, "%.16e", v)}) {
                assertThat(dbl(text)).as(text).isEqualTo(Double.parseDouble(text));
            }
        }
        for (String text : new String[]{"9007199254740993", "9007199254740995", "2.2250738585072011e-308",
            "2.2250738585072012e-308", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "1e400",
            "0.1000000000000000055511151231257827", "123456789012345678901234567890", "-0.00000000000000000000000000001",
            "84.14709848078965", "1.8571428571428572"}) {
            assertThat(dbl(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void isoDateTimesAgreeWithJavaTime() {
        java.time.format.DateTimeFormatter iso = new java.time.format.DateTimeFormatterBuilder()
                .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd().append(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME)
                .toFormatter(Locale.ROOT).withResolverStyle(java.time.format.ResolverStyle.STRICT);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(random.nextInt(1, 9999), random.nextInt(1, 13), random.nextInt(1, 29),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
            String date = t.toLocalDate().toString();
            String hm = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
            String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).substring(0, random.nextInt(1, 10));
            String sep = random.nextBoolean() ? "T" : " ";
            for (String text : new String[]{date + sep + hm, date + sep + hm + String.format(Locale.ROOT, ":%02d", t.getSecond()),
                date + sep + hm + String.format(Locale.ROOT, ":%02d.", t.getSecond()) + fraction}) {
                byte[] b = text.getBytes(StandardCharsets.US_ASCII);
                assertThat(FastParse.parseIsoDateTime(b, 0, b.length)).as(text)
                        .isEqualTo(PackedDates.dateTime(java.time.LocalDateTime.parse(text, iso)));
            }
        }
        // Not ISO date-times (java.time rejects them too), or forms left to the general pattern: never a wrong value.
        for (String text : new String[]{"2024-02-30T10:00", "2024-01-01T24:00", "2024-01-01T10:60", "2024-01-01T10:00:60",
            "2024-01-01T10:00:00.", "2024-01-01T10:00:00.1234567890", "2024-01-01T10", "2024-01-01", "2024-01-01X10:00",
            "2024-01-01T10:00Z", "2024-1-01T10:00"}) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(FastParse.parseIsoDateTime(b, 0, b.length)).as(text).isEqualTo(Long.MIN_VALUE);
        }
    }

    @Test
    void numbers() {
        assertThat(dbl("39.1")).isEqualTo(39.1);
        assertThat(dbl(" 1e3 ")).isEqualTo(1000.0);
        assertThat(dbl(".5")).isEqualTo(0.5);
        assertThat(dbl("-0.0001")).isEqualTo(-0.0001);
        assertThat(dbl("1.7976931348623157E308")).isEqualTo(Double.MAX_VALUE);
        assertThat(dbl("abc")).isNaN();
        assertThat(dbl("1.2.3")).isNaN();
        assertThat(dbl("01.5")).isNaN();
        assertThat(dbl("1e")).isNaN();
        assertThat(lng("42")).isEqualTo(42);
        assertThat(lng("-9223372036854775807")).isEqualTo(-9223372036854775807L);
        assertThat(lng("9223372036854775808")).isEqualTo(FastParse.NOT_A_LONG);
        assertThat(lng("007")).isEqualTo(FastParse.NOT_A_LONG);
        assertThat(lng("0")).isEqualTo(0);
        assertThat(lng("1.0")).isEqualTo(FastParse.NOT_A_LONG);
    }

    @Test
    void isoDatesAreValidated() {
        byte[] ok = "2024-02-29".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = "2023-02-29".getBytes(StandardCharsets.US_ASCII);
        assertThat(FastParse.parseIsoDate(ok, 0, ok.length)).isNotEqualTo(Integer.MIN_VALUE);
        assertThat(FastParse.parseIsoDate(bad, 0, bad.length)).isEqualTo(Integer.MIN_VALUE);
    }
}
