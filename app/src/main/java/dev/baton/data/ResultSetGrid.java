package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JDBC result into a {@link FieldGrid}, one row at a time (the driver fetches in batches, so nothing holds the
 * whole result but the grid), with each column's type from the result's metadata. Shared by queries and Parquet.
 *
 * <p>Every value becomes the text Baton reads it as: integers and decimals as the database writes them, floating
 * point as Java's shortest exact text, booleans as true/false, dates as ISO-8601, timestamps as ISO-8601 local time,
 * timestamps with a time zone converted to UTC, NULL as missing. The SHA-256 of the column names and these texts (each
 * cell as a marker byte, NULL or present, then its length and UTF-8 bytes) is the result's fingerprint: the same rows
 * in the same order give the same fingerprint, whatever the driver or the transfer format.
 */
final class ResultSetGrid {

    /** How a column's values are read. */
    private enum Reader { TEXT, FLOAT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_UTC, BINARY, STRUCT }

    /** PostgreSQL types (Types.OTHER) whose text is a plain value: read as text and typed like text in a file. */
    private static final Set<String> TEXT_LIKE = Set.of("uuid", "citext", "inet", "cidr", "macaddr", "macaddr8", "name",
            "bpchar", "enum", "varchar", "text");

    /** One column of the result: its name, how it is read, the type Baton gives it (null: inferred from the text). */
    record Column(String name, String databaseType, Reader reader, ColumnType declared, boolean unsupported) {

        /** True when the server's own text of a value is what this reader makes of it (PostgreSQL's text transfer). */
        boolean readAsServerText() {
            return !unsupported && reader != Reader.TIMESTAMP_UTC && reader != Reader.BINARY && reader != Reader.STRUCT;
        }
    }

    /** The result's columns, those Baton cannot hold listed apart. */
    record Columns(List<Column> all, List<String> names, List<String> notes) {

        List<Column> kept() {
            return all.stream().filter(c -> !c.unsupported()).toList();
        }

        List<Column> leftOut() {
            return all.stream().filter(Column::unsupported).toList();
        }
    }

    /** What was read: the grid of the kept columns, their names and declared types, the rows and the fingerprint. */
    record Read(FieldGrid grid, List<String> names, Map<String, Object> declared, long rows, String sha256) {
    }

    private ResultSetGrid() {
    }

