package dev.baton.ui.data;

import dev.baton.data.DatabaseConnection;
import dev.baton.data.DatabaseKind;
import dev.baton.data.DatabaseReader;
import dev.baton.data.Dataset;
import dev.baton.data.ImportOptions;
import dev.baton.data.Passwords;
import dev.baton.data.QueryRequest;
import dev.baton.ui.controls.ErrorDialog;
import dev.baton.ui.task.LatestWins;
import dev.baton.ui.task.TaskRunner;
import dev.baton.ui.workbench.SessionPasswords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Open from database" dialog's state: the connection form, the query, the tables of the database, a preview of
 * the first rows as Baton will type them. Every database call runs in the background; the password typed is kept in
 * the session's memory only.
 */
public final class DatabaseDialogViewModel {

    public static final int PREVIEW_ROWS = 100;

    public final ObjectProperty<DatabaseKind> kind = new SimpleObjectProperty<>(DatabaseKind.POSTGRESQL);
    public final StringProperty host = new SimpleStringProperty("localhost");
    public final StringProperty port = new SimpleStringProperty("5432");
    public final StringProperty database = new SimpleStringProperty("");
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final StringProperty passwordVariable = new SimpleStringProperty("");
    public final StringProperty file = new SimpleStringProperty("");
    public final StringProperty sql = new SimpleStringProperty("");
    public final BooleanProperty unsupportedAsText = new SimpleBooleanProperty();

    private final ObservableList<DatabaseReader.Table> tables = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> preview = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final TaskRunner tasks;
    private final SessionPasswords passwords;
    private final DatabaseReader reader = new DatabaseReader(new Passwords());
    private final LatestWins work = new LatestWins();

    public DatabaseDialogViewModel(TaskRunner tasks, SessionPasswords passwords, DatabaseConnection initial, String initialSql) {
        this.tasks = tasks;
        this.passwords = passwords;
        if (initial != null) {
            kind.set(initial.kind());
            host.set(initial.host() == null ? "localhost" : initial.host());
            port.set(String.valueOf(initial.effectivePort()));
            database.set(initial.database() == null ? "" : initial.database());
            user.set(initial.user() == null ? "" : initial.user());
            file.set(initial.file() == null ? "" : initial.file());
            passwordVariable.set(initial.passwordVariable() == null ? "" : initial.passwordVariable());
            String typed = passwords.get(initial);
            password.set(typed == null ? "" : typed);
        }
        sql.set(initialSql == null ? "" : initialSql);
        kind.addListener((o, was, now) -> {
            if (now != null && now.isServer() && port.get().isBlank()) {
                port.set(String.valueOf(now.defaultPort()));
            }
            tables.clear();
            preview.set(null);
        });
    }

    public ObservableList<DatabaseReader.Table> tables() {
        return tables;
    }

    public ReadOnlyObjectProperty<Dataset> previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The connection the form describes (never with a password); a message for the user when it is incomplete. */
    public DatabaseConnection connection() {
        DatabaseKind k = kind.get();
        if (k.isServer()) {
            Integer p;
            try {
                p = port.get().isBlank() ? null : Integer.valueOf(port.get().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The port must be a number, not '" + port.get().strip() + "'.");
            }
            if (database.get().isBlank()) {
                throw new IllegalArgumentException("Name the database to connect to.");
            }
            return new DatabaseConnection(k, host.get(), p, database.get(), user.get(), null, passwordVariable.get());
        }
        if (k == DatabaseKind.SQLITE && file.get().isBlank()) {
            throw new IllegalArgumentException("Choose the SQLite database file.");
        }
        return DatabaseConnection.embedded(k, file.get());
    }

    /** What "Open" reads: the query on this connection; the password stays in the session's memory. */
    public QueryRequest request() {
        DatabaseConnection c = connection();
        if (sql.get().isBlank()) {
            throw new IllegalArgumentException("Write the query whose result is the data, e.g. SELECT * FROM a_table.");
        }
        passwords.put(c, typedPassword());
        return new QueryRequest(c, sql.get(), ImportOptions.detect(), unsupportedAsText.get());
    }

    /** The password typed in the form, else the one typed earlier this session for this connection; null for none. */
    public String typedPassword() {
        if (!password.get().isEmpty()) {
            return password.get();
        }
        try {
            return passwords.get(connection());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Connects, says what answered, and lists the database's tables and columns. */
    public void testConnection() {
        DatabaseConnection c;
        try {
            c = connection();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String typed = typedPassword();
        starting("Connecting to " + c.describe() + "\u2026");
        work.start(tasks.background("Connecting to " + c.shortName(), p -> new Connected(reader.test(c, typed), reader.tables(c, typed)))
                .quiet()
                .onFailure(this::failed), connected -> {
                    busy.set(false);
                    passwords.put(c, typed);
                    status.set("Connected: " + connected.server() + ", " + connected.tables().size() + " table"
                            + (connected.tables().size() == 1 ? "" : "s") + " and views.");
                    tables.setAll(connected.tables());
                });
    }

    private void starting(String what) {
        busy.set(true);
        error.set(null);
        status.set(what);
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set("");
        error.set(ErrorDialog.plainMessage(e));
    }

    private record Connected(String server, java.util.List<DatabaseReader.Table> tables) {
    }

    /** Runs the query for its first rows, typed as a full read will type them. */
    public void refreshPreview() {
        QueryRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String typed = typedPassword();
        starting("Running the query for its first " + PREVIEW_ROWS + " rows\u2026");
        work.start(tasks.background("Previewing the query", p -> reader.preview(request, typed, PREVIEW_ROWS, p))
                .quiet()
                .onFailure(e -> {
                    preview.set(null);
                    failed(e);
                })
                .onCancelled(() -> {
                    busy.set(false);
                    status.set("Preview cancelled.");
                }), dataset -> {
                    busy.set(false);
                    error.set(null);
                    status.set("The first " + dataset.rowCount() + " rows, with the types Baton gives them.");
                    preview.set(dataset);
                });
    }

    /** The query to read a whole table: {@code SELECT * FROM} it. */
    public void useTable(DatabaseReader.Table table) {
        sql.set("SELECT * FROM " + quoteIfNeeded(table));
    }

    private static String quoteIfNeeded(DatabaseReader.Table t) {
        String name = t.qualifiedName();
        return name.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?") ? name
                : (t.qualifiedName().equals(t.name()) ? "" : "\"" + t.schema().replace("\"", "\"\"") + "\".")
                + "\"" + t.name().replace("\"", "\"\"") + "\"";
    }

    /** Stops a running test or preview (the statement is cancelled on the server). */
    public void cancel() {
        work.cancel();
        busy.set(false);
    }
}
