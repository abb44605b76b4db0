package dev.baton.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.data.DataSource;
import dev.baton.data.DatabaseConnection;
import dev.baton.data.FileSource;
import dev.baton.data.ImportOptions;
import dev.baton.data.QueryRequest;
import dev.baton.data.QuerySource;

/**
 * The project's data source: a file (where it is, what its bytes hashed to, how to read it) or a query (the
 * database without its password, the query, and what its result hashed to).
 *
 * @param path         absolute path of the file; in a saved project only where no relative path can be made (another drive)
 * @param relativePath the file relative to the project folder, so that a project moved or shared with its data opens
 *                     anywhere and names no folder of the machine it was made on
 * @param fingerprint  SHA-256 of the file's bytes, or of the query result's canonical serialization
 * @param options      import options with every detected value filled in
 * @param query        the query the data came from; null for a file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataRef(String path, String relativePath, String fingerprint, ImportOptions options, QueryRef query) {

    /**
     * A query as a project keeps it: never a password.
     *
     * @param connection        host, port, database, user (or the database file), and the environment variable named
     *                          for the password, if any
     * @param sql               the query
     * @param rows              rows in the result when it was read
     * @param unsupportedAsText whether columns of types Baton cannot hold were read as text
     */
    public record QueryRef(DatabaseConnection connection, String sql, long rows, boolean unsupportedAsText) {
    }

    public DataRef(String path, String relativePath, String fingerprint, ImportOptions options) {
        this(path, relativePath, fingerprint, options, null);
    }

    public static DataRef of(DataSource source) {
        if (source instanceof QuerySource q) {
            return new DataRef(null, null, q.fingerprint(), q.options(),
                    new QueryRef(q.connection(), q.sql(), q.rows(), q.unsupportedAsText()));
        }
        FileSource f = (FileSource) source;
        return new DataRef(f.path(), null, f.fingerprint(), f.options());
    }

    /** True when the data comes from a query rather than a file. (Not isQuery: Jackson would take it for the query's getter.) */
    public boolean fromQuery() {
        return query != null;
    }

    /** The query to run again; only for a query. */
    @JsonIgnore
    public QueryRequest queryRequest() {
        return new QueryRequest(query.connection(), query.sql(), options, query.unsupportedAsText());
    }

    /** Where the data was, for messages: the file (absolute, else resolved against the project folder), or the database. */
    public String location(java.nio.file.Path projectFolder) {
        if (query != null) {
            return "the query on the " + query.connection().describe();
        }
        if (path != null) {
            return path;
        }
        return projectFolder == null ? relativePath : projectFolder.resolve(relativePath).normalize().toString();
    }
}
