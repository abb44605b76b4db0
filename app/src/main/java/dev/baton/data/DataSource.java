package dev.baton.data;

import java.util.Objects;

/**
 * Where a dataset came from and how it was read: the absolute path of the file, the options used (with every
 * detected value filled in), the SHA-256 of the file's bytes (lower-case hex) and the file's size.
 * A value, compared by all four; the SHA-256 may be computed when first asked for (see {@link FileHash}).
 */
public final class DataSource {

    private final String path;
    private final ImportOptions options;
    private final FileHash fingerprint;
    private final long sizeBytes;

    public DataSource(String path, ImportOptions options, String fingerprint, long sizeBytes) {
        this(path, options, FileHash.known(fingerprint), sizeBytes);
    }

    DataSource(String path, ImportOptions options, FileHash fingerprint, long sizeBytes) {
        this.path = path;
        this.options = options;
        this.fingerprint = fingerprint;
        this.sizeBytes = sizeBytes;
    }

    public String path() {
        return path;
    }

    public ImportOptions options() {
        return options;
    }

    public String fingerprint() {
        return fingerprint.get();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String fileName() {
        return java.nio.file.Path.of(path).getFileName().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSource d && sizeBytes == d.sizeBytes && Objects.equals(path, d.path)
                && Objects.equals(options, d.options) && Objects.equals(fingerprint(), d.fingerprint());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, options, fingerprint(), sizeBytes);
    }

    @Override
    public String toString() {
        return "DataSource[path=" + path + ", options=" + options + ", fingerprint=" + fingerprint() + ", sizeBytes=" + sizeBytes + "]";
    }
}
