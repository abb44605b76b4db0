package dev.baton.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class BatonApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
