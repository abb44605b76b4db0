package dev.baton.data;

/**
 * A query to read into a dataset.
 *
 * @param connection        the database
 * @param sql               one SQL statement that returns rows
 * @param options           how text columns are typed (missing-value texts, type overrides); other fields unused
 * @param unsupportedAsText read columns of types Baton cannot hold (arrays, JSON, binary, intervals) as text
 *                          instead of leaving them out
 */
public record QueryRequest(DatabaseConnection connection, String sql, ImportOptions options, boolean unsupportedAsText) {

    public QueryRequest {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The query is empty.");
        }
        options = options == null ? ImportOptions.detect() : options;
    }

    public QueryRequest(DatabaseConnection connection, String sql) {
        this(connection, sql, ImportOptions.detect(), false);
    }
}
