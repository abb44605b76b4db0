package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real PostgreSQL server: the throw-away cluster of .ci/postgres.sh, with the tables of
 * .ci/postgres-tables.sql. CI starts it and checks that these tests ran; elsewhere they are skipped without it.
 */
class PostgresIT {

    static String host;
    static int port;
    static String database;
    static String user;
    static String password;

    @BeforeAll
    static void server() {
        String p = System.getenv("BATON_TEST_PG_PORT");
        assumeTrue(p != null, "no PostgreSQL test server: start one with .ci/postgres.sh start and source target/postgres/env");
        host = System.getenv("BATON_TEST_PG_HOST");
        port = Integer.parseInt(p);
        database = System.getenv("BATON_TEST_PG_DATABASE");
        user = System.getenv("BATON_TEST_PG_USER");
        password = System.getenv("BATON_TEST_PG_PASSWORD");
    }

    static DatabaseConnection connection() {
        return DatabaseConnection.postgres(host, port, database, user);
    }

    /** Passwords from an empty environment: only what a test types. */
    private final DatabaseReader reader = new DatabaseReader(new Passwords(Map.of()));

    private Dataset read(String sql) {
        return reader.read(new QueryRequest(connection(), sql), password, Progress.NONE);
    }

    @Test
    void everyTypeItsValuesAndNulls() {
        Dataset d = read("SELECT * FROM every_type ORDER BY id");
        assertThat(d.columnNames()).containsExactly("id", "small", "big", "num", "real4", "dbl", "flag", "day", "at", "at_tz",
                "label", "note", "code", "uid", "tm");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("Left out 4 columns").contains("'js' (jsonb)")
                .contains("'arr' (int4[])").contains("'raw' (bytea)").contains("'span' (interval)"));
        assertThat(d.type("id")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("big")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("num")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.type("real4")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.type("flag")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.type("day")).isEqualTo(ColumnType.DATE);
        assertThat(d.type("at")).isEqualTo(ColumnType.DATETIME);
        assertThat(d.type("at_tz")).isEqualTo(ColumnType.DATETIME);
        var t = d.table();
        assertThat(t.intColumn("small").get(0)).isEqualTo(-7);
        assertThat(t.intColumn("small").get(1)).isEqualTo(32767);
        assertThat(t.longColumn("big").get(0)).isEqualTo(9007199254740993L); // 2^53 + 1: not a double
        assertThat(t.doubleColumn("num").get(0)).isEqualTo(1234.5678);
        assertThat(t.doubleColumn("real4").get(1)).isEqualTo(-3.25);
        assertThat(t.doubleColumn("dbl").get(1)).isEqualTo(1e-10);
        assertThat(t.booleanColumn("flag").get(0)).isTrue();
        assertThat(t.booleanColumn("flag").get(1)).isFalse();
        assertThat(t.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.dateTimeColumn("at").get(1)).isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59));
        // 10:00 at +02:00 is 08:00 UTC, whatever the session's time zone.
        assertThat(t.dateTimeColumn("at_tz").get(0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 8, 0));
        assertThat(t.column("label").getString(0)).isEqualTo("Adelie");
        assertThat(t.column("code").getString(1)).isEqualTo("XYZ");
        assertThat(t.column("uid").getString(0)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(t.column("tm").getString(0)).isEqualTo("10:30:00");
        for (String column : d.columnNames()) {
            assertThat(d.missingCount(column)).as(column).isEqualTo(column.equals("id") ? 0 : column.equals("uid") ? 2 : 1);
        }
        QuerySource source = (QuerySource) d.source();
        assertThat(source.rows()).isEqualTo(3);
        assertThat(source.connection().toString()).doesNotContain(password);
        // The same query gives the same fingerprint; a different result another.
        assertThat(read("SELECT * FROM every_type ORDER BY id").source().fingerprint()).isEqualTo(source.fingerprint());
        assertThat(read("SELECT * FROM every_type ORDER BY id DESC").source().fingerprint()).isNotEqualTo(source.fingerprint());
    }

    @Test
    void typesBatonCannotHoldAreReadAsTextWhenAsked() {
        Dataset d = reader.read(new QueryRequest(connection(), "SELECT js, arr, raw, span FROM every_type ORDER BY id",
                ImportOptions.detect(), true), password, Progress.NONE);
        assertThat(d.table().column("js").getString(0)).isEqualTo("{\"a\": 1}");
        assertThat(d.table().column("arr").getString(0)).isEqualTo("{1,2}");
        assertThat(d.table().column("raw").getString(0)).isEqualTo("0x6162");
        assertThat(d.table().column("span").getString(0)).isEqualTo("1 day");
    }

    @Test
    void thePenguinsTableReadsAsTheSampleCsvDoes() {
        Dataset db = read("SELECT *\nFROM penguins -- every bird, as the CSV has them;\n");
        Dataset csv = DatasetReader.read(Path.of("sample-data", "penguins.csv"), ImportOptions.detect(), Progress.NONE);
        assertThat(db.rowCount()).isEqualTo(344);
        assertThat(db.columnNames()).isEqualTo(csv.columnNames());
        for (String column : csv.columnNames()) {
            assertThat(db.type(column)).as(column).isEqualTo(csv.type(column));
            assertThat(db.missingCount(column)).as(column).isEqualTo(csv.missingCount(column));
            for (int r = 0; r < 344; r++) {
                assertThat(db.table().column(column).getString(r)).as("%s row %d", column, r)
                        .isEqualTo(csv.table().column(column).getString(r));
            }
        }
    }

    @Test
    void aPlainResultIsCopiedAndItsFingerprintIsTheDocumentedOne() throws Exception {
        String sql = "SELECT species, island, body_mass_g, sex FROM penguins ORDER BY body_mass_g, species, island, sex";
        Dataset d = read(sql);
        // Independently: the column names as the canonical cells, then PostgreSQL's own CSV of the result.
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String name : List.of("species", "island", "body_mass_g", "sex")) {
            sha.update(new byte[]{1, 0, 0, 0, (byte) name.length()});
            sha.update(name.getBytes(StandardCharsets.US_ASCII));
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(connection().jdbcUrl(), p)) {
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT WITH (FORMAT csv)", csv);
            sha.update(csv.toByteArray());
        }
        assertThat(d.source().fingerprint()).isEqualTo(java.util.HexFormat.of().formatHex(sha.digest()));
        assertThat(d.rowCount()).isEqualTo(344);
        assertThat(d.missingCount("sex")).isEqualTo(11);
        assertThat(d.missingCount("body_mass_g")).isEqualTo(2);
        assertThat(d.type("body_mass_g")).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void aMillionRowsStreamInAHeapTooSmallToHoldTheResultAsJdbcRows() throws Exception {
        String sql = "SELECT id, small_int, flag FROM big";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        // The control: the driver's default read (autocommit on, no fetch size) holds every row and runs out of memory.
        Run held = run(List.of(java, "-Xmx128m", "-cp", classPath, HoldWholeResult.class.getName(),
                connection().jdbcUrl(), user, sql));
        assertThat(held.exit()).as(held.output()).isNotZero();
        assertThat(held.output()).contains("OutOfMemoryError");
        // Baton in the same heap: every row read, typed and profiled.
        Run baton = run(List.of(java, "-Xmx128m", "-jar", Path.of("app", "target", "baton.jar").toString(), "profile",
                "--db", "postgresql://" + user + "@" + host + ":" + port + "/" + database, "--query", sql));
        assertThat(baton.exit()).as(baton.output()).isZero();
        assertThat(baton.output()).contains("1,000,000 rows x 3 columns");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("baton-pg", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("PGPASSWORD", password);
            Process p = pb.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void cancelDuringALongQueryReturnsWithinASecond() throws Exception {
        // pg_sleep is read through a cursor; the count, two plain columns, through COPY: both cancel on the server.
        for (String sql : List.of("SELECT pg_sleep(60), 1 AS one", "SELECT count(*) AS n, 1 AS one FROM big a CROSS JOIN big b")) {
            AtomicBoolean cancel = new AtomicBoolean();
            Progress progress = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }
            };
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                cancel.set(true);
            });
            long start = System.nanoTime();
            canceller.start();
            Throwable t = catchThrowableOfType(RuntimeException.class, () -> reader.read(new QueryRequest(connection(), sql),
                    password, progress));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(t).as(sql).isInstanceOf(CancelledException.class);
            assertThat(seconds).as(sql).isLessThan(1.5); // 0.5 s before the cancel, then at most a second
        }
        // The server cancelled them: the connection is free for the next query at once.
        assertThat(read("SELECT 1 AS one").rowCount()).isEqualTo(1);
    }

    @Test
    void cancelWhileRowsStreamIn() {
        AtomicBoolean cancel = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                if (done >= 100_000) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        long start = System.nanoTime();
        Throwable t = catchThrowableOfType(RuntimeException.class, () -> reader.read(new QueryRequest(connection(),
                "SELECT a.id, b.id AS id2 FROM big a CROSS JOIN big b"), password, progress));
        assertThat(t).isInstanceOf(CancelledException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void aQueryThatFailsPartWayIsAnErrorNeverAShortResult() {
        // Through COPY (two plain columns) and through the cursor (a time zone): the server fails at row 300,000.
        for (String sql : List.of("SELECT id, 1 / (id - 300000) AS x FROM big ORDER BY id",
                "SELECT id, 1 / (id - 300000) AS x, now() AS at FROM big ORDER BY id")) {
            DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> read(sql));
            assertThat(e).as(sql).isNotNull();
            assertThat(e.getMessage()).as(sql).startsWith("The query failed: division by zero");
        }
    }

    @Test
    void sqlErrorsNameThePositionTheServerReports() {
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> read("SELECT id,\n  nosuch FROM every_type"));
        assertThat(e.kind()).isEqualTo(DatabaseException.Kind.SQL);
        assertThat(e.getMessage()).isEqualTo("The query failed: column \"nosuch\" does not exist, at line 2, column 3:\n"
                + "    nosuch FROM every_type\n    ^");
        DatabaseException table = catchThrowableOfType(DatabaseException.class, () -> read("SELECT * FROM no_such_table"));
        assertThat(table.getMessage()).contains("relation \"no_such_table\" does not exist").contains("line 1, column 15");
    }

    @Test
    void aWrongPasswordAnUnknownDatabaseAndAStoppedServerEachSaySo() throws IOException {
        DatabaseException wrong = catchThrowableOfType(DatabaseException.class,
                () -> reader.read(new QueryRequest(connection(), "SELECT 1"), "not-the-password", Progress.NONE));
        assertThat(wrong.kind()).isEqualTo(DatabaseException.Kind.WRONG_PASSWORD);
        assertThat(wrong.getMessage()).isEqualTo("The server at " + host + ":" + port + " refused the password typed for user " + user + ".");
        assertThat(wrong.getMessage()).doesNotContain("not-the-password");

        DatabaseException none = catchThrowableOfType(DatabaseException.class,
                () -> new DatabaseReader(new Passwords(Map.of())).read(
                        new QueryRequest(connection(), "SELECT 1"), null, Progress.NONE));
        assertThat(none.kind()).isEqualTo(DatabaseException.Kind.NO_PASSWORD);
        assertThat(none.needsPassword()).isTrue();

        DatabaseException db = catchThrowableOfType(DatabaseException.class, () -> reader.read(new QueryRequest(
                DatabaseConnection.postgres(host, port, "no_such_db", user), "SELECT 1"), password, Progress.NONE));
        assertThat(db.kind()).isEqualTo(DatabaseException.Kind.NO_DATABASE);
        assertThat(db.getMessage()).isEqualTo("The server at " + host + ":" + port + " has no database named 'no_such_db'.");

        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        long start = System.nanoTime();
        DatabaseException stopped = catchThrowableOfType(DatabaseException.class, () -> reader.read(new QueryRequest(
                DatabaseConnection.postgres("127.0.0.1", free, database, user), "SELECT 1"), password, Progress.NONE));
        assertThat(stopped.kind()).isEqualTo(DatabaseException.Kind.NO_SERVER);
        assertThat(stopped.getMessage()).isEqualTo("No PostgreSQL server answers at 127.0.0.1:" + free
                + ". Is the server running, and are the host and port right?");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }

    @Test
    void testConnectionAndTheTablesForTheQueryEditor() {
        assertThat(reader.test(connection(), password)).startsWith("PostgreSQL 1");
        List<String> names = new ArrayList<>();
        reader.tables(connection(), password).forEach(t -> names.add(t.qualifiedName()));
        assertThat(names).contains("every_type", "penguins", "big");
        DatabaseReader.Table penguins = reader.tables(connection(), password).stream()
                .filter(t -> t.name().equals("penguins")).findFirst().orElseThrow();
        assertThat(penguins.columns()).startsWith("species : text", "island : text", "bill_length_mm : float8");
    }

    @Test
    void previewReadsTheFirstHundredRows() {
        Dataset d = reader.preview(new QueryRequest(connection(), "SELECT * FROM big ORDER BY id"), password, 100, Progress.NONE);
        assertThat(d.rowCount()).isEqualTo(100);
        assertThat(d.table().intColumn("id").get(99)).isEqualTo(100);
    }
}
