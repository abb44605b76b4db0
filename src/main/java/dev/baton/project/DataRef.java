package dev.baton.project;

import dev.baton.data.DataSource;
import dev.baton.data.ImportOptions;

/**
 * The project's data source: where the file is, what its bytes hashed to, and how to read it.
 *
 * @param path         absolute path when the project was saved
 * @param relativePath the same file relative to the project folder (so a moved project folder with its data still opens)
 * @param fingerprint  SHA-256 of the file's bytes
 * @param options      import options with every detected value filled in
 */
public record DataRef(String path, String relativePath, String fingerprint, ImportOptions options) {

    public static DataRef of(DataSource source) {
        return new DataRef(source.path(), null, source.fingerprint(), source.options());
    }
}
