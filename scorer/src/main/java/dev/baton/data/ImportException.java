package dev.baton.data;

import dev.baton.util.UserException;

import java.nio.file.Path;
import java.util.List;

/**
 * A file that could not be read, with where and why: the file, the 1-based line (0 when it does not apply),
 * the column and the offending text, so that the user can find and fix the problem.
 */
public class ImportException extends UserException {

    /** What went wrong, for callers that offer a remedy (the import dialog offers pad or skip for ragged rows). */
    public enum Kind {
        NOT_FOUND, UNREADABLE, EMPTY, HEADER_ONLY, BINARY, BAD_ENCODING, UNTERMINATED_QUOTE,
        RAGGED_ROWS, TOO_MANY_COLUMNS, TOO_LARGE, SYNTAX, UNSUPPORTED
    }

    private final Kind kind;
    private final Path file;
    private final long line;
    private final String column;
    private final String value;
    private final List<Long> lines;

    public ImportException(Kind kind, Path file, long line, String column, String value, String message) {
        this(kind, file, line, column, value, List.of(), message, null);
    }

    public ImportException(Kind kind, Path file, long line, String column, String value, List<Long> lines,
                           String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.lines = List.copyOf(lines);
    }

    public static ImportException of(Kind kind, Path file, String message) {
        return new ImportException(kind, file, 0, null, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    /** For ragged rows: the first offending line numbers. */
    public List<Long> lines() {
        return lines;
    }

    /** Shortens a cell's text for a message and makes control characters visible. */
    public static String snippet(String text) {
        String s = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0xFFFD) {
                        out.append(String.format("\\x%02X", (int) c & 0xFF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