    /**
     * The columns of a result. Columns of types Baton cannot hold (arrays, JSON, binary, intervals, nested records)
     * are read as text when {@code unsupportedAsText}, else left out with a note that names them.
     */
    static Columns describe(ResultSetMetaData meta, boolean unsupportedAsText, String source) throws SQLException {
        int width = meta.getColumnCount();
        if (width > 10_000) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, source + " has " + width
                    + " columns; Baton reads at most 10,000.");
        }
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            labels.add(meta.getColumnLabel(c));
        }
        ColumnNames.Result unique = ColumnNames.uniquify(labels);
        List<Column> all = new ArrayList<>();
        List<String> notes = new ArrayList<>(unique.notes());
        List<String> leftOut = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            String name = unique.names().get(c - 1);
            int sqlType = meta.getColumnType(c);
            String typeName = meta.getColumnTypeName(c) == null ? "" : meta.getColumnTypeName(c).toLowerCase(Locale.ROOT);
            if (typeName.startsWith("_") && sqlType == Types.ARRAY) {
                typeName = typeName.substring(1) + "[]"; // PostgreSQL names an array type by its element type after an underscore
            }
            Column column = column(name, sqlType, typeName, meta.getPrecision(c));
            if (column.unsupported()) {
                if (unsupportedAsText) {
                    column = new Column(name, column.databaseType(), column.reader(), null, false);
                    notes.add("Column '" + name + "' (" + typeName + ") was read as text, as asked.");
                } else {
                    leftOut.add("'" + name + "' (" + typeName + ")");
                }
            }
            all.add(column);
        }
        if (!leftOut.isEmpty()) {
            notes.add(0, "Left out " + leftOut.size() + " column" + (leftOut.size() == 1 ? "" : "s")
                    + " of a type Baton cannot hold: " + String.join(", ", leftOut) + ". Cast "
                    + (leftOut.size() == 1 ? "it" : "them") + " in the query (for example to text or numeric), or read "
                    + "such columns as text.");
        }
        List<String> names = all.stream().filter(col -> !col.unsupported()).map(Column::name).toList();
        if (names.isEmpty()) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, source + " returns no column Baton can hold: "
                    + String.join(", ", leftOut) + ". Cast them in the query, or read such columns as text.");
        }
        return new Columns(all, names, notes);
    }

    private static Column column(String name, int sqlType, String typeName, int precision) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
                    new Column(name, typeName, Reader.TEXT, ColumnType.INTEGER, false);
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> typeName.equals("money")
                    ? new Column(name, typeName, Reader.TEXT, null, true)
                    : new Column(name, typeName, Reader.FLOAT, ColumnType.DECIMAL, false);
            case Types.DECIMAL, Types.NUMERIC -> typeName.equals("hugeint") || typeName.equals("uhugeint")
                    ? new Column(name, typeName, Reader.TEXT, ColumnType.INTEGER, false)
                    : new Column(name, typeName, Reader.TEXT, ColumnType.DECIMAL, false);
            case Types.BOOLEAN -> new Column(name, typeName, Reader.BOOLEAN, ColumnType.BOOLEAN, false);
            // PostgreSQL's bool is BIT; bit(n) strings of n > 1 bits are not truth values.
            case Types.BIT -> typeName.equals("bit") && precision > 1
                    ? new Column(name, typeName, Reader.TEXT, null, false)
                    : new Column(name, typeName, Reader.BOOLEAN, ColumnType.BOOLEAN, false);
            case Types.DATE -> new Column(name, typeName, Reader.DATE, ColumnType.DATE, false);
            case Types.TIMESTAMP -> typeName.equals("timestamptz")
                    ? new Column(name, typeName, Reader.TIMESTAMP_UTC, ColumnType.DATETIME, false)
                    : new Column(name, typeName, Reader.TIMESTAMP, ColumnType.DATETIME, false);
            case Types.TIMESTAMP_WITH_TIMEZONE -> new Column(name, typeName, Reader.TIMESTAMP_UTC, ColumnType.DATETIME, false);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                 Types.NCLOB, Types.TIME, Types.TIME_WITH_TIMEZONE -> new Column(name, typeName, Reader.TEXT, null, false);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> new Column(name, typeName, Reader.BINARY, null, true);
            case Types.STRUCT -> new Column(name, typeName, Reader.STRUCT, null, true);
            case Types.OTHER, Types.JAVA_OBJECT -> TEXT_LIKE.contains(typeName)
                    ? new Column(name, typeName, Reader.TEXT, null, false)
                    : new Column(name, typeName, Reader.TEXT, null, true);
            // arrays, JSON, intervals, XML, ranges, geometric types, maps
            default -> new Column(name, typeName, Reader.TEXT, null, true);
        };
    }

    /**
     * Reads every row. Checks for cancellation every few thousand rows (a query still running on the server is
     * cancelled by the caller's watcher).
     *
     * @param what what the progress bar says ("Reading rows")
     */
    static Read read(ResultSet rs, Columns columns, Progress progress, long total, String what) throws SQLException {
        return read(rs, columns, progress, total, what, false, 0);
    }

    /**
     * As {@link #read(ResultSet, Columns, Progress, long, String)}; {@code wireText}: the driver holds each value as the
     * database's own UTF-8 text (PostgreSQL's text transfer), so numbers and text are taken as those bytes, without
     * making a Java string of each. Floating point, dates and timestamps without a zone then keep the database's text
     * (PostgreSQL writes the shortest text that reads back exactly, and ISO dates); timestamps with a zone are still
     * converted to UTC, so the session's time zone never changes the values or the fingerprint. {@code maxRows}: stop
     * after that many rows (0: read all), for drivers that do not take a statement's maximum (DuckDB).
     */
    static Read read(ResultSet rs, Columns columns, Progress progress, long total, String what, boolean wireText, int maxRows)
            throws SQLException {
        List<Column> all = columns.all();
        int width = all.size();
        Reader[] readers = new Reader[width];
        boolean[] keep = new boolean[width];
        for (int c = 0; c < width; c++) {
            readers[c] = all.get(c).reader();
            keep[c] = !all.get(c).unsupported();
        }
        List<String> names = columns.names();
        Map<String, Object> declared = new HashMap<>();
        for (Column c : columns.kept()) {
            if (c.declared() != null) {
                declared.put(c.name(), c.declared());
            }
        }
        Canonical sha = new Canonical();
        for (String name : names) {
            sha.cell(name.getBytes(StandardCharsets.UTF_8));
        }
        boolean[] raw = new boolean[width];
        for (int c = 0; c < width; c++) {
            // Dates and local timestamps too: the driver asks for ISO dates (DateStyle ISO), which the typer reads.
            raw[c] = wireText && (readers[c] == Reader.TEXT || readers[c] == Reader.FLOAT || readers[c] == Reader.DATE
                    || readers[c] == Reader.TIMESTAMP);
        }
        FieldGridBuilder grid = new FieldGridBuilder(names.size());
        long row = 0;
        while ((maxRows <= 0 || row < maxRows) && rs.next()) {
            for (int c = 0; c < width; c++) {
                if (!keep[c]) {
                    continue;
                }
                byte[] bytes;
                if (raw[c]) {
                    bytes = rs.getBytes(c + 1);
                } else {
                    String text = text(rs, c + 1, readers[c]);
                    bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                }
                if (bytes == null) {
                    grid.add((String) null);
                    sha.missing();
                } else {
                    grid.add(bytes);
                    sha.cell(bytes);
                }
            }
            row++;
            grid.endRow((int) Math.min(Integer.MAX_VALUE, row));
            if ((row & 0x1FFF) == 0) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                progress.update(row, total, String.format("%s: %,d so far", what, row));
            }
        }
        return new Read(grid.build(), names, declared, row, sha.hex());
    }

    /** The canonical serialization fed to SHA-256 through a buffer: one digest call per 64 KB, not three per cell. */
    private static final class Canonical {
        private final MessageDigest sha = sha256();
        private final byte[] buffer = new byte[1 << 16];
        private int size;

        void missing() {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = 0;
        }

        void cell(byte[] bytes) {
            int n = bytes.length;
            if (size + 5 > buffer.length) {
                flush();
            }
            buffer[size] = 1;
            buffer[size + 1] = (byte) (n >>> 24);
            buffer[size + 2] = (byte) (n >>> 16);
            buffer[size + 3] = (byte) (n >>> 8);
            buffer[size + 4] = (byte) n;
            size += 5;
            if (size + n > buffer.length) {
                flush();
                if (n > buffer.length) {
                    sha.update(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, size, n);
            size += n;
        }

        private void flush() {
            sha.update(buffer, 0, size);
            size = 0;
        }

        String hex() {
            flush();
            return java.util.HexFormat.of().formatHex(sha.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The text Baton reads a column's value as, null for NULL (see the class comment). */
    static String text(ResultSet rs, int column, Column c) throws SQLException {
        return text(rs, column, c.reader());
    }

    private static String text(ResultSet rs, int column, Reader reader) throws SQLException {
        return switch (reader) {
            case TEXT -> rs.getString(column);
            case FLOAT -> {
                double d = rs.getDouble(column);
                yield rs.wasNull() || !Double.isFinite(d) ? null : Double.toString(d);
            }
            case BOOLEAN -> {
                boolean b = rs.getBoolean(column);
                yield rs.wasNull() ? null : (b ? "true" : "false");
            }
            case DATE -> {
                LocalDate d = rs.getObject(column, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case TIMESTAMP -> {
                LocalDateTime t = rs.getObject(column, LocalDateTime.class);
                yield t == null ? null : iso(t);
            }
            case TIMESTAMP_UTC -> {
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                yield t == null ? null : iso(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            }
            case BINARY -> {
                Object value = rs.getObject(column);
                if (value == null) {
                    yield null;
                }
                yield hex(value instanceof java.sql.Blob blob
                        ? blob.getBytes(1, (int) Math.min(blob.length(), Integer.MAX_VALUE)) : rs.getBytes(column));
            }
            case STRUCT -> {
                Object value = rs.getObject(column);
                yield value == null ? null : value instanceof java.sql.Struct struct ? structText(struct) : value.toString();
            }
        };
    }

    /** Bytes as text a person can compare: hex, the first 32 bytes of a long value and its length. */
    static String hex(byte[] bytes) {
        String shown = java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32));
        return "0x" + shown + (bytes.length > 32 ? "\u2026 (" + bytes.length + " bytes)" : "");
    }

    /** A nested record as JSON text, the way the JSON importer keeps nested values it does not flatten. */
    private static String structText(java.sql.Struct struct) throws SQLException {
        Object[] values = struct.getAttributes();
        String[] names = struct instanceof org.duckdb.DuckDBStruct duck ? duck.getMap().keySet().toArray(String[]::new) : null;
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            fields.put(names != null && i < names.length ? names[i] : "f" + (i + 1),
                    v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
        }
        try {
            return dev.baton.util.Json.compact().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return struct.toString();
        }
    }

    private static String iso(LocalDateTime value) {
        String s = value.toString();
        return s.length() == 16 ? s + ":00" : s;
    }
}
