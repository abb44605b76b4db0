package dev.baton.bundle;

import dev.baton.clean.DatePart;

import java.util.List;

/**
 * Calendar arithmetic in the graph: the parts of a date from its days since 1970 by Howard Hinnant's civil-from-days,
 * in doubles with Floor for integer division (every value stays an exact integer well below 2^53); NaN stays NaN.
 */
final class CivilDates {

    private static final double MILLIS_PER_DAY = 86_400_000;

    private CivilDates() {
    }

    /** Days since 1970 of milliseconds since 1970 (the date of a date-time in UTC). */
    static String days(OnnxGraphBuilder g, String millis) {
        return g.floorDiv(millis, MILLIS_PER_DAY);
    }

    /** Milliseconds since 1970 of days since 1970 (a date at the start of its day, as java.time compares them). */
    static String millis(OnnxGraphBuilder g, String days) {
        return g.mul(days, MILLIS_PER_DAY);
    }

    /** One part of each date: year, quarter, month, day, weekday (1 = Monday) or day of the year. */
    static String part(OnnxGraphBuilder g, String days, DatePart.Part part) {
        if (part == DatePart.Part.WEEKDAY) {
            return g.add(g.mod(g.add(days, 3), 7), 1); // 1970-01-01 was a Thursday
        }
        String z = g.add(days, 719_468);
        String era = g.floorDiv(z, 146_097);
        String doe = g.sub(z, g.mul(era, 146_097));
        String yoe = g.floorDiv(g.sub(g.add(g.sub(doe, g.floorDiv(doe, 1460)), g.floorDiv(doe, 36_524)), g.floorDiv(doe, 146_096)), 365);
        String doy = g.sub(doe, g.add(g.mul(yoe, 365), g.sub(g.floorDiv(yoe, 4), g.floorDiv(yoe, 100))));
        String mp = g.floorDiv(g.add(g.mul(doy, 5), 2), 153);
        String day = g.add(g.sub(doy, g.floorDiv(g.add(g.mul(mp, 153), 2), 5)), 1);
        String month = g.sub(g.add(mp, 3), g.mul(g.asDouble(g.node("GreaterOrEqual", List.of(mp, g.constant(10.0)))), 12));
        String year = g.add(g.add(yoe, g.mul(era, 400)), g.asDouble(g.node("LessOrEqual", List.of(month, g.constant(2.0)))));
        return switch (part) {
            case YEAR -> year;
            case MONTH -> month;
            case DAY -> day;
            case QUARTER -> g.add(g.floorDiv(g.sub(month, 1), 3), 1);
            case DAY_OF_YEAR -> g.add(g.sub(days, firstOfJanuary(g, year)), 1);
            case WEEKDAY -> throw new IllegalStateException();
        };
    }

    /** Days since 1970 of the first of January of each year: Hinnant's days-from-civil for month 1, day 1. */
    private static String firstOfJanuary(OnnxGraphBuilder g, String year) {
        String y = g.sub(year, 1); // January counts in the year before, in a calendar that starts in March
        String era = g.floorDiv(y, 400);
        String yoe = g.sub(y, g.mul(era, 400));
        String doe = g.add(g.add(g.mul(yoe, 365), g.sub(g.floorDiv(yoe, 4), g.floorDiv(yoe, 100))), 306);
        return g.add(g.add(g.mul(era, 146_097), doe), -719_468);
    }
}
