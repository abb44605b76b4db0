package dev.baton.ui.controls;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Puts a tab's content into the scene when the tab is first selected. A TabPane keeps the content of every tab in
 * the scene, so JavaFX styles and lays out all of them the first time the pane is shown: on the Explore stage,
 * five tabs of lists, tables and charts held the window up for half a second.
 */
public final class LazyTabs {

    private LazyTabs() {
    }

    /** Call once the tabs are added; tabs added later are left as they are. */
    public static void apply(TabPane pane) {
        Tab first = pane.getSelectionModel().getSelectedItem() != null ? pane.getSelectionModel().getSelectedItem()
                : pane.getTabs().isEmpty() ? null : pane.getTabs().get(0);
        for (Tab tab : pane.getTabs()) {
            if (tab == first || tab.getContent() == null) {
                continue;
            }
            Node content = tab.getContent();
            tab.setContent(null);
            tab.selectedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        tab.selectedProperty().removeListener(this);
                        tab.setContent(content);
                    }
                }
            });
        }
    }
}
