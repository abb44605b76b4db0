package dev.baton.project;

import dev.baton.data.DataSource;
import dev.baton.data.ImportOptions;

/**
 * The project's data source: where the file is, what its bytes hashed to, and how to read it.
 *
 * @param path         absolute path of the file; in a saved project only where no relative path can be made (another drive)
 * @param relativePath the file relative to the project folder, so that a project moved or shared with its data opens
 *                     anywhere and names no folder of the machine it was made on
 * @param fingerprint  SHA-256 of the file's bytes
 * @param options      import options with every detected value filled in
 */
public record DataRef(String path, String relativePath, String fingerprint, ImportOptions options) {

    public static DataRef of(DataSource source) {
        return new DataRef(source.path(), null, source.fingerprint(), source.options());
    }

    /** Where the file was, for messages: the absolute path, else the relative one resolved against the project folder. */
    public String location(java.nio.file.Path projectFolder) {
        if (path != null) {
            return path;
        }
        return projectFolder == null ? relativePath : projectFolder.resolve(relativePath).normalize().toString();
    }
}
