package dev.baton.data;

import java.time.Instant;

/**
 * A dataset read from a query on a database: the connection (never a password), the query, when it was read, and
 * the result's fingerprint, so that re-running the query tells whether the data changed.
 *
 * @param connection        the database
 * @param sql               the query as the user wrote it
 * @param rows              rows in the result
 * @param fingerprint       SHA-256 of the result's canonical serialization (see {@link ResultSetGrid})
 * @param readAt            when the result was read
 * @param options           how text columns were typed (missing-value texts, type overrides)
 * @param unsupportedAsText whether columns of types Baton cannot hold (arrays, JSON, binary, intervals) were
 *                          read as text rather than left out
 */
public record QuerySource(DatabaseConnection connection, String sql, long rows, String fingerprint, Instant readAt,
                          ImportOptions options, boolean unsupportedAsText) implements DataSource {

    @Override
    public String fileName() {
        return "query on " + connection.shortName();
    }

    @Override
    public String location() {
        return connection.describe() + ": " + sql.strip();
    }

    @Override
    public String path() {
        return connection.describe();
    }

    /** The same read settings, to run the query again. */
    public QueryRequest request() {
        return new QueryRequest(connection, sql, options, unsupportedAsText);
    }
}
