package dev.baton.data;

import java.util.Map;

/**
 * Where a database password comes from, first found first: the one the user typed this session, the environment
 * variable the connection names, PostgreSQL's own {@code PGPASSWORD}, then {@code ~/.pgpass} (or the file
 * {@code PGPASSFILE} names), read by the PostgreSQL driver's own parser. A password is never stored by Baton.
 */
public final class Passwords {

    private final Map<String, String> environment;

    /** Reading this process's environment. */
    public Passwords() {
        this(System.getenv());
    }

    public Passwords(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Where a password was found, for messages ("from PGPASSWORD"); the password itself is never shown. */
    public record Found(String password, String from) {
        @Override
        public String toString() {
            return "Found[from=" + from + "]";
        }
    }

    /**
     * The password for this connection, or null when none is known (PostgreSQL then tries without one, which a
     * server set to trust or peer authentication accepts).
     *
     * @param typed a password the user typed or wrote in the URL, or null
     */
    public Found find(DatabaseConnection connection, String typed) {
        if (typed != null) {
            return new Found(typed, "typed");
        }
        if (connection.kind() != DatabaseKind.POSTGRESQL) {
            return null;
        }
        if (connection.passwordVariable() != null) {
            String value = environment.get(connection.passwordVariable());
            if (value == null) {
                throw new DatabaseException(DatabaseException.Kind.NO_PASSWORD, "The environment variable "
                        + connection.passwordVariable() + ", which should hold the password for " + connection.describe()
                        + ", is not set.");
            }
            return new Found(value, "the environment variable " + connection.passwordVariable());
        }
        String pg = environment.get("PGPASSWORD");
        if (pg != null) {
            return new Found(pg, "PGPASSWORD");
        }
        String fromFile = pgpass(connection);
        return fromFile == null ? null : new Found(fromFile, "~/.pgpass");
    }

    private String pgpass(DatabaseConnection c) {
        String database = c.database() == null ? (c.user() == null ? "" : c.user()) : c.database();
        String user = c.user() == null ? System.getProperty("user.name") : c.user();
        // The driver's parser reads PGPASSFILE or ~/.pgpass from the environment and the user's home itself.
        return org.postgresql.jdbcurlresolver.PgPassParser.getPassword(c.effectiveHost(), String.valueOf(c.effectivePort()),
                database, user);
    }
}
