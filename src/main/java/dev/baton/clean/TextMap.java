package dev.baton.clean;

import dev.baton.data.Dataset;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applies a text function to every cell of text columns, once per distinct value (categorical columns repeat
 * few values over many rows, so this is what keeps a step on a million rows fast).
 */
final class TextMap {

    private TextMap() {
    }

    static Dataset apply(Dataset input, Iterable<String> columns, String operation, UnaryOperator<String> f) {
        Edit edit = Edit.of(input);
        for (String c : columns) {
            Checks.text(input, c, operation);
            StringColumn mapped = map(input.column(c), c, f);
            edit.replace(c, mapped, TextColumns.typeOf(mapped));
        }
        return edit.build();
    }

    static StringColumn map(Column<?> source, String name, UnaryOperator<String> f) {
        Map<String, String> cache = new HashMap<>();
        return TextColumns.build(name, source.size(), r -> {
            if (source.isMissing(r)) {
                return null;
            }
            return cache.computeIfAbsent(source.getString(r), f);
        });
    }
}
