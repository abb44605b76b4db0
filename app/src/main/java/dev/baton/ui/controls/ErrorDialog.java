package dev.baton.ui.controls;

import dev.baton.util.UserException;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Errors in plain words, with the technical details one click away. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /** The sentence shown to the user for an error. */
    public static String plainMessage(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof UserException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "Baton ran out of memory. Close other datasets or start Baton with more memory (-Xmx).";
        }
        if (e instanceof java.io.IOException) {
            return "A file could not be read or written: " + e.getMessage();
        }
        return "Something went wrong that Baton did not expect (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). The details below help us fix it.";
    }

    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.lang.reflect.InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    public static Alert create(Window owner, String header, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Baton");
        alert.setHeaderText(header);
        Label message = new Label(plainMessage(error));
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.getStyleClass().add("error-message");
        alert.getDialogPane().setContent(new VBox(message));
        if (!(unwrap(error) instanceof UserException)) {
            // For a report: what failed, cause by cause. The stack trace only when Baton runs with -Dbaton.debug=true.
            TextArea details = new TextArea(details(error));
            details.setEditable(false);
            details.setPrefRowCount(8);
            details.getStyleClass().add("error-details");
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.getDialogPane().setMinWidth(600);
        return alert;
    }

    static String details(Throwable error) {
        if (Boolean.getBoolean("baton.debug")) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
        StringBuilder out = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            out.append(out.length() == 0 ? "" : "caused by ").append(e.getClass().getName())
                    .append(e.getMessage() == null ? "" : ": " + e.getMessage()).append('\n');
        }
        return out.append("Baton ").append(dev.baton.util.Versions.baton()).append(", Java ").append(dev.baton.util.Versions.java()).toString();
    }

    public static void show(Window owner, String header, Throwable error) {
        create(owner, header, error).showAndWait();
    }
}
