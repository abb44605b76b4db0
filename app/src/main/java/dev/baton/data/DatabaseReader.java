package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the result of a query on PostgreSQL, DuckDB or SQLite into a {@link Dataset}, streaming: PostgreSQL is read
 * with autocommit off, a forward-only statement and a fetch size (without all three its driver silently holds the
 * whole result in memory), DuckDB with its streaming results. A query still running when the user cancels is
 * cancelled on the server ({@link Statement#cancel()}), so Cancel returns at once even during a long query.
 */
public final class DatabaseReader {

    /** Rows per round trip to PostgreSQL: large enough that round trips cost little, small enough to stay in memory. */
    static final int FETCH_SIZE = 10_000;

    /** How often a running query checks whether the user cancelled. */
    private static final long CANCEL_POLL_MS = 50;

    private final Passwords passwords;
    private final Clock clock;

    public DatabaseReader(Passwords passwords) {
        this(passwords, Clock.systemUTC());
    }

    DatabaseReader(Passwords passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A table or view of the database, with its columns and their database types, for the query editor. */
    public record Table(String schema, String name, List<String> columns) {
        /** The name to write in a query: with its schema unless it is the default one. */
        public String qualifiedName() {
            return schema == null || schema.isEmpty() || schema.equals("public") || schema.equals("main")
                    ? name : schema + "." + name;
        }
    }

    /**
     * Opens a connection, in words a user understands when it fails.
     *
     * @param typed the password the user typed, or null to look in the environment and {@code ~/.pgpass}
     */
    public Connection connect(DatabaseConnection c, String typed) {
        try {
            return switch (c.kind()) {
                case POSTGRESQL -> {
                    Properties p = new Properties();
                    if (c.user() != null) {
                        p.setProperty("user", c.user());
                    }
                    Passwords.Found found = passwords.find(c, typed);
                    if (found != null) {
                        p.setProperty("password", found.password());
                    }
                    p.setProperty("ApplicationName", "Baton");
                    // Values as the server's text: read as bytes, without a Java string per value (see ResultSetGrid).
                    p.setProperty("binaryTransfer", "false");
                    p.setProperty("connectTimeout", "10");
                    try {
                        yield DriverManager.getConnection(c.jdbcUrl(), p);
                    } catch (SQLException e) {
                        throw connectionError(c, e, found);
                    }
                }
                case DUCKDB -> {
                    Properties p = new Properties();
                    // Not jdbc_stream_results: a streamed result that fails part-way (a cast, a division by zero) just
                    // ends, as if complete (DuckDB JDBC 1.4 and 1.5; DatabaseReaderTest shows it). Materialized, the
                    // result is held by DuckDB in its own memory, outside the Java heap, and a failure is reported.

                    // Never download an extension at run time (the machine may be offline); the built-in ones suffice.
                    p.setProperty("autoinstall_known_extensions", "false");
                    if (c.file() != null) {
                        requireFile(c);
                        p.setProperty("duckdb.read_only", "true");
                    }
                    yield DriverManager.getConnection(c.jdbcUrl(), p);
                }
                case SQLITE -> {
                    requireFile(c);
                    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                    config.setReadOnly(true);
                    yield DriverManager.getConnection(c.jdbcUrl(), config.toProperties());
                }
            };
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, "Could not open " + c.describe() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Connects and returns what the server says it is ("PostgreSQL 15.18"), for "Test connection". */
    public String test(DatabaseConnection c, String typed) {
        try (Connection connection = connect(c, typed)) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, "Could not ask " + c.describe() + " what it is: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** The user's tables and views with their columns, system schemas left out. */
    public List<Table> tables(DatabaseConnection c, String typed) {
        try (Connection connection = connect(c, typed)) {
            DatabaseMetaData meta = connection.getMetaData();
            List<Table> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[]{"TABLE", "VIEW", "BASE TABLE", "MATERIALIZED VIEW"})) {
                while (rs.next() && tables.size() < 2_000) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equals("information_schema") || schema.startsWith("pg_"))) {
                        continue;
                    }
                    tables.add(new Table(schema, rs.getString("TABLE_NAME"), List.of()));
                }
            }
            // Every column in one request (a database with hundreds of tables would otherwise take one round trip each).
            java.util.Map<String, List<String>> columns = new java.util.HashMap<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString("TABLE_SCHEM") + "\u0000" + rs.getString("TABLE_NAME"), k -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME") + " : " + String.valueOf(rs.getString("TYPE_NAME")).toLowerCase(java.util.Locale.ROOT));
                }
            }
            List<Table> withColumns = new ArrayList<>();
            for (Table t : tables) {
                withColumns.add(new Table(t.schema(), t.name(), columns.getOrDefault(t.schema() + "\u0000" + t.name(), List.of())));
            }
            return withColumns;
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, "Could not list the tables of " + c.describe() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Runs the query and reads every row into a dataset whose source records the query and the result's fingerprint. */
    public Dataset read(QueryRequest request, String typed, Progress progress) {
        return run(request, typed, progress, 0);
    }

    /** The first {@code rows} rows of the result, typed as a full read would type them, for a preview. */
    public Dataset preview(QueryRequest request, String typed, int rows, Progress progress) {
        return run(request, typed, progress, rows);
    }

    /**
     * Runs the query and returns its rows as CSV text, read from the database as the stream is read (for scoring and
     * drift). The caller closes the stream, which closes the connection.
     */
    public QueryCsv openCsv(QueryRequest request, String typed) {
        DatabaseConnection c = request.connection();
        String sql = stripTrailingSemicolon(request.sql());
        Connection connection = connect(c, typed);
        try {
            if (c.kind() == DatabaseKind.POSTGRESQL) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            ResultSet rs;
            try {
                rs = statement.executeQuery(sql);
            } catch (SQLException e) {
                throw new DatabaseException(DatabaseException.Kind.SQL, SqlErrors.describe(e, sql), e);
            }
            return new QueryCsv(connection, statement, rs, ResultSetGrid.describe(rs.getMetaData(), request.unsupportedAsText(), "The query"));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DatabaseException(DatabaseException.Kind.OTHER, "Reading from " + c.describe() + " failed: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private Dataset run(QueryRequest request, String typed, Progress progress, int maxRows) {
        TablesawInit.start();
        DatabaseConnection c = request.connection();
        String sql = stripTrailingSemicolon(request.sql());
        progress.update(0, -1, "Connecting to " + c.describe());
        try (Connection connection = connect(c, typed)) {
            if (c.kind() == DatabaseKind.POSTGRESQL) {
                // Without a transaction the driver ignores the fetch size and holds every row.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            }
            if (c.kind() == DatabaseKind.POSTGRESQL && maxRows == 0) {
                Dataset copied = PostgresCopy.readIfPlain(connection, request, sql, progress, clock);
                if (copied != null) {
                    return copied;
                }
            }
            try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                 CancelWatch watch = new CancelWatch(statement::cancel, progress)) {
                statement.setFetchSize(FETCH_SIZE);
                if (maxRows > 0) {
                    try {
                        statement.setMaxRows(maxRows); // the server then sends no more
                    } catch (java.sql.SQLFeatureNotSupportedException e) {
                        // DuckDB: the reader stops after maxRows itself.
                    }
                }
                progress.update(0, -1, "Running the query on " + c.shortName());
                ResultSet rs;
                try {
                    rs = statement.executeQuery(sql);
                } catch (SQLException e) {
                    throw queryError(e, sql, watch);
                }
                try (rs) {
                    String what = "the query on " + c.shortName();
                    ResultSetGrid.Columns columns = ResultSetGrid.describe(rs.getMetaData(), request.unsupportedAsText(), "The query");
                    ResultSetGrid.Read read;
                    try {
                        read = ResultSetGrid.read(rs, columns, progress, -1, "Reading rows", c.kind() == DatabaseKind.POSTGRESQL, maxRows);
                    } catch (SQLException e) {
                        throw queryError(e, sql, watch);
                    }
                    if (read.rows() == 0) {
                        throw new DatabaseException(DatabaseException.Kind.NO_ROWS, "The query returned "
                                + read.names().size() + " columns but no rows: there is nothing to analyse.");
                    }
                    return dataset(request, read.grid(), columns, read.declared(), read.rows(), read.sha256(), clock, progress);
                }
            } finally {
                if (c.kind() == DatabaseKind.POSTGRESQL) {
                    endTransaction(connection);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, "Reading from " + c.describe() + " failed: "
                    + firstLine(e.getMessage()), e);
        } catch (FieldGridBuilder.TooMuchText e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, String.format("The result holds more than 2 GB of text; "
                    + "Baton keeps up to 2 GB of text in memory and had read %,d complete rows when it passed that. Select "
                    + "fewer columns, or fewer rows.", e.rows));
        }
    }

    /** The typed dataset of a result's grid, its source the query and the result's fingerprint. */
    static Dataset dataset(QueryRequest request, FieldGrid grid, ResultSetGrid.Columns columns, java.util.Map<String, Object> declared,
                           long rows, String sha256, Clock clock, Progress progress) {
        DatabaseConnection c = request.connection();
        String name = datasetName(request.sql(), c);
        GridTables.Typed types = GridTables.type(name, grid, columns.names(), request.options(), declared, progress);
        List<String> notes = new ArrayList<>(columns.notes());
        notes.addAll(types.notes());
        if (columns.kept().stream().anyMatch(col -> col.databaseType().equals("timestamptz")
                || col.databaseType().contains("with time zone"))) {
            notes.add("Timestamps with a time zone were converted to UTC (the same instant, shown without a zone).");
        }
        QuerySource source = new QuerySource(c, request.sql(), rows, sha256, clock.instant(), request.options(),
                request.unsupportedAsText());
        return types.dataset(name, source, notes);
    }

    /** A name for the dataset: the first table the query reads from, else the database's. */
    static String datasetName(String sql, DatabaseConnection c) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bfrom\\s+\"?([A-Za-z_][\\w.]*)").matcher(sql);
        String name = m.find() ? m.group(1) : c.shortName();
        return name.replaceAll("[^A-Za-z0-9_.-]+", "_");
    }

    /** Nothing to keep: the transaction only read. A failure here must not hide the one that ended the read. */
    static void endTransaction(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection broke or was cancelled; closing it ends the transaction on the server.
        }
    }

    static RuntimeException queryError(SQLException e, String sql, CancelWatch watch) {
        if (watch.cancelled()) {
            return new CancelledException();
        }
        return new DatabaseException(DatabaseException.Kind.SQL, SqlErrors.describe(e, sql), e);
    }

    private static DatabaseException connectionError(DatabaseConnection c, SQLException e, Passwords.Found found) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = c.effectiveHost() + ":" + c.effectivePort();
        String user = c.user() == null ? System.getProperty("user.name") : c.user();
        return switch (state) {
            case "28P01", "28000" -> found == null
                    ? new DatabaseException(DatabaseException.Kind.NO_PASSWORD, "The server at " + where + " wants a password for user "
                    + user + ". Type it, or set PGPASSWORD, or add it to ~/.pgpass.", e)
                    : new DatabaseException(DatabaseException.Kind.WRONG_PASSWORD, "The server at " + where + " refused the password "
                    + (found.from().equals("typed") ? "typed for user " + user : "for user " + user + " from " + found.from()) + ".", e);
            case "08004" -> new DatabaseException(found == null ? DatabaseException.Kind.NO_PASSWORD : DatabaseException.Kind.WRONG_PASSWORD,
                    "The server at " + where + " wants a password for user " + user
                    + ". Type it, or set PGPASSWORD, or add it to ~/.pgpass.", e);
            case "3D000" -> new DatabaseException(DatabaseException.Kind.NO_DATABASE, "The server at " + where
                    + " has no database named '" + c.database() + "'.", e);
            case "08001" -> new DatabaseException(DatabaseException.Kind.NO_SERVER, "No PostgreSQL server answers at " + where
                    + ". Is the server running, and are the host and port right?", e);
            default -> new DatabaseException(DatabaseException.Kind.OTHER, "Could not connect to " + c.describe() + ": "
                    + firstLine(e.getMessage()), e);
        };
    }

    private static void requireFile(DatabaseConnection c) {
        Path file = Path.of(c.file());
        if (!Files.isRegularFile(file)) {
            // The drivers would create an empty database instead, and the query would fail for no visible reason.
            throw new DatabaseException(DatabaseException.Kind.NO_FILE, "There is no " + c.kind().label() + " database file "
                    + file.toAbsolutePath() + ".");
        }
    }

    static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Cancels the statement on the server when the user cancels: a thread that looks every 50 ms while the query runs,
     * since the reading thread is blocked in the driver until the server answers.
     */
    static final class CancelWatch implements AutoCloseable {

        /** What cancels the running statement on the server. */
        interface Canceller {
            void cancel() throws SQLException;
        }

        private final Thread thread;
        private volatile boolean done;
        private volatile boolean cancelled;

        CancelWatch(Canceller statement, Progress progress) {
            thread = new Thread(() -> {
                while (!done) {
                    // Again until the reader stops: a cancel that reaches the engine before the query starts is lost.
                    if (progress.isCancelled()) {
                        cancelled = true;
                        try {
                            statement.cancel();
                        } catch (SQLException | RuntimeException e) {
                            // The statement ended meanwhile; the reader sees the cancellation itself.
                        }
                    }
                    try {
                        Thread.sleep(CANCEL_POLL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "baton-query-cancel");
            thread.setDaemon(true);
            thread.start();
        }

        boolean cancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            done = true;
            thread.interrupt();
        }
    }
}
