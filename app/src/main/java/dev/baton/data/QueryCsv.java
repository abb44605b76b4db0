package dev.baton.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A query's result as a stream of CSV text (a header row, then one line per row, NULL as an empty field), read from
 * the database only as the reader asks for more: the bundle's scorer and drift check read it exactly as they read a CSV
 * file, so a row from the database and the same row in a file give the same prediction. Values are the texts
 * {@link ResultSetGrid} gives them. Closing the stream closes the statement and the connection.
 */
public final class QueryCsv extends InputStream {

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final List<ResultSetGrid.Column> columns;
    private byte[] buffer;
    private int position;
    private boolean finished;
    private long rows;

    QueryCsv(Connection connection, Statement statement, ResultSet rs, ResultSetGrid.Columns columns) {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.columns = columns.all();
        StringBuilder header = new StringBuilder();
        for (String name : columns.names()) {
            if (header.length() > 0) {
                header.append(',');
            }
            field(header, name);
        }
        buffer = header.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows read from the database so far. */
    public long rows() {
        return rows;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position >= buffer.length) {
            if (finished || !fill()) {
                return -1;
            }
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Reads up to a thousand rows as CSV into the buffer; false at the end of the result. */
    private boolean fill() throws IOException {
        StringBuilder out = new StringBuilder(64 * 1024);
        try {
            for (int i = 0; i < 1_000; i++) {
                if (!rs.next()) {
                    finished = true;
                    break;
                }
                boolean first = true;
                for (int c = 0; c < columns.size(); c++) {
                    ResultSetGrid.Column column = columns.get(c);
                    if (column.unsupported()) {
                        continue;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    String text = ResultSetGrid.text(rs, c + 1, column);
                    if (text != null) {
                        field(out, text);
                    }
                }
                out.append('\n');
                rows++;
            }
        } catch (SQLException e) {
            String message = String.format("Reading the query's rows failed after %,d rows: %s", rows, DatabaseReader.firstLine(e.getMessage()));
            throw new IOException(message, new DatabaseException(DatabaseException.Kind.SQL, message, e));
        }
        buffer = out.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
        return buffer.length > 0;
    }

    private static void field(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; rs) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // Nothing was written; closing is all that is left to do.
        }
    }
}
