package dev.baton.bundle;

import dev.baton.util.OnnxProtos;

import java.util.List;

/**
 * Texts against known values in the graph: equality once a column's pending case change or trim is made, blanks,
 * and patterns (RE2, the syntax of {@code RegexFullMatch}).
 */
final class TextLevels {

    private final OnnxGraphBuilder g;

    TextLevels(OnnxGraphBuilder g) {
        this.g = g;
    }

    /** What Java's String.strip removes (Character.isWhitespace), as an RE2 character class. */
    static final String WHITESPACE = "[\\t\\n\\x{0B}\\f\\r\\x{1C}-\\x{1F} \\x{1680}\\x{2000}-\\x{2006}\\x{2008}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{205F}\\x{3000}]";

    /** Any character but those Java's String.strip removes. */
    private static final String NOT_WHITESPACE = "[^" + WHITESPACE.substring(1);

    /**
     * Whether each text equals {@code level} once its pending changes are made. Lower-cased text equals a level only if
     * the level is lower case, and then exactly when the text matches it ignoring case (RE2's case folding: 'K', 'k'
     * and the Kelvin sign alike, as Java's lower-casing has it); upper case likewise. Trimmed text equals a level when
     * the level is what is left between leading and trailing whitespace as Java's strip() sees it. The first word (the
     * stripped text up to its first space) equals a level when the text is whitespace, the level, then a space and
     * anything, or only whitespace; a level ending in whitespace (a tab before the space) needs something else after it.
     */
    String equalsLevel(GraphColumn c, String level) {
        if (!c.changesPending()) {
            return g.node("Equal", List.of(c.tensor(), g.constant(level)));
        }
        String changed = c.pending() == GraphColumn.Case.LOWER ? level.toLowerCase(java.util.Locale.ROOT)
                : c.pending() == GraphColumn.Case.UPPER ? level.toUpperCase(java.util.Locale.ROOT) : level;
        boolean never = !changed.equals(level)
                || (c.firstWord() ? level.isEmpty() || level.indexOf(' ') >= 0 || !level.stripLeading().equals(level)
                        : c.trimmed() && !level.strip().equals(level));
        if (never) {
            return g.node("And", List.of(c.missing(), g.constant(false))); // no text is this level after the change
        }
        if (c.pending() != GraphColumn.Case.NONE && !level.chars().allMatch(ch -> ch < 128)) {
            throw new NoOnnxForm("the category '" + level + "' of '" + c.tensor() + "' has letters beyond ASCII after a case change, "
                    + "which the graph cannot compare exactly");
        }
        String spaces = WHITESPACE + "*";
        String body;
        if (c.firstWord()) {
            body = spaces + quoteRe2(level) + (level.stripTrailing().equals(level) ? "(\\x20(?s:.*))?" + spaces
                    : "\\x20(?s:.*)" + NOT_WHITESPACE + "(?s:.*)");
        } else {
            String around = c.trimmed() ? spaces : "";
            body = around + quoteRe2(level) + around;
        }
        return matches(c.tensor(), (c.pending() != GraphColumn.Case.NONE ? "(?i)" : "") + body);
    }

    static String quoteRe2(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** What Baton's readers trim around a value before reading it (FastParse): spaces and tabs. */
    static final String SPACE_OR_TAB = "[ \\t]";

    /**
     * Texts read as yes/no as Baton's readers read them: true, yes, t, y as 1 and false, no, f, n as 0, in any ASCII case
     * (spelled out: RE2's (?i) would also take the long s and the Kelvin sign), with {@code space} around; else NaN.
     */
    String yesNo(String tensor, String missing, String space) {
        String yes = matches(tensor, space + "*(" + anyAsciiCase("true|yes|t|y") + ")" + space + "*");
        String no = matches(tensor, space + "*(" + anyAsciiCase("false|no|f|n") + ")" + space + "*");
        String value = g.node("Where", List.of(yes, g.constant(1.0), g.node("Where", List.of(no, g.constant(0.0), g.constant(Double.NaN)))));
        return g.node("Where", List.of(missing, g.constant(Double.NaN), value));
    }

    private static String anyAsciiCase(String words) {
        StringBuilder out = new StringBuilder();
        for (char ch : words.toCharArray()) {
            out.append(Character.isLetter(ch) ? "[" + Character.toUpperCase(ch) + ch + "]" : String.valueOf(ch));
        }
        return out.toString();
    }

    /** Whether each text is nothing but whitespace (empty included): what Java's strip() leaves empty. */
    String blank(String tensor) {
        return matches(tensor, WHITESPACE + "*");
    }

    /** Whether each whole text matches an RE2 pattern. */
    String matches(String tensor, String pattern) {
        return g.node("RegexFullMatch", List.of(tensor), OnnxProtos.attribute("pattern", pattern));
    }
}
