package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Queries on the embedded engines (DuckDB, SQLite); PostgreSQL is tested against a real server in PostgresIT. */
class DatabaseReaderTest {

    @TempDir
    Path dir;

    private final DatabaseReader reader = new DatabaseReader(new Passwords(Map.of()));

    private Dataset read(DatabaseConnection c, String sql) {
        return reader.read(new QueryRequest(c, sql), null, Progress.NONE);
    }

    @Test
    void duckDbFileWithEveryTypeAndNulls() throws Exception {
        Path db = dir.resolve("shop.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (i INTEGER, big BIGINT, d DOUBLE, n DECIMAL(10,2), b BOOLEAN, day DATE, ts TIMESTAMP,"
                    + " tz TIMESTAMPTZ, s VARCHAR, j JSON, arr INTEGER[], bl BLOB)");
            s.execute("SET TimeZone='UTC'");
            s.execute("INSERT INTO t VALUES (1, 9007199254740993, 2.5, 12.34, true, DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05',"
                    + " TIMESTAMPTZ '2024-01-01 10:00:00+02', 'Adelie', '{\"a\":1}', [1,2], BLOB 'ab'),"
                    + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (-3, -1, -0.5, -1.00, false, DATE '1970-01-01', TIMESTAMP '1999-12-31 23:59:59', TIMESTAMPTZ '2024-06-01 00:00:00+00',"
                    + " 'Gentoo', '[]', [], BLOB '')");
        }
        Dataset d = read(DatabaseConnection.embedded(DatabaseKind.DUCKDB, db.toString()), "SELECT * FROM t ORDER BY i DESC NULLS LAST;");
        // JSON, the list and the blob are left out by default, and the note names them.
        assertThat(d.columnNames()).containsExactly("i", "big", "d", "n", "b", "day", "ts", "tz", "s");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("Left out 3 columns").contains("'j' (json)")
                .contains("'arr' (integer[])").contains("'bl' (blob)"));
        assertThat(d.type("i")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("n")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.type("b")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(d.type("day")).isEqualTo(ColumnType.DATE);
        assertThat(d.type("ts")).isEqualTo(ColumnType.DATETIME);
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(d.table().intColumn("i").get(1)).isEqualTo(-3);
        assertThat(d.table().longColumn("big").get(0)).isEqualTo(9007199254740993L);
        assertThat(d.table().doubleColumn("n").get(0)).isEqualTo(12.34);
        assertThat(d.table().dateColumn("day").get(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(d.table().dateTimeColumn("ts").get(0)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        // 10:00 at +02:00 is 08:00 UTC.
        assertThat(d.table().dateTimeColumn("tz").get(0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 8, 0));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("converted to UTC"));
        for (String column : d.columnNames()) {
            assertThat(d.missingCount(column)).as(column).isEqualTo(1); // the row of NULLs
        }
        assertThat(d.source()).isInstanceOf(QuerySource.class);
        QuerySource q = (QuerySource) d.source();
        assertThat(q.rows()).isEqualTo(3);
        assertThat(q.sql()).isEqualTo("SELECT * FROM t ORDER BY i DESC NULLS LAST;");

        Dataset asText = reader.read(new QueryRequest(DatabaseConnection.embedded(DatabaseKind.DUCKDB, db.toString()),
                "SELECT j, arr, bl FROM t ORDER BY i DESC NULLS LAST", ImportOptions.detect(), true), null, Progress.NONE);
        assertThat(asText.table().stringColumn("j").get(0)).isEqualTo("{\"a\":1}");
        assertThat(asText.table().stringColumn("bl").get(0)).isEqualTo("0x6162");
    }

    @Test
    void fingerprintIsTheSha256OfTheDocumentedSerialization() throws Exception {
        Path db = dir.resolve("f.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, b TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'x'), (NULL, 'yz')");
        }
        Dataset d = read(DatabaseConnection.embedded(DatabaseKind.SQLITE, db.toString()), "SELECT a, b FROM t ORDER BY rowid");
        // By hand: each name, then each cell, as 0x01, 4-byte length, UTF-8 bytes; NULL as 0x00.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String cell : new String[]{"a", "b", "1", "x", null, "yz"}) {
            if (cell == null) {
                sha.update((byte) 0);
            } else {
                byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(new byte[]{0, 0, 0, (byte) bytes.length});
                sha.update(bytes);
            }
        }
        assertThat(d.source().fingerprint()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        // The same rows from DuckDB over the same values give the same fingerprint: it does not depend on the engine.
        Dataset duck = read(DatabaseConnection.embedded(DatabaseKind.DUCKDB, null),
                "SELECT * FROM (VALUES (1, 'x'), (NULL, 'yz')) v(a, b)");
        assertThat(duck.source().fingerprint()).isEqualTo(d.source().fingerprint());
        // Another order is another result.
        Dataset reversed = read(DatabaseConnection.embedded(DatabaseKind.SQLITE, db.toString()), "SELECT a, b FROM t ORDER BY rowid DESC");
        assertThat(reversed.source().fingerprint()).isNotEqualTo(d.source().fingerprint());
    }

    @Test
    void sqliteTypesFollowTheDeclaredAffinityAndTextIsInferredAsForFiles() throws Exception {
        Path db = dir.resolve("p.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE penguins (species TEXT, bill REAL, year INTEGER, seen TEXT)");
            s.execute("INSERT INTO penguins VALUES ('Adelie', 39.1, 2007, '2007-11-11'), ('Gentoo', NULL, 2008, '2008-11-09'),"
                    + " ('Adelie', 40.3, 2009, NULL)");
        }
        Dataset d = read(DatabaseConnection.embedded(DatabaseKind.SQLITE, db.toString()), "SELECT * FROM penguins");
        assertThat(d.type("species")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(d.type("bill")).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.type("year")).isEqualTo(ColumnType.INTEGER);
        assertThat(d.type("seen")).isEqualTo(ColumnType.DATE);
        assertThat(d.missingCount("bill")).isEqualTo(1);
        assertThat(d.table().doubleColumn("bill").get(2)).isEqualTo(40.3);
    }

