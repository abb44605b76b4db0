package dev.baton.data;

/** The databases Baton reads from. */
public enum DatabaseKind {
    /** A PostgreSQL server, through its JDBC driver. */
    POSTGRESQL("PostgreSQL", 5432),
    /** DuckDB, embedded: a database file, or none for SQL over local files (Parquet, CSV). */
    DUCKDB("DuckDB", 0),
    /** An SQLite database file, embedded. */
    SQLITE("SQLite", 0);

    private final String label;
    private final int defaultPort;

    DatabaseKind(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** True for a server reached over the network (host, port, user), false for an embedded engine on a file. */
    public boolean isServer() {
        return this == POSTGRESQL;
    }

    @Override
    public String toString() {
        return label;
    }
}
