package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.ColumnType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** Takes the year, quarter, month, day, weekday (1 = Monday) or day of year of a date into a new integer column. */
public record DatePart(String column, Part part, String into) implements RowOperation {

    public enum Part { YEAR, QUARTER, MONTH, DAY, WEEKDAY, DAY_OF_YEAR }

    private String target() {
        return into == null || into.isBlank() ? column + "_" + part.name().toLowerCase(Locale.ROOT) : into.strip();
    }

    @Override
    public String describe() {
        return "Take the " + part.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + column + " as " + target();
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public List<String> outputs() {
        return List.of(target());
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if (part == null) {
            throw new StepException(column, "choose which part of the date to take");
        }
    }

    private int part(LocalDate d) {
        return switch (part) {
            case YEAR -> d.getYear();
            case QUARTER -> (d.getMonthValue() - 1) / 3 + 1;
            case MONTH -> d.getMonthValue();
            case DAY -> d.getDayOfMonth();
            case WEEKDAY -> d.getDayOfWeek().getValue();
            case DAY_OF_YEAR -> d.getDayOfYear();
        };
    }

    @Override
    public Batch apply(Batch rows) {
        dev.baton.batch.NumberColumn source = Rows.temporal(rows, column, "taking a date part");
        double[] out = new double[rows.rows()];
        for (int r = 0; r < out.length; r++) {
            Object v = source.value(r);
            out[r] = v == null ? Double.NaN : part(v instanceof LocalDateTime dt ? dt.toLocalDate() : (LocalDate) v);
        }
        return Rows.add(rows, target(), new dev.baton.batch.NumberColumn(ColumnType.INTEGER, out), column);
    }
}
