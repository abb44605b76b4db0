package dev.baton.clean;

import dev.baton.data.ColumnType;
import dev.baton.data.TablesawTypes;
import tech.tablesaw.api.StringColumn;

import java.util.function.IntFunction;

/** Builds text columns from per-row values, typed categorical or text by the same rule as import. */
final class TextColumns {

    private TextColumns() {
    }

    static StringColumn build(String name, int rows, IntFunction<String> value) {
        StringColumn out = StringColumn.create(name);
        for (int r = 0; r < rows; r++) {
            String v = value.apply(r);
            if (v == null || v.isEmpty()) {
                out.appendMissing();
            } else {
                out.append(v);
            }
        }
        return out;
    }

    static ColumnType typeOf(StringColumn column) {
        return TablesawTypes.typeOf(column);
    }
}
