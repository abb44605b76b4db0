package dev.baton.cli;

import dev.baton.data.DatabaseConnection;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.data.Passwords;
import dev.baton.data.QueryRequest;
import dev.baton.util.Progress;
import dev.baton.util.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A query on a database, wherever a data file is accepted: {@code --db URL --query SQL} or {@code --query-file F}.
 * The password comes from {@code --password-env VAR}, PGPASSWORD or ~/.pgpass (or the URL, never stored).
 */
final class QueryOptionsMixin {

    @Option(names = "--db", paramLabel = "URL", description = "Read from a database instead of a file: postgresql://USER@HOST:PORT/DATABASE, "
            + "duckdb: (SQL over local files), duckdb:FILE or sqlite:FILE. Needs --query or --query-file.")
    String db;

    @Option(names = "--query", paramLabel = "SQL", description = "The query whose result is the data (with --db).")
    String query;

    @Option(names = "--query-file", paramLabel = "FILE", description = "A file holding the query (with --db).")
    Path queryFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding the database password "
            + "(default: PGPASSWORD, then ~/.pgpass).")
    String passwordEnv;

    @Option(names = "--unsupported-as-text", description = "Read columns of types Baton cannot hold (arrays, JSON, binary, intervals) "
            + "as text instead of leaving them out.")
    boolean unsupportedAsText;

    boolean isSet() {
        return db != null || query != null || queryFile != null;
    }

    /** The query these options describe; a usage error (exit 2) when they are incomplete. */
    Query request(CommandLine.Model.CommandSpec spec, ImportOptions options) {
        if (db == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--query and --query-file need --db, the database to run on.");
        }
        if ((query == null) == (queryFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db needs the query: give --query SQL or --query-file FILE (one of them).");
        }
        DatabaseConnection.Parsed parsed;
        try {
            parsed = DatabaseConnection.parse(db);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String sql = query;
        if (queryFile != null) {
            try {
                sql = Files.readString(queryFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserException("Could not read the query file " + queryFile + ": " + e.getMessage(), e);
            }
        }
        if (sql.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The query is empty.");
        }
        DatabaseConnection connection = passwordEnv == null ? parsed.connection() : parsed.connection().withPasswordVariable(passwordEnv);
        return new Query(new QueryRequest(connection, sql, options, unsupportedAsText), parsed.password());
    }

    /** A query and the password its URL held, if any. */
    record Query(QueryRequest request, String password) {
        Dataset read(Progress progress) {
            return new DatabaseReader(new Passwords()).read(request, password, progress);
        }

        /** The result as CSV text, read from the database as it is consumed. */
        dev.baton.data.QueryCsv openCsv() {
            return new DatabaseReader(new Passwords()).openCsv(request, password);
        }

        /** How reports name this input: "the query on DATABASE". */
        String name() {
            return "the query on " + request.connection().shortName();
        }
    }

    /** The data of a command that takes a file or a query: exactly one of them. */
    static Dataset read(CommandLine.Model.CommandSpec spec, Path file, ImportOptionsMixin importOptions, QueryOptionsMixin queryOptions,
                        boolean quickLook) {
        ImportOptions options = Options.of(spec, importOptions);
        if (queryOptions.isSet()) {
            if (file != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give a data file or --db with a query, not both.");
            }
            return queryOptions.request(spec, options).read(Progress.NONE);
        }
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing the data: a file, or --db URL with --query SQL.");
        }
        return quickLook ? DatasetReader.readForQuickLook(file, options, Progress.NONE) : DatasetReader.read(file, options, Progress.NONE);
    }
}
