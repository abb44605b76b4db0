package dev.baton.bundle;

import dev.baton.util.UserException;

/** A bundle that cannot be trusted or read: damaged, tampered with, unsafe, or from an unknown format version. */
public final class BundleException extends UserException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
