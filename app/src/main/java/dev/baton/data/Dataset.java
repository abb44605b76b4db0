package dev.baton.data;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table in memory with its schema and its origin.
 *
 * <p>A dataset is a value: its table and columns are never changed after construction (Tablesaw is not
 * thread-safe, and the UI may be showing this table). Operations build a new dataset, sharing the
 * columns they did not touch.
 */
public final class Dataset {

    private final String name;
    private final Table table;
    private final Map<String, ColumnInfo> columns;
    private final DataSource source;
    private final List<String> notes;
    private final Map<String, Integer> missingCache = new ConcurrentHashMap<>();

    public Dataset(String name, Table table, List<ColumnInfo> columns, DataSource source, List<String> notes) {
        this(name, table, columns, source, notes, Map.of());
    }

    /** With the missing counts of some columns known already (an import counts them while typing). */
    Dataset(String name, Table table, List<ColumnInfo> columns, DataSource source, List<String> notes,
            Map<String, Integer> missingCounts) {
        this.missingCache.putAll(missingCounts);
        this.name = Objects.requireNonNull(name);
        this.table = Objects.requireNonNull(table);
        this.source = source;
        this.notes = notes == null ? List.of() : List.copyOf(notes);
        if (columns.size() != table.columnCount()) {
            throw new IllegalArgumentException("schema has " + columns.size() + " columns, table " + table.columnCount());
        }
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo info = columns.get(i);
            if (!table.column(i).name().equals(info.name())) {
                throw new IllegalArgumentException("schema column " + i + " is '" + info.name()
                        + "' but the table's is '" + table.column(i).name() + "'");
            }
            byName.put(info.name(), info);
        }
        this.columns = byName;
    }

    /** A dataset built in code (tests, derived tables): every column's type from its Tablesaw class. */
    public static Dataset of(String name, Table table) {
        List<ColumnInfo> infos = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            infos.add(ColumnInfo.of(column.name(), TablesawTypes.typeOf(column)));
        }
        return new Dataset(name, table, infos, null, List.of());
    }

    public String name() {
        return name;
    }

    /** The table. Callers must not modify it. */
    public Table table() {
        return table;
    }

    public DataSource source() {
        return source;
    }

    /** Things the user should know about how the data was read (renamed columns, skipped rows, encoding). */
    public List<String> notes() {
        return notes;
    }

    public int rowCount() {
        return table.rowCount();
    }

    public int columnCount() {
        return table.columnCount();
    }

    public List<ColumnInfo> columns() {
        return List.copyOf(columns.values());
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public boolean hasColumn(String columnName) {
        return columns.containsKey(columnName);
    }

    public ColumnInfo info(String columnName) {
        ColumnInfo info = columns.get(columnName);
        if (info == null) {
            throw new IllegalArgumentException("No column named '" + columnName + "'");
        }
        return info;
    }

    public ColumnType type(String columnName) {
        return info(columnName).type();
    }

    public Column<?> column(String columnName) {
        info(columnName);
        return table.column(columnName);
    }

    public int missingCount(String columnName) {
        return missingCache.computeIfAbsent(columnName, n -> column(n).countMissing());
    }

    public long missingCells() {
        long total = 0;
        for (String n : columns.keySet()) {
            total += missingCount(n);
        }
        return total;
    }

    /** A new dataset with another table and schema, keeping this one's name, source and notes. */
    public Dataset with(Table newTable, List<ColumnInfo> newColumns) {
        return new Dataset(name, newTable, newColumns, source, notes);
    }

    /** Only the given rows, in this order, across all columns (Tablesaw's Table.rows would sort them). */
    public Dataset rows(int[] rows) {
        Table subset = Table.create(table.name());
        for (Column<?> column : table.columns()) {
            subset.addColumns(column.subset(rows));
        }
        return with(subset, columns());
    }

    public Dataset withName(String newName) {
        return new Dataset(newName, table, columns(), source, notes);
    }

    /** An estimate of the memory the columns take, in bytes (computed once). */
    public long memoryBytes() {
        long known = memory;
        if (known < 0) {
            known = 0;
            for (Column<?> column : table.columns()) {
                known += memoryOf(column);
            }
            memory = known;
        }
        return known;
    }

    private volatile long memory = -1;

    /**
     * Computes what a window shows of every dataset (each column's missing count, the memory it takes), so that the
     * thread that made the dataset pays for it, not the one that shows it: on a million rows each is a pass over
     * every column. Returns this dataset.
     */
    public Dataset summarized() {
        for (String name : columns.keySet()) {
            missingCount(name);
        }
        memoryBytes();
        return this;
    }

    private static long memoryOf(Column<?> column) {
        int n = column.size();
        if (column instanceof StringColumn strings) {
            int unique = strings.countUnique();
            int keyBytes = unique <= 255 ? 1 : unique <= 65_535 ? 2 : 4;
            long sampleChars = 0;
            int sampled = Math.min(n, 1000);
            for (int i = 0; i < sampled; i++) {
                sampleChars += strings.get(i).length();
            }
            double avg = sampled == 0 ? 0 : (double) sampleChars / sampled;
            return (long) n * keyBytes + (long) (unique * (avg + 56 + 16));
        }
        return (long) n * Math.max(1, column.byteSize());
    }

    @Override
    public String toString() {
        return name + " (" + rowCount() + " rows x " + columnCount() + " columns)";
    }
}
