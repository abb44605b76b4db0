package dev.baton.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened data files and projects, kept in the user's preferences. */
public final class RecentFiles {

    private static final int MAX = 10;
    private final Preferences node;
    private final String key;

    public RecentFiles(Preferences node, String key) {
        this.node = node;
        this.key = key;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String line : node.get(key, "").split("\n")) {
            if (!line.isBlank() && Files.exists(Path.of(line))) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    public void add(Path file) {
        List<String> items = new ArrayList<>();
        items.add(file.toAbsolutePath().normalize().toString());
        for (Path p : list()) {
            String s = p.toAbsolutePath().normalize().toString();
            if (!items.contains(s) && items.size() < MAX) {
                items.add(s);
            }
        }
        node.put(key, String.join("\n", items));
    }
}
