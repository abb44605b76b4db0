package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.ColumnType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads texts as dates (or date-times, when the pattern has hours) with a pattern such as dd/MM/yyyy;
 * texts that do not match become missing and are counted.
 */
public record ParseDate(String column, String pattern, String into) implements RowOperation {

    @Override
    public String describe() {
        return "Read " + column + " as dates with the pattern " + pattern + (into == null || into.isBlank() ? "" : " into " + into);
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
        return List.of(into == null || into.isBlank() ? column : into.strip());
    }

    private DateTimeFormatter formatter() {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new StepException(column, "the date pattern '" + pattern + "' is not valid: " + e.getMessage());
        }
    }

    private boolean hasTime() {
        return pattern.matches(".*[HhkKmsSa].*");
    }

    @Override
    public void check() {
        Checks.name(column, "the column");
        if (pattern == null || pattern.isBlank()) {
            throw new StepException(column, "enter a date pattern such as yyyy-MM-dd or dd/MM/yyyy");
        }
        formatter();
    }

    @Override
    public Batch apply(Batch rows) {
        dev.baton.batch.TextColumn source = Rows.text(rows, column, "reading dates");
        DateTimeFormatter f = formatter();
        String name = into == null || into.isBlank() ? column : into.strip();
        boolean time = hasTime();
        Map<String, Double> cache = new HashMap<>();
        double[] out = new double[rows.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = source.get(r) == null ? Double.NaN : cache.computeIfAbsent(source.get(r).strip(), s -> {
                try {
                    return time ? dev.baton.batch.NumberColumn.millis(LocalDateTime.parse(s, f)) : (double) LocalDate.parse(s, f).toEpochDay();
                } catch (DateTimeParseException e) {
                    return Double.NaN;
                }
            });
        }
        dev.baton.batch.NumberColumn dates = new dev.baton.batch.NumberColumn(time ? ColumnType.DATETIME : ColumnType.DATE, out);
        return name.equals(column) ? rows.with(column, dates, null) : Rows.add(rows, name, dates, column);
    }
}
