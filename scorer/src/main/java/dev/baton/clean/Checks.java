package dev.baton.clean;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.List;

/** Parameter and column checks shared by the operations, with messages that name the column. */
final class Checks {

    private Checks() {
    }

    static void notEmpty(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new StepException(null, "choose at least one column to " + what);
        }
    }

    static void name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new StepException(null, what + " cannot be empty");
        }
    }

    /** Longer patterns are refused: recipes travel in bundles from other people. */
    static final int MAX_PATTERN_LENGTH = 1_000;

    /**
     * A user's regular expression, compiled by RE2/J: matching takes time linear in the text whatever the pattern
     * (java.util.regex took over 120 s for (.*a){20}x on 41 characters). RE2 has no look-around or back-references.
     */
    static Pattern regex(String regex) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new StepException(null, String.format("the pattern is %,d characters long; at most %,d are allowed",
                    regex.length(), MAX_PATTERN_LENGTH));
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            if (validElsewhere(regex)) {
                throw new StepException(null, "the pattern '" + regex + "' is not a regular expression Baton can use: " + e.getDescription()
                        + " (patterns run in linear time, so look-ahead, look-behind and back-references are not available)");
            }
            throw new StepException(null, "the pattern '" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    /** Whether Java's own engine would take the pattern (compiling runs no match, so this is safe). */
    private static boolean validElsewhere(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
            return true;
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    static String list(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : String.join(", ", columns);
    }
}
