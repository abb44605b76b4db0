package dev.baton.cli;

import dev.baton.data.DatabaseConnection;
import dev.baton.data.DatabaseKind;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.data.Passwords;
import dev.baton.data.QueryRequest;
import dev.baton.util.Progress;
import dev.baton.util.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Database figures: a whole table from PostgreSQL into a dataset, beside the same rows read from a CSV file (exported
 * once with COPY) and beside pandas.read_sql over psycopg2 on the same table, in the same run.
 */
final class DatabaseBench {

    private DatabaseBench() {
    }

    static void run(BenchCommand bench, String url, String table, String python) throws IOException, InterruptedException {
        DatabaseConnection.Parsed parsed = DatabaseConnection.parse(url);
        DatabaseConnection c = parsed.connection();
        if (c.kind() != DatabaseKind.POSTGRESQL) {
            throw new UserException("bench database compares with psycopg2, so it needs a PostgreSQL --db.");
        }
        if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new UserException("--table takes a table name, not '" + table + "'.");
        }
        String sql = "SELECT * FROM " + table;
        DatabaseReader reader = new DatabaseReader(new Passwords());
        QueryRequest request = new QueryRequest(c, sql);
        Dataset[] last = new Dataset[1];
        double baton = bench.time("database: Baton, PostgreSQL table -> dataset (" + table + ")",
                () -> last[0] = reader.read(request, parsed.password(), Progress.NONE));
        bench.out().printf("  %,d rows x %d columns%n", last[0].rowCount(), last[0].columnCount());

        Path csv = Path.of("target", "bench", "db-" + table + ".csv");
        Files.createDirectories(csv.getParent());
        try (Connection connection = reader.connect(c, parsed.password()); OutputStream out = Files.newOutputStream(csv)) {
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + sql + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
        } catch (java.sql.SQLException e) {
            throw new UserException("Could not export " + table + " as CSV: " + e.getMessage(), e);
        }
        double file = bench.time("database: Baton, the same rows from a CSV file", () -> DatasetReader.read(csv, ImportOptions.detect(), Progress.NONE));
        bench.out().printf("  PostgreSQL / CSV: %.2fx (the target: at most 1.5x)%n", baton / file);

        Path script = Path.of("bench", "read_sql.py");
        List<String> command = List.of(python, script.toString(), c.effectiveHost(), String.valueOf(c.effectivePort()),
                c.database() == null ? "" : c.database(), c.user() == null ? System.getProperty("user.name") : c.user(), sql,
                String.valueOf(bench.runs()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Passwords.Found found = new Passwords().find(c, parsed.password());
        if (found != null) {
            pb.environment().put("PGPASSWORD", found.password());
        }
        Process process = pb.start();
        List<Double> seconds = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].matches("[0-9.]+")) {
                    seconds.add(Double.parseDouble(parts[0]));
                }
            }
        }
        if (process.waitFor() != 0 || seconds.isEmpty()) {
            bench.out().printf("%-66s skipped: %s%n", "database: pandas.read_sql with psycopg2", output.toString().strip()
                    .lines().reduce((a, b) -> b).orElse("no output") + " (apt install python3-pandas python3-psycopg2)");
            return;
        }
        double pandas = bench.report("database: pandas.read_sql with psycopg2, same table",
                seconds.stream().mapToDouble(Double::doubleValue).toArray());
        bench.out().printf("  Baton / pandas.read_sql: %.2fx (the target: at most 1.0x)%n", baton / pandas);
    }
}
