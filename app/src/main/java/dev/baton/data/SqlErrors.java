package dev.baton.data;

import java.sql.SQLException;

/** A failed query's error in words, with the place in the query the database points at. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * "The query failed: column "x" does not exist, at line 2, column 8:" followed by that line of the query and a caret
     * under the place, when the database reports one (PostgreSQL reports a character position).
     */
    static String describe(SQLException e, String sql) {
        String message = DatabaseReader.firstLine(e.getMessage());
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            var server = p.getServerErrorMessage();
            message = server.getMessage();
            int position = server.getPosition();
            if (position > 0 && position <= sql.length() + 1) {
                return "The query failed: " + message + ", at " + place(sql, position - 1);
            }
            return "The query failed: " + message + (server.getHint() == null ? "" : " (" + server.getHint() + ")");
        }
        // DuckDB and SQLite say where in their own message; the first lines carry it.
        String full = e.getMessage() == null ? message : e.getMessage().strip();
        String[] lines = full.split("\n");
        StringBuilder out = new StringBuilder("The query failed: ").append(lines[0]);
        for (int i = 1; i < Math.min(lines.length, 4); i++) {
            if (!lines[i].isBlank()) {
                out.append('\n').append(lines[i]);
            }
        }
        return out.toString();
    }

    /** "line L, column C:" then the query's line and a caret under the character at {@code index} (0-based). */
    static String place(String sql, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = sql.indexOf('\n', lineStart);
        String text = sql.substring(lineStart, lineEnd < 0 ? sql.length() : lineEnd);
        int column = index - lineStart + 1;
        return "line " + line + ", column " + column + ":\n  " + text + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
