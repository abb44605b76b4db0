package dev.baton.ui.data;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Arrays;

/**
 * Widths of text in one font, from a table of character widths measured once each: a grid that fits a few hundred
 * values per frame cannot lay out a Text node for every one of them. Kerning is left out; the grid clips each
 * cell anyway, so an estimate a pixel off shows as a pixel, never as text over the next column.
 */
final class TextWidths {

    private final Font font;
    private final float[] widths = new float[Character.MAX_VALUE + 1];
    private final Text probe = new Text();

    TextWidths(Font font) {
        this.font = font;
        Arrays.fill(widths, Float.NaN);
        probe.setFont(font);
    }

    Font font() {
        return font;
    }

    double width(char c) {
        float w = widths[c];
        if (Float.isNaN(w)) {
            probe.setText(String.valueOf(c));
            w = (float) probe.getLayoutBounds().getWidth();
            widths[c] = w;
        }
        return w;
    }

    double width(String s) {
        double total = 0;
        for (int i = 0; i < s.length(); i++) {
            total += width(s.charAt(i));
        }
        return total;
    }

    /** The text's width, or {@code cap} if it is wider (read no further than that). */
    double width(String s, double cap) {
        double total = 0;
        for (int i = 0; i < s.length() && total < cap; i++) {
            total += width(s.charAt(i));
        }
        return Math.min(total, cap);
    }

    /**
     * The text as it fits in {@code available} pixels: whole, or cut with an ellipsis at the end. Reads no further
     * into the text than fits, so a value of megabytes costs what a short one does.
     */
    String fit(String s, double available) {
        double total = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            total += width(s.charAt(i));
            if (total > available) {
                return cut(s, i, available);
            }
        }
        return s;
    }

    /** Whether the text needs more than {@code available} pixels. */
    boolean overflows(String s, double available) {
        double total = 0;
        for (int i = 0; i < s.length(); i++) {
            total += width(s.charAt(i));
            if (total > available) {
                return true;
            }
        }
        return false;
    }

    private String cut(String s, int overflowAt, double available) {
        double room = available - width('\u2026');
        double total = 0;
        int end = 0;
        while (end < overflowAt && total + width(s.charAt(end)) <= room) {
            total += width(s.charAt(end));
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + '\u2026';
    }
}
