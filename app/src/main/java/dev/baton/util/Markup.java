package dev.baton.util;

/** Text made safe inside HTML, XHTML and SVG: markup characters become entities, and characters XML forbids are dropped. */
public final class Markup {

    private Markup() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isBidiControl(ch)) {
                        // An override or isolate from the data would reorder the text after it (a value reversing
                        // the rest of a sentence); shown instead, as the invisible character it is.
                        out.append(String.format("[U+%04X]", (int) ch));
                    } else if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        // XML 1.0 allows no control characters but tab and line breaks.
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): the characters that reorder text around them. */
    static boolean isBidiControl(char ch) {
        return (ch >= '\u202a' && ch <= '\u202e') || (ch >= '\u2066' && ch <= '\u2069');
    }

    /** Opens an isolated run in text made by Baton: a renderer turns it into {@code <bdi>}, or drops it. */
    public static final char ISOLATE_START = '\ue000';
    public static final char ISOLATE_END = '\ue001';

    /**
     * A value from the data, set inside a sentence Baton writes: marked so that right-to-left letters in it cannot
     * move the sentence's own words and numbers around it. Text with no right-to-left letter is returned as it is.
     */
    public static String isolate(String value) {
        if (value == null || value.chars().noneMatch(Markup::rightToLeft)) {
            return value;
        }
        String inner = value.replace(String.valueOf(ISOLATE_START), "").replace(String.valueOf(ISOLATE_END), "");
        return ISOLATE_START + inner + ISOLATE_END;
    }

    private static boolean rightToLeft(int ch) {
        byte d = Character.getDirectionality(ch);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** Plain text with Baton's isolated runs as the Unicode isolate characters (FSI ... PDI), for text widgets. */
    public static String withIsolates(String s) {
        return s == null ? null : s.replace(ISOLATE_START, '\u2068').replace(ISOLATE_END, '\u2069');
    }
}
