package dev.baton.util;

/**
 * A failure the user can act on: the message is written for a data scientist
 * (what was wrong, where, what was expected), not for a developer.
 * The CLI prints it on stderr and exits 1; the GUI shows it in an error dialog.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
