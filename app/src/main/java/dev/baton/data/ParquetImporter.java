package dev.baton.data;

import dev.baton.util.Progress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
        String source = "read_parquet(" + DuckDbPaths.literal(file) + ")";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            long total;
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + source)) {
                count.next();
                total = Math.min(count.getLong(1), maxRows);
            }
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + source + " LIMIT " + maxRows)) {
                // Nested and binary values are kept as text: a Parquet file's columns are all the user has.
                ResultSetGrid.Columns columns = ResultSetGrid.describe(rs.getMetaData(), true, file.getFileName().toString());
                ResultSetGrid.Read read = ResultSetGrid.read(rs, columns, progress, total, "Reading Parquet");
                if (read.rows() == 0) {
                    throw ImportException.of(ImportException.Kind.HEADER_ONLY, file, file.getFileName() + " has "
                            + read.names().size() + " columns but no rows.");
                }
                GridTables.Typed typed = GridTables.type(DelimitedImporter.baseName(file), read.grid(), read.names(),
                        options, read.declared(), progress);
                List<String> notes = new ArrayList<>(columns.notes().stream().filter(n -> !n.contains("was read as text")).toList());
                notes.addAll(typed.notes());
                FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), options.withFormat(DataFormat.PARQUET),
                        sha, size);
                return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
            }
        } catch (DatabaseException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(), e.getMessage(), e);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                    file.getFileName() + " is not a readable Parquet file: " + firstLine(message), e);
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
