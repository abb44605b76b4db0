package dev.baton.clean;

import dev.baton.data.Dataset;
import tech.tablesaw.columns.Column;

/** Fills a missing value from the previous (or next) row that has one: a whole-table step, for training data only. */
final class FillFromNeighbours {

    private FillFromNeighbours() {
    }

    static Dataset apply(FillMissing fill, Dataset input) {
        Edit edit = Edit.of(input);
        for (String c : fill.columns()) {
            if (!input.hasColumn(c)) {
                throw StepException.missingColumn(c);
            }
            edit.replace(c, carry(input.column(c), fill.method() == FillMissing.Method.FORWARD), input.type(c));
        }
        return edit.build();
    }

    private static Column<?> carry(Column<?> column, boolean forward) {
        int n = column.size();
        int[] source = new int[n];
        int last = -1;
        for (int i = 0; i < n; i++) {
            int r = forward ? i : n - 1 - i;
            if (!column.isMissing(r)) {
                last = r;
            }
            source[r] = last;
        }
        Column<?> out = column.emptyCopy();
        for (int r = 0; r < n; r++) {
            Cells.append(out, source[r] < 0 ? null : Cells.get(column, source[r]));
        }
        return out;
    }
}
