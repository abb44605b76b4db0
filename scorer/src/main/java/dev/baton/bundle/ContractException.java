package dev.baton.bundle;

import dev.baton.util.UserException;

/** Input that breaks the bundle's contract as a whole (a required column is absent), named in words. */
public final class ContractException extends UserException {

    public ContractException(String message) {
        super(message);
    }
}
