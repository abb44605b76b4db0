package dev.baton.clean;

import dev.baton.batch.Batch;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Extracts part of each text: a regular-expression group, or the first word. Into a new column, or in place
 * when {@code into} is empty. Texts without a match become missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtractText(String column, Mode mode, String pattern, Integer group, String into) implements RowOperation {

    public enum Mode { FIRST_WORD, REGEX }

    @Override
    public String describe() {
        String what = mode == Mode.FIRST_WORD ? "the first word" : "group " + (group == null ? 1 : group) + " of /" + pattern + "/";
        return "Extract " + what + " of " + column + (into == null || into.isBlank() ? "" : " into " + into);
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

    @Override
    public void check() {
        Checks.name(column, "the column");
        if (mode == null) {
            throw new StepException(column, "choose what to extract");
        }
        if (mode == Mode.REGEX) {
            if (pattern == null || pattern.isEmpty()) {
                throw new StepException(column, "the pattern cannot be empty");
            }
            Pattern p = Checks.regex(pattern);
            int g = group == null ? 1 : group;
            if (g < 0 || g > p.matcher("").groupCount()) {
                throw new StepException(column, "the pattern has " + p.matcher("").groupCount() + " groups; group " + g + " does not exist");
            }
        }
    }

    @Override
    public Batch apply(Batch rows) {
        dev.baton.batch.TextColumn source = Rows.text(rows, column, "extracting");
        boolean inPlace = into == null || into.isBlank();
        String name = inPlace ? column : into.strip();
        java.util.function.UnaryOperator<String> extract;
        if (mode == Mode.FIRST_WORD) {
            extract = s -> {
                String t = s.strip();
                int space = t.indexOf(' ');
                return space < 0 ? t : t.substring(0, space);
            };
        } else {
            Pattern p = Checks.regex(pattern);
            int g = group == null ? 1 : group;
            extract = s -> {
                Matcher m = p.matcher(s);
                return m.find() ? m.group(g) : null;
            };
        }
        String[] out = new String[rows.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = source.get(r) == null ? null : extract.apply(source.get(r));
        }
        dev.baton.batch.TextColumn result = Rows.texts(out);
        return inPlace ? rows.with(column, result, null) : Rows.add(rows, name, result, column);
    }
}
