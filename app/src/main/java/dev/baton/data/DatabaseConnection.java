package dev.baton.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How to reach a database, without its password: a value that may be written to a project.
 * The password comes from elsewhere, see {@link Passwords}.
 *
 * @param kind             the database
 * @param host             server host (PostgreSQL)
 * @param port             server port (PostgreSQL); null: the default
 * @param database         database name (PostgreSQL)
 * @param user             user name (PostgreSQL)
 * @param file             the database file (DuckDB, SQLite); null for DuckDB: no file, SQL over local files
 * @param passwordVariable the environment variable that holds the password, if the user named one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseConnection(DatabaseKind kind, String host, Integer port, String database, String user,
                                 String file, String passwordVariable) {

    public DatabaseConnection {
        if (kind == null) {
            throw new IllegalArgumentException("a database connection needs its kind");
        }
        host = blankToNull(host);
        database = blankToNull(database);
        user = blankToNull(user);
        file = blankToNull(file);
        passwordVariable = blankToNull(passwordVariable);
    }

    public static DatabaseConnection postgres(String host, Integer port, String database, String user) {
        return new DatabaseConnection(DatabaseKind.POSTGRESQL, host, port, database, user, null, null);
    }

    public static DatabaseConnection embedded(DatabaseKind kind, String file) {
        return new DatabaseConnection(kind, null, null, null, null, file, null);
    }

    public DatabaseConnection withPasswordVariable(String name) {
        return new DatabaseConnection(kind, host, port, database, user, file, name);
    }

    /** The port to connect to: the one given, else the kind's default. */
    @JsonIgnore
    public int effectivePort() {
        return port != null ? port : kind.defaultPort();
    }

    @JsonIgnore
    public String effectiveHost() {
        return host != null ? host : "localhost";
    }

    /** The JDBC URL, which never holds a password. */
    @JsonIgnore
    public String jdbcUrl() {
        return switch (kind) {
            case POSTGRESQL -> "jdbc:postgresql://" + hostForUrl(effectiveHost()) + ":" + effectivePort() + "/"
                    + java.net.URLEncoder.encode(database == null ? "" : database, StandardCharsets.UTF_8).replace("+", "%20");
            case DUCKDB -> "jdbc:duckdb:" + (file == null ? "" : Path.of(file).toAbsolutePath());
            case SQLITE -> "jdbc:sqlite:" + Path.of(file).toAbsolutePath();
        };
    }

    /** What a person reads: {@code PostgreSQL database sales on db.example.com:5432 as alice}, or the file. */
    public String describe() {
        return switch (kind) {
            case POSTGRESQL -> "PostgreSQL database " + (database == null ? "(default)" : database) + " on "
                    + effectiveHost() + ":" + effectivePort() + (user == null ? "" : " as " + user);
            case DUCKDB -> file == null ? "DuckDB (in memory, SQL over local files)" : "DuckDB file " + file;
            case SQLITE -> "SQLite file " + file;
        };
    }

    /** A short name: the database or the file's name. */
    @JsonIgnore
    public String shortName() {
        return switch (kind) {
            case POSTGRESQL -> database == null ? effectiveHost() : database;
            case DUCKDB, SQLITE -> file == null ? "duckdb" : Path.of(file).getFileName().toString();
        };
    }

    /**
     * Reads a connection written as on the command line: {@code postgresql://user@host:port/database}
     * (also {@code postgres://} and {@code jdbc:postgresql://host/db?user=u}), {@code duckdb:} or
     * {@code duckdb:FILE}, {@code sqlite:FILE}. A password written into the URL is returned apart, never kept.
     */
    public static Parsed parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The database is empty: write e.g. postgresql://user@host:5432/database, "
                    + "duckdb:, duckdb:FILE or sqlite:FILE.");
        }
        String s = url.strip();
        if (s.regionMatches(true, 0, "jdbc:", 0, 5)) {
            s = s.substring(5);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("duckdb") || lower.startsWith("duckdb:")) {
            String file = s.length() > 7 ? s.substring(7) : null;
            return new Parsed(embedded(DatabaseKind.DUCKDB, file), null);
        }
        if (lower.startsWith("sqlite:")) {
            String file = s.substring(7);
            if (file.isBlank()) {
                throw new IllegalArgumentException("sqlite: needs the database file, e.g. sqlite:shop.db");
            }
            return new Parsed(embedded(DatabaseKind.SQLITE, file), null);
        }
        String rest;
        if (lower.startsWith("postgresql://")) {
            rest = s.substring(13);
        } else if (lower.startsWith("postgres://")) {
            rest = s.substring(11);
        } else {
            throw new IllegalArgumentException("'" + url + "' is not a database Baton reads: write postgresql://user@host:5432/database, "
                    + "duckdb:, duckdb:FILE or sqlite:FILE.");
        }
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = decode(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        String host = rest;
        Integer port = null;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            String p = host.substring(colon + 1);
            host = host.substring(0, colon);
            try {
                port = p.isEmpty() ? null : Integer.valueOf(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The port in '" + url + "' is not a number: '" + p + "'.");
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> throw new IllegalArgumentException("Baton does not know the connection setting '" + key
                            + "' in '" + redact(url) + "'; it reads user and password.");
                }
            }
        }
        return new Parsed(postgres(host.isEmpty() ? null : host, port, database, user), password);
    }

    /** A connection read from a URL, and the password the URL held, if any (to use, never to store). */
    public record Parsed(DatabaseConnection connection, String password) {
    }

    /** The URL with any password replaced, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
