package dev.baton.ui.workbench;

import dev.baton.data.DatabaseConnection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords the user typed, kept in memory for this session only, so that a query run again (a project re-opened, a
 * preview then a load) does not ask twice. Never written anywhere.
 */
public final class SessionPasswords {

    private final Map<DatabaseConnection, String> typed = new ConcurrentHashMap<>();

    /** The password typed for this connection this session, or null. */
    public String get(DatabaseConnection connection) {
        return typed.get(connection);
    }

    public void put(DatabaseConnection connection, String password) {
        if (password == null || password.isEmpty()) {
            typed.remove(connection);
        } else {
            typed.put(connection, password);
        }
    }

    @Override
    public String toString() {
        return "SessionPasswords[" + typed.size() + " kept]";
    }
}
