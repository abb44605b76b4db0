package dev.baton.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows to score, held as named columns of plain arrays: what the bundle's recipe steps, preparation and model work
 * on outside the workbench (no table library, so a service or a Spark executor that embeds the scorer carries
 * none). Immutable: a step makes a new batch that shares the columns it did not change.
 */
public final class Batch {

    private final int rows;
    private final LinkedHashMap<String, Column> columns;

    private Batch(int rows, LinkedHashMap<String, Column> columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** A batch of the given columns in this order; all must have {@code rows} cells. */
    public static Batch of(int rows, Map<String, ? extends Column> columns) {
        LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
        columns.forEach((name, column) -> {
            if (column.size() != rows) {
                throw new IllegalArgumentException("column " + name + " has " + column.size() + " cells, not " + rows);
            }
            copy.put(name, column);
        });
        return new Batch(rows, copy);
    }

    public int rows() {
        return rows;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The column of that name, or null. */
    public Column column(String name) {
        return columns.get(name);
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public Map<String, Column> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /** This batch with {@code name} replaced by {@code column} where it stands, or added after {@code after} (at the end when null or absent). */
    public Batch with(String name, Column column, String after) {
        if (column.size() != rows) {
            throw new IllegalArgumentException("column " + name + " has " + column.size() + " cells, not " + rows);
        }
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        if (columns.containsKey(name)) {
            columns.forEach((n, c) -> out.put(n, n.equals(name) ? column : c));
            return new Batch(rows, out);
        }
        boolean placed = false;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            out.put(e.getKey(), e.getValue());
            if (e.getKey().equals(after)) {
                out.put(name, column);
                placed = true;
            }
        }
        if (!placed) {
            out.put(name, column);
        }
        return new Batch(rows, out);
    }

    public Batch without(List<String> names) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>(columns);
        names.forEach(out::remove);
        return new Batch(rows, out);
    }

    public Batch renamed(String from, String to) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        columns.forEach((n, c) -> out.put(n.equals(from) ? to : n, c));
        return new Batch(rows, out);
    }

    /** The named columns first, in this order, then the others as they were. */
    public Batch reordered(List<String> first) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        for (String name : first) {
            out.put(name, columns.get(name));
        }
        columns.forEach(out::putIfAbsent);
        return new Batch(rows, out);
    }

    /** Only the named columns, in the given order. */
    public Batch keeping(List<String> names) {
        LinkedHashMap<String, Column> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, columns.get(name));
        }
        return new Batch(rows, out);
    }

    @Override
    public String toString() {
        return rows + " rows x " + new ArrayList<>(columns.keySet());
    }
}