    @Test
    void duckDbInMemoryRunsSqlOverLocalFilesWhoseNamesHoldGlobCharacters() throws Exception {
        Path csv = dir.resolve("flights[1].csv");
        Files.writeString(csv, "carrier,delay\nAA,5\nUA,-2\nAA,12\n");
        Files.writeString(dir.resolve("flights1.csv"), "carrier,delay\nXX,1\n");
        Dataset d = read(DatabaseConnection.parse("duckdb:").connection(),
                "SELECT carrier, avg(delay) AS mean_delay FROM read_csv(" + DuckDbPaths.literal(csv) + ") GROUP BY carrier ORDER BY carrier");
        assertThat(d.rowCount()).isEqualTo(2);
        assertThat(d.table().doubleColumn("mean_delay").get(0)).isEqualTo(8.5);
    }

    @Test
    void previewReadsTheFirstRowsOnDuckDbToo() {
        Dataset d = reader.preview(new QueryRequest(DatabaseConnection.embedded(DatabaseKind.DUCKDB, null),
                "SELECT range AS i FROM range(1000000)"), null, 100, Progress.NONE);
        assertThat(d.rowCount()).isEqualTo(100);
        assertThat(d.table().intColumn("i").get(99)).isEqualTo(99);
    }

    @Test
    void sqlErrorsSayWhatAndWhere() {
        DatabaseConnection duck = DatabaseConnection.embedded(DatabaseKind.DUCKDB, null);
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> read(duck, "SELECT nosuch FROM range(3)"));
        assertThat(e.kind()).isEqualTo(DatabaseException.Kind.SQL);
        assertThat(e.getMessage()).startsWith("The query failed").contains("nosuch");
        assertThat(SqlErrors.place("SELECT a,\n  b FROM t", 12)).isEqualTo("line 2, column 3:\n    b FROM t\n    ^");
    }

    @Test
    void aQueryThatFailsPartWayIsAnErrorNeverAShortResult() throws Exception {
        // DuckDB's streamed results end quietly on such a failure: Baton must not take the rows before it for all of them.
        String sql = "SELECT CAST(CASE WHEN range < 300000 THEN '1' ELSE 'x' END AS INTEGER) AS a, range AS b FROM range(400000)";
        DatabaseConnection duck = DatabaseConnection.embedded(DatabaseKind.DUCKDB, null);
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> read(duck, sql));
        assertThat(e.getMessage()).startsWith("The query failed").contains("Could not convert string 'x'");
        Throwable streamed = catchThrowableOfType(Exception.class, () -> {
            try (QueryCsv csv = reader.openCsv(new QueryRequest(duck, sql), null)) {
                csv.readAllBytes();
            }
        });
        assertThat(streamed).isNotNull();
        assertThat(streamed.getMessage()).contains("Could not convert string 'x'");
    }

    @Test
    void aMissingDatabaseFileIsNamedAndNotCreated() {
        Path missing = dir.resolve("nope.db");
        DatabaseException e = catchThrowableOfType(DatabaseException.class,
                () -> read(DatabaseConnection.embedded(DatabaseKind.SQLITE, missing.toString()), "SELECT 1"));
        assertThat(e.kind()).isEqualTo(DatabaseException.Kind.NO_FILE);
        assertThat(e.getMessage()).contains(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void anEmptyResultSaysSo() {
        DatabaseException e = catchThrowableOfType(DatabaseException.class,
                () -> read(DatabaseConnection.embedded(DatabaseKind.DUCKDB, null), "SELECT 1 AS a WHERE false"));
        assertThat(e.kind()).isEqualTo(DatabaseException.Kind.NO_ROWS);
    }

    @Test
    void cancellingStopsALongQuery() {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        long start = System.nanoTime();
        Throwable t = catchThrowableOfType(RuntimeException.class, () -> reader.read(new QueryRequest(
                DatabaseConnection.embedded(DatabaseKind.DUCKDB, null),
                "SELECT count(*) FROM range(100000000) a, range(100000) b"), null, cancelled));
        assertThat(t).isInstanceOf(CancelledException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }

    @Test
    void connectionUrlsAreReadAndPasswordsKeptApart() {
        DatabaseConnection.Parsed p = DatabaseConnection.parse("postgresql://alice:s%40cret@db.example.com:6543/sales");
        assertThat(p.connection()).isEqualTo(DatabaseConnection.postgres("db.example.com", 6543, "sales", "alice"));
        assertThat(p.password()).isEqualTo("s@cret");
        assertThat(p.connection().toString()).doesNotContain("s@cret");
        assertThat(p.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/sales");
        assertThat(DatabaseConnection.parse("jdbc:postgresql://h/db?user=bob").connection().user()).isEqualTo("bob");
        assertThat(DatabaseConnection.parse("sqlite:shop.db").connection().kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThat(DatabaseConnection.redact("postgresql://alice:secret@h/db")).isEqualTo("postgresql://alice:***@h/db");
        IllegalArgumentException bad = catchThrowableOfType(IllegalArgumentException.class, () -> DatabaseConnection.parse("mysql://h/db"));
        assertThat(bad.getMessage()).contains("postgresql://");
    }

    @Test
    void passwordsComeFromTheNamedVariableThenPgpassword() {
        DatabaseConnection c = DatabaseConnection.postgres("h", null, "db", "u");
        Passwords env = new Passwords(Map.of("PGPASSWORD", "from-pg", "MY_PW", "from-mine"));
        assertThat(env.find(c, null).password()).isEqualTo("from-pg");
        assertThat(env.find(c.withPasswordVariable("MY_PW"), null).password()).isEqualTo("from-mine");
        assertThat(env.find(c, "typed").password()).isEqualTo("typed");
        DatabaseException e = catchThrowableOfType(DatabaseException.class,
                () -> env.find(c.withPasswordVariable("NOT_SET"), null));
        assertThat(e.getMessage()).contains("NOT_SET").doesNotContain("from-");
    }
}
