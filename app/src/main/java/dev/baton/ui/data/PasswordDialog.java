package dev.baton.ui.data;

import dev.baton.data.DatabaseConnection;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a database password. It is kept in memory for the session, never written anywhere. */
public final class PasswordDialog {

    private PasswordDialog() {
    }

    /** The password typed, or null if the user cancels. */
    public static String ask(Window owner, DatabaseConnection connection, String reason) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Password");
        dialog.setHeaderText("Password for " + connection.describe());
        PasswordField field = new PasswordField();
        field.setId("database-password");
        Label why = new Label(reason);
        why.setWrapText(true);
        why.setMaxWidth(460);
        Label kept = new Label("Kept in memory until Baton closes; never saved in the project.");
        kept.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, why, field, kept));
        ButtonType ok = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
        return dialog.showAndWait().orElse(null);
    }
}
