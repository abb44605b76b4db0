package dev.baton.data;

import dev.baton.util.CancelledException;
import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole PostgreSQL result read through {@code COPY (query) TO STDOUT} as CSV: the server streams rows while the
 * reader takes them (a cursor's fetches instead wait for each other), the driver holds no rows, and the CSV is split
 * into cells by the same parallel tokenizer as a file. The query is described first (prepared, not run) for its
 * columns' types and for errors with their position. Used when every column is one Baton holds as the JDBC reader
 * would give it; otherwise (types left out or read as text, timestamps with a time zone, a single column, whose NULL
 * would be a blank line) the JDBC reader runs. See docs/decisions/0013.
 *
 * <p>The fingerprint is the SHA-256 of the column names (as {@link ResultSetGrid} writes them) followed by the
 * result's CSV as PostgreSQL writes it: the same query on the same rows gives the same fingerprint.
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /** The dataset, or null when the result needs the JDBC reader (see the class comment). */
    static Dataset readIfPlain(Connection connection, QueryRequest request, String sql, Progress progress, Clock clock)
            throws SQLException {
        ResultSetGrid.Columns columns;
        try (PreparedStatement describe = connection.prepareStatement(sql)) {
            java.sql.ResultSetMetaData meta;
            try {
                meta = describe.getMetaData();
            } catch (SQLException e) {
                throw new DatabaseException(DatabaseException.Kind.SQL, SqlErrors.describe(e, sql), e);
            }
            if (meta == null) {
                return null; // not a query that returns rows: the JDBC reader says so
            }
            columns = ResultSetGrid.describe(meta, request.unsupportedAsText(), "The query");
        }
        boolean plain = columns.all().size() >= 2 && columns.all().stream().allMatch(ResultSetGrid.Column::readAsServerText);
        if (!plain) {
            return null;
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        MessageDigest sha = sha256();
        for (String name : columns.names()) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            sha.update(new byte[]{1, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(bytes);
        }
        Bytes csv = new Bytes();
        long rows = 0;
        try (DatabaseReader.CancelWatch watch = new DatabaseReader.CancelWatch(pg::cancelQuery, progress)) {
            CopyOut copy;
            try {
                // The closing parenthesis on a line of its own: a query may end with a -- comment.
                copy = pg.getCopyAPI().copyOut("COPY (" + sql + "\n) TO STDOUT WITH (FORMAT csv)");
            } catch (SQLException e) {
                throw DatabaseReader.queryError(e, sql, watch);
            }
            try {
                byte[] row;
                int hashed = 0;
                while ((row = copy.readFromCopy()) != null) {
                    csv.add(row);
                    rows++;
                    // Hashed as it arrives: this thread mostly waits for the server, so the hash costs no time after.
                    if (csv.size - hashed >= 1 << 16) {
                        sha.update(csv.data, hashed, csv.size - hashed);
                        hashed = csv.size;
                    }
                    if ((rows & 0x1FFF) == 0) {
                        if (progress.isCancelled()) {
                            copy.cancelCopy();
                            throw new CancelledException();
                        }
                        progress.update(rows, -1, String.format("Reading rows: %,d so far", rows));
                    }
                }
                sha.update(csv.data, hashed, csv.size - hashed);
            } catch (SQLException e) {
                throw DatabaseReader.queryError(e, sql, watch);
            }
        } catch (FieldGridBuilder.TooMuchText e) {
            throw new DatabaseException(DatabaseException.Kind.OTHER, String.format("The result holds more than 2 GB of text; "
                    + "Baton keeps up to 2 GB of text in memory and had read %,d complete rows when it passed that. Select "
                    + "fewer columns, or fewer rows.", e.rows));
        }
        if (rows == 0) {
            throw new DatabaseException(DatabaseException.Kind.NO_ROWS, "The query returned " + columns.names().size()
                    + " columns but no rows: there is nothing to analyse.");
        }
        DelimitedTokenizer.Result cells;
        try {
            cells = new DelimitedTokenizer(Path.of("query"), csv.data, csv.size,
                    new DelimitedTokenizer.Layout((byte) ',', (byte) '"', false, RaggedRows.ERROR), progress)
                    .tokenize(0, false, Parallel.pool(), Parallel.threads());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        Map<String, Object> declared = new HashMap<>();
        for (ResultSetGrid.Column c : columns.kept()) {
            if (c.declared() != null) {
                declared.put(c.name(), c.declared());
            }
        }
        return DatabaseReader.dataset(request, cells.grid(), columns, declared, rows,
                java.util.HexFormat.of().formatHex(sha.digest()), clock, progress);
    }

    /** The CSV as it arrives, in one array (the tokenizer's cells point into it). */
    private static final class Bytes {
        byte[] data = new byte[4 << 20];
        int size;

        void add(byte[] row) {
            if (size + row.length > data.length) {
                long wanted = Math.max((long) data.length * 2, (long) size + row.length);
                if (wanted > Integer.MAX_VALUE - 16) {
                    throw new FieldGridBuilder.TooMuchText(0);
                }
                data = java.util.Arrays.copyOf(data, (int) wanted);
            }
            System.arraycopy(row, 0, data, size, row.length);
            size += row.length;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
