package dev.baton.ui.controls;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Forms laid out as a grid of label and field rows. */
public final class Forms {

    private Forms() {
    }

    /**
     * A grid whose first column, the labels, is never narrower than its widest label: squeezed, a grid shrinks
     * its columns alike and cuts labels to "Hold out (...".
     */
    public static GridPane grid(double hgap, double vgap) {
        GridPane grid = new GridPane();
        grid.setHgap(hgap);
        grid.setVgap(vgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        return grid;
    }
}
