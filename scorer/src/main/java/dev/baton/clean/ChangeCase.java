package dev.baton.clean;

import dev.baton.batch.Batch;

import java.util.List;
import java.util.Locale;

/** Changes texts to lower case, upper case or title case. */
public record ChangeCase(List<String> columns, Case mode) implements RowOperation {

    public enum Case { LOWER, UPPER, TITLE }

    public ChangeCase {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "Change " + Checks.list(columns) + " to " + (mode == null ? "?" : mode.name().toLowerCase(Locale.ROOT)) + " case";
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        return columns;
    }

    @Override
    public void check() {
        Checks.notEmpty(columns, "change case");
        if (mode == null) {
            throw new StepException(columns.get(0), "choose lower, upper or title case");
        }
    }

    private String change(String s) {
        return switch (mode) {
            case LOWER -> s.toLowerCase(Locale.ROOT);
            case UPPER -> s.toUpperCase(Locale.ROOT);
            case TITLE -> title(s);
        };
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
            start = Character.isWhitespace(c) || c == '-';
        }
        return sb.toString();
    }

    @Override
    public Batch apply(Batch rows) {
        return Rows.mapText(rows, columns, "changing case", this::change);
    }
}
