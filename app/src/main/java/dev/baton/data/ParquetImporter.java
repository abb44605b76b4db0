package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Apache Parquet through DuckDB's embedded engine (see docs/decisions/0001-parquet-reader.md).
 * The file's own column types are kept; overrides from the options apply as for other formats.
 */
final class ParquetImporter {

    private ParquetImporter() {
    }

    static Dataset read(Path file, ImportOptions options, Progress progress, int maxRows) {
        String sha;
        long size;
        try {
            sha = SourceFile.fingerprint(file);
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                    "Could not read " + file + ": " + e.getMessage(), e);
        }
        String source = "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            long total;
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + source)) {
                count.next();
                total = Math.min(count.getLong(1), maxRows);
            }
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + source + " LIMIT " + maxRows)) {
                ResultSetMetaData meta = rs.getMetaData();
                int width = meta.getColumnCount();
                if (width > 10_000) {
                    throw ImportException.of(ImportException.Kind.TOO_MANY_COLUMNS, file, file.getFileName() + " has "
                            + width + " columns; Baton reads at most 10,000.");
                }
                List<String> names = new ArrayList<>();
                Map<String, Object> declared = new HashMap<>();
                int[] sqlTypes = new int[width];
                for (int c = 0; c < width; c++) {
                    names.add(meta.getColumnLabel(c + 1));
                    sqlTypes[c] = meta.getColumnType(c + 1);
                }
                ColumnNames.Result unique = ColumnNames.uniquify(names);
                for (int c = 0; c < width; c++) {
                    Object type = declaredType(sqlTypes[c]);
                    if (type != null) {
                        declared.put(unique.names().get(c), type);
                    }
                }
                FieldGridBuilder grid = new FieldGridBuilder(width);
                long row = 0;
                while (rs.next()) {
                    for (int c = 0; c < width; c++) {
                        grid.add(text(rs, c + 1, sqlTypes[c]));
                    }
                    row++;
                    grid.endRow((int) Math.min(Integer.MAX_VALUE, row));
                    if ((row & 0xFFFF) == 0) {
                        if (progress.isCancelled()) {
                            statement.cancel();
                            throw new CancelledException();
                        }
                        progress.update(row, total, "Reading Parquet");
                    }
                }
                if (grid.rows() == 0) {
                    throw ImportException.of(ImportException.Kind.HEADER_ONLY, file, file.getFileName() + " has "
                            + width + " columns but no rows.");
                }
                GridTables.Typed typed = GridTables.type(DelimitedImporter.baseName(file), grid.build(), unique.names(),
                        options, declared, progress);
                List<String> notes = new ArrayList<>(unique.notes());
                notes.addAll(typed.notes());
                DataSource dataSource = new DataSource(file.toAbsolutePath().toString(), options.withFormat(DataFormat.PARQUET),
                        sha, size);
                return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                    file.getFileName() + " is not a readable Parquet file: " + firstLine(message), e);
        }
    }

    private static Object declaredType(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INTEGER;
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> ColumnType.DECIMAL;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATETIME;
            default -> null;
        };
    }

    private static String text(ResultSet rs, int column, int sqlType) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        return switch (sqlType) {
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> {
                double d = ((Number) value).doubleValue();
                yield Double.isFinite(d) ? Double.toString(d) : null;
            }
            case Types.DECIMAL, Types.NUMERIC -> value instanceof BigDecimal bd ? bd.toPlainString() : value.toString();
            case Types.DATE -> rs.getObject(column, LocalDate.class).toString();
            case Types.TIMESTAMP -> iso(rs.getObject(column, LocalDateTime.class));
            case Types.TIMESTAMP_WITH_TIMEZONE -> iso(rs.getObject(column, OffsetDateTime.class)
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> hex(value instanceof java.sql.Blob blob
                    ? blob.getBytes(1, (int) Math.min(blob.length(), Integer.MAX_VALUE)) : rs.getBytes(column));
            case Types.STRUCT -> value instanceof java.sql.Struct struct ? structText(struct) : value.toString();
            default -> value.toString();
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
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
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

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
