package dev.baton.clean;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the dataset a step produces from the one it received. Unchanged columns are shared, never copied or
 * modified, because earlier states stay alive for undo; a renamed column is a renamed copy.
 */
final class Edit {

    private final Dataset input;
    private final LinkedHashMap<String, Column<?>> columns = new LinkedHashMap<>();
    private final Map<String, ColumnInfo> infos = new LinkedHashMap<>();

    Edit(Dataset input) {
        this.input = input;
        for (ColumnInfo info : input.columns()) {
            columns.put(info.name(), input.table().column(info.name()));
            infos.put(info.name(), info);
        }
    }

    static Edit of(Dataset input) {
        return new Edit(input);
    }

    Edit replace(String name, Column<?> column, ColumnType type) {
        require(name);
        if (!column.name().equals(name)) {
            column = column.copy().setName(name);
        }
        columns.put(name, column);
        infos.put(name, ColumnInfo.of(name, type));
        return this;
    }

    /** Adds a column right after {@code after} (or at the end when null); the name must be new. */
    Edit add(Column<?> column, ColumnType type, String after) {
        String name = column.name();
        checkNewName(name);
        LinkedHashMap<String, Column<?>> reordered = new LinkedHashMap<>();
        Map<String, ColumnInfo> reorderedInfos = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Column<?>> e : columns.entrySet()) {
            reordered.put(e.getKey(), e.getValue());
            reorderedInfos.put(e.getKey(), infos.get(e.getKey()));
            if (e.getKey().equals(after)) {
                reordered.put(name, column);
                reorderedInfos.put(name, ColumnInfo.of(name, type));
                placed = true;
            }
        }
        if (!placed) {
            reordered.put(name, column);
            reorderedInfos.put(name, ColumnInfo.of(name, type));
        }
        columns.clear();
        columns.putAll(reordered);
        infos.clear();
        infos.putAll(reorderedInfos);
        return this;
    }

    Edit drop(Collection<String> names) {
        for (String name : names) {
            require(name);
            columns.remove(name);
            infos.remove(name);
        }
        return this;
    }

    Edit rename(String from, String to) {
        require(from);
        if (!from.equalsIgnoreCase(to)) {
            checkNewName(to);
        }
        LinkedHashMap<String, Column<?>> renamed = new LinkedHashMap<>();
        Map<String, ColumnInfo> renamedInfos = new LinkedHashMap<>();
        for (Map.Entry<String, Column<?>> e : columns.entrySet()) {
            if (e.getKey().equals(from)) {
                renamed.put(to, e.getValue().copy().setName(to));
                renamedInfos.put(to, infos.get(from).withName(to));
            } else {
                renamed.put(e.getKey(), e.getValue());
                renamedInfos.put(e.getKey(), infos.get(e.getKey()));
            }
        }
        columns.clear();
        columns.putAll(renamed);
        infos.clear();
        infos.putAll(renamedInfos);
        return this;
    }

    /** Puts the named columns first, in this order; the others follow in their current order. */
    Edit reorder(List<String> first) {
        LinkedHashMap<String, Column<?>> reordered = new LinkedHashMap<>();
        Map<String, ColumnInfo> reorderedInfos = new LinkedHashMap<>();
        for (String name : first) {
            require(name);
            reordered.put(name, columns.get(name));
            reorderedInfos.put(name, infos.get(name));
        }
        for (Map.Entry<String, Column<?>> e : columns.entrySet()) {
            if (!reordered.containsKey(e.getKey())) {
                reordered.put(e.getKey(), e.getValue());
                reorderedInfos.put(e.getKey(), infos.get(e.getKey()));
            }
        }
        columns.clear();
        columns.putAll(reordered);
        infos.clear();
        infos.putAll(reorderedInfos);
        return this;
    }

    Column<?> column(String name) {
        require(name);
        return columns.get(name);
    }

    boolean has(String name) {
        return columns.containsKey(name);
    }

    private void require(String name) {
        if (!columns.containsKey(name)) {
            throw StepException.missingColumn(name);
        }
    }

    private void checkNewName(String name) {
        Rows.checkNewName(name, columns.keySet());
    }

    Dataset build() {
        Table table = Table.create(input.table().name());
        table.addColumns(columns.values().toArray(Column<?>[]::new));
        return input.with(table, new ArrayList<>(infos.values()));
    }

    /** Keeps only the given rows, in this order, across all columns (Tablesaw's Table.rows would sort them). */
    static Dataset rows(Dataset input, int[] rows) {
        return input.rows(rows);
    }
}
