package dev.baton.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Makes column names usable: blank names get a position-based name, duplicates a numeric suffix. */
public final class ColumnNames {

    /** The names to use, and a note for each change made. */
    public record Result(List<String> names, List<String> notes) {
    }

    private ColumnNames() {
    }

    /**
     * A name without byte-order marks: a file saved twice by a program that adds one (EF BB BF EF BB BF) keeps the
     * second after the first is read as the encoding's mark, and the first column would be called "\uFEFFid".
     */
    static String withoutMarks(String name) {
        return name == null || name.indexOf('\uFEFF') < 0 ? name : name.replace("\uFEFF", "");
    }

    /** Duplicates are found ignoring case, because Tablesaw looks columns up case-insensitively. */
    public static Result uniquify(List<String> given) {
        List<String> raw = given.stream().map(ColumnNames::withoutMarks).toList();
        List<String> names = new ArrayList<>(raw.size());
        List<String> notes = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String name : raw) {
            if (name != null && !name.isBlank()) {
                taken.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String original = raw.get(i) == null ? "" : raw.get(i);
            String name = original.trim();
            if (name.isEmpty()) {
                name = unique("column_" + (i + 1), used, taken);
                notes.add("Column " + (i + 1) + " has no name; it is called '" + name + "'.");
            } else if (used.contains(name.toLowerCase(Locale.ROOT))) {
                String renamed = unique(name, used, taken);
                notes.add("Column " + (i + 1) + " repeats the name '" + name + "'; it is called '" + renamed + "'.");
                name = renamed;
            } else if (!name.equals(original)) {
                notes.add("Column " + (i + 1) + " name '" + original + "' had surrounding spaces; it is called '" + name + "'.");
            }
            used.add(name.toLowerCase(Locale.ROOT));
            names.add(name);
        }
        return new Result(names, notes);
    }

    private static String unique(String base, Set<String> used, Set<String> taken) {
        if (!used.contains(base.toLowerCase(Locale.ROOT)) && !taken.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int k = 2; ; k++) {
            String candidate = base + "_" + k;
            String key = candidate.toLowerCase(Locale.ROOT);
            if (!used.contains(key) && !taken.contains(key)) {
                return candidate;
            }
        }
    }
}
