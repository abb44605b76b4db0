package dev.baton.data;

import java.nio.file.Path;

/** Path helpers for data sources referenced from project folders. */
public final class DataRefs {

    private DataRefs() {
    }

    /** The file's path relative to the folder, with forward slashes so the project file is portable. */
    public static String relativize(Path folder, Path file) {
        try {
            Path relative = folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            return relative.toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
