package dev.baton.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The control of PostgresIT's memory test: the query read as pgjdbc reads it by default (autocommit on, no fetch
 * size), which holds every row in memory before the first is returned. Run in a JVM with the same small heap.
 * Arguments: JDBC URL, user, query; the password in PGPASSWORD.
 */
public final class HoldWholeResult {

    private HoldWholeResult() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", System.getenv("PGPASSWORD"));
        try (Connection c = DriverManager.getConnection(args[0], p); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[2])) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            System.out.println("held " + n + " rows");
        }
    }
}
