package dev.baton.clean;

import dev.baton.batch.Batch;
import com.google.re2j.Pattern;
import dev.baton.data.ColumnType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a text column into several by a separator (literal or regular expression). The last new column takes
 * the rest of the text. The new columns' types are inferred once (fitted), so replay gives the same types.
 */
public record SplitColumn(String column, String separator, boolean regex, List<String> into, boolean keepOriginal,
                          List<ColumnType> fittedTypes) implements RowOperation {

    public SplitColumn {
        into = into == null ? List.of() : List.copyOf(into);
        fittedTypes = fittedTypes == null ? null : List.copyOf(fittedTypes);
    }

    public SplitColumn(String column, String separator, boolean regex, List<String> into, boolean keepOriginal) {
        this(column, separator, regex, into, keepOriginal, null);
    }

    @Override
    public String describe() {
        return "Split " + column + " at " + (regex ? "the pattern " : "") + "'" + separator + "' into " + Checks.list(into);
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
        List<String> out = new java.util.ArrayList<>(into);
        if (keepOriginal) {
            out.add(column);
        }
        return out;
    }

    @Override
    public void check() {
        Checks.name(column, "the column to split");
        if (separator == null || separator.isEmpty()) {
            throw new StepException(column, "the separator cannot be empty");
        }
        if (into.size() < 2) {
            throw new StepException(column, "name at least two new columns");
        }
        if (regex) {
            Checks.regex(separator);
        }
    }

    @Override
    public boolean hasFit() {
        return fittedTypes != null;
    }

    @Override
    public Batch apply(Batch rows) {
        if (fittedTypes == null) {
            throw StepException.notFitted(column, "the types of the pieces");
        }
        dev.baton.batch.TextColumn source = Rows.text(rows, column, "splitting");
        Pattern pattern = regex ? Checks.regex(separator) : Pattern.compile(Pattern.quote(separator));
        // Each distinct text is split, and each distinct piece typed, once.
        Map<String, Integer> index = new HashMap<>();
        List<List<String>> pieces = new ArrayList<>();
        for (int i = 0; i < into.size(); i++) {
            pieces.add(new ArrayList<>());
        }
        int[] codes = new int[rows.rows()];
        for (int r = 0; r < codes.length; r++) {
            String text = source.get(r);
            if (text == null) {
                codes[r] = -1;
                continue;
            }
            codes[r] = index.computeIfAbsent(text, t -> {
                String[] split = pattern.split(t, into.size());
                for (int i = 0; i < into.size(); i++) {
                    pieces.get(i).add(piece(split, i));
                }
                return pieces.get(0).size() - 1;
            });
        }
        Batch out = rows;
        String after = column;
        for (int i = 0; i < into.size(); i++) {
            String name = into.get(i).strip();
            out = Rows.add(out, name, dev.baton.batch.Typing.column(pieces.get(i), codes, fittedTypes.get(i), null), after);
            after = name;
        }
        return keepOriginal ? out : out.without(List.of(column));
    }

    /** Piece i of a split text, stripped; null when there is none or it is empty. */
    static String piece(String[] split, int i) {
        String piece = i < split.length ? split[i].strip() : null;
        return piece == null || piece.isEmpty() ? null : piece;
    }
}
