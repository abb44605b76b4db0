package dev.baton.clean;

import dev.baton.batch.Batch;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;

/** Replaces text inside cells: a literal text, or a regular expression ($1 in the replacement refers to a group). */
public record ReplaceText(String column, String find, String replacement, boolean regex) implements RowOperation {

    @Override
    public String describe() {
        return "Replace " + (regex ? "/" + find + "/" : "'" + find + "'") + " with '" + (replacement == null ? "" : replacement) + "' in " + column;
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
    public void check() {
        Checks.name(column, "the column");
        if (find == null || find.isEmpty()) {
            throw new StepException(column, "enter the text to find");
        }
        if (regex) {
            Checks.regex(find);
        }
    }

    private java.util.function.UnaryOperator<String> replacer() {
        Pattern pattern = regex ? Checks.regex(find) : Pattern.compile(Pattern.quote(find));
        String with = replacement == null ? "" : regex ? replacement : Matcher.quoteReplacement(replacement);
        return s -> pattern.matcher(s).replaceAll(with);
    }

    @Override
    public Batch apply(Batch rows) {
        java.util.function.UnaryOperator<String> replace = replacer();
        try {
            return Rows.mapText(rows, List.of(column), "replacing text", replace);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new StepException(column, "the replacement '" + replacement + "' refers to a group the pattern does not have");
        }
    }
}
