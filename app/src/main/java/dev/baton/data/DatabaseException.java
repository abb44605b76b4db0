package dev.baton.data;

import dev.baton.util.UserException;

/** A database that could not be reached or a query that failed, said in words a data scientist understands. */
public final class DatabaseException extends UserException {

    /** What went wrong, for callers that offer a remedy (the window asks for a password on NO_PASSWORD or WRONG_PASSWORD). */
    public enum Kind { NO_SERVER, NO_PASSWORD, WRONG_PASSWORD, NO_DATABASE, NO_FILE, SQL, NO_ROWS, OTHER }

    private final Kind kind;

    public DatabaseException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DatabaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when typing a password may help. */
    public boolean needsPassword() {
        return kind == Kind.NO_PASSWORD || kind == Kind.WRONG_PASSWORD;
    }
}
