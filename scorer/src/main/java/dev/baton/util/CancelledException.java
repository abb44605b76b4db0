package dev.baton.util;

/** Thrown by work that noticed it was cancelled; callers treat it as "nothing happened". */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled", null, false, false);
    }
}
