package dev.baton.data;

/** When a string column counts as categorical rather than free text. */
public final class CategoryRule {

    private CategoryRule() {
    }

    /**
     * Categorical when the values are short and repeat: at most half as many distinct values as filled
     * cells (or at most 20 distinct values, some repeated), and an average length of at most 40 characters.
     */
    public static boolean isCategorical(long distinct, long present, double averageLength) {
        if (present == 0) {
            return false;
        }
        if (averageLength > 40) {
            return false;
        }
        return distinct <= present / 2 || (distinct <= 20 && distinct < present);
    }
}
