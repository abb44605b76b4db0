package dev.baton.data;

import java.nio.file.Path;

/** File names as DuckDB's readers take them. */
final class DuckDbPaths {

    private DuckDbPaths() {
    }

    /**
     * An SQL string literal that names exactly this file. DuckDB's readers take a path as a glob pattern, so
     * {@code h*.parquet} would read every matching file and {@code h[1].parquet} would read {@code h1.parquet}: each
     * glob character is put in a class of its own ({@code [*]}, {@code [?]}, {@code [[]}), which matches only itself.
     */
    static String literal(Path file) {
        String path = file.toAbsolutePath().toString();
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '*', '?', '[' -> out.append('[').append(c).append(']');
                case '\'' -> out.append("''");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
