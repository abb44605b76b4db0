package dev.baton.data;

/**
 * Where a dataset came from and how it was read.
 *
 * @param path        absolute path of the file
 * @param options     the options used, with every detected value filled in
 * @param fingerprint SHA-256 of the file's bytes, lower-case hex
 * @param sizeBytes   the file's size
 */
public record DataSource(String path, ImportOptions options, String fingerprint, long sizeBytes) {

    public String fileName() {
        return java.nio.file.Path.of(path).getFileName().toString();
    }
}
