package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.project.ProjectStore;
import dev.baton.project.Recovery;
import dev.baton.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The commands with {@code --db}, against the PostgreSQL test server of .ci/postgres.sh (see PostgresIT): training into a
 * project, re-running its query, scoring and drift from a query, and no password in any file Baton writes.
 */
class DatabaseCommandsIT {

    static String url;
    static String password;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        String port = System.getenv("BATON_TEST_PG_PORT");
        assumeTrue(port != null, "no PostgreSQL test server: start one with .ci/postgres.sh start and source target/postgres/env");
        url = "postgresql://" + System.getenv("BATON_TEST_PG_USER") + "@" + System.getenv("BATON_TEST_PG_HOST") + ":" + port
                + "/" + System.getenv("BATON_TEST_PG_DATABASE");
        password = System.getenv("BATON_TEST_PG_PASSWORD");
    }

    private static void sql(String... statements) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", System.getenv("BATON_TEST_PG_USER"));
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(dev.baton.data.DatabaseConnection.parse(url).connection().jdbcUrl(), p); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aProjectFromAQueryReRunsItAndNoFileHoldsThePassword() throws Exception {
        String table = "penguins_" + ProcessHandle.current().pid();
        sql("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " AS SELECT * FROM penguins");
        try {
            Path project = dir.resolve("birds.baton-project");
            // The password only in an environment variable the connection names: the project keeps the name, not the value.
            Cli train = Cli.run("train", "--db", url, "--query", "SELECT * FROM " + table, "--password-env", "BATON_TEST_PG_PASSWORD",
                    "--target", "species", "--algorithms", "logistic-regression", "--seed", "42", "--save-project", project.toString());
            assertThat(train.exit()).as(train.err()).isZero();
            JsonNode data = Json.mapper().readTree(project.resolve("project.json").toFile()).get("data");
            assertThat(data.get("query").get("sql").asText()).isEqualTo("SELECT * FROM " + table);
            assertThat(data.get("query").get("connection").get("user").asText()).isEqualTo(System.getenv("BATON_TEST_PG_USER"));
            assertThat(data.get("query").get("connection").get("passwordVariable").asText()).isEqualTo("BATON_TEST_PG_PASSWORD");
            assertThat(data.get("query").get("rows").asInt()).isEqualTo(344);
            assertThat(data.has("path")).isFalse();

            // The report re-runs the query and says where the data came from.
            Path html = dir.resolve("report.html");
            Cli report = Cli.run("report", project.toString(), "--html", html.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            String page = org.jsoup.Jsoup.parse(html.toFile()).text();
            assertThat(page).contains("The data comes from a query on the PostgreSQL database", "SELECT * FROM " + table,
                    data.get("fingerprint").asText());

            Path bundle = dir.resolve("birds.baton");
            Cli export = Cli.run("bundle", "export", project.toString(), "--out", bundle.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            JsonNode provenance = Json.mapper().readTree(RunCommandTest.entries(bundle).get("provenance.json"));
            assertThat(provenance.get("data").get("query").asText()).isEqualTo("SELECT * FROM " + table);
            assertThat(provenance.get("data").get("sha256").asText()).isEqualTo(data.get("fingerprint").asText());

            // Recovery files as the window writes them.
            Path recovery = dir.resolve("recovery");
            try (Recovery.Session session = new Recovery(recovery).begin()) {
                session.save(ProjectStore.read(project), project, null);
                assertNoPasswordIn(recovery);
            }
            assertNoPasswordIn(project);
            assertNoPasswordIn(html);
            assertNoPasswordIn(bundle);

            // The table changes: the project's data no longer matches, and headless commands stop unless allowed.
            sql("INSERT INTO " + table + " SELECT * FROM penguins LIMIT 1");
            Cli changed = Cli.run("report", project.toString(), "--html", dir.resolve("r2.html").toString());
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.err()).contains("The project's query on the PostgreSQL database", "now returns other data",
                    "--allow-changed-data");
            assertThat(dir.resolve("r2.html")).doesNotExist();
            Cli allowed = Cli.run("report", project.toString(), "--html", dir.resolve("r2.html").toString(), "--allow-changed-data");
            assertThat(allowed.exit()).as(allowed.err()).isZero();
            assertThat(org.jsoup.Jsoup.parse(dir.resolve("r2.html").toFile()).text())
                    .contains("The query's result on the PostgreSQL database", "has changed since the project was saved");
        } finally {
            sql("DROP TABLE IF EXISTS " + table);
        }
    }

    /** Every file under {@code path} (a bundle's entries unzipped), searched for the password's bytes. */
    private static void assertNoPasswordIn(Path path) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            if (file.toString().endsWith(".baton")) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (var entry : java.util.Collections.list(zip.entries())) {
                        String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                        assertThat(text).as("%s!%s", file, entry.getName()).doesNotContain(password);
                    }
                }
            } else {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(password);
            }
        }
    }

    @Test
    void scoringAndDriftFromAQueryMatchTheSameRowsFromAFile() throws Exception {
        Path project = dir.resolve("p.baton-project");
        assertThat(Cli.run("train", "sample-data/penguins.csv", "--target", "species", "--algorithms", "logistic-regression",
                "--seed", "42", "--save-project", project.toString()).exit()).isZero();
        Path bundle = dir.resolve("p.baton");
        assertThat(Cli.run("bundle", "export", project.toString(), "--out", bundle.toString()).exit()).isZero();

        Path fromFile = dir.resolve("file.csv");
        Path fromQuery = dir.resolve("query.csv");
        Cli file = Cli.run("bundle", "score", bundle.toString(), "--input", "sample-data/penguins.csv", "--output", fromFile.toString());
        assertThat(file.exit()).as(file.err()).isZero();
        Cli query = Cli.run("bundle", "score", bundle.toString(), "--db", url, "--password-env", "BATON_TEST_PG_PASSWORD",
                "--query", "SELECT * FROM penguins", "--output", fromQuery.toString());
        assertThat(query.exit()).as(query.err()).isZero();
        List<String> expected = Files.readAllLines(fromFile);
        assertThat(expected).hasSize(345);
        assertThat(Files.readAllLines(fromQuery)).isEqualTo(expected);

        Cli drift = Cli.run("bundle", "drift", bundle.toString(), "--db", url, "--password-env", "BATON_TEST_PG_PASSWORD",
                "--query", "SELECT * FROM penguins", "--json");
        assertThat(drift.exit()).as(drift.err()).isZero(); // the training data itself has not drifted
        JsonNode report = Json.mapper().readTree(drift.out());
        assertThat(report.get("rows").asInt()).isEqualTo(344);

        Cli both = Cli.run("bundle", "score", bundle.toString(), "--input", "sample-data/penguins.csv", "--db", url,
                "--query", "SELECT 1", "--output", dir.resolve("x.csv").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }
}
