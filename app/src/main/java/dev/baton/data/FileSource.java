package dev.baton.data;

import java.util.Objects;

/**
 * A dataset read from a file. Where it came from and how it was read: the absolute path of the file, the options used (with every
 * detected value filled in), the SHA-256 of the file's bytes (lower-case hex) and the file's size.
 * A value, compared by all four; the SHA-256 may be computed when first asked for (see {@link FileHash}).
 */
public final class FileSource implements DataSource {

    private final String path;
    private final ImportOptions options;
    private final FileHash fingerprint;
    private final long sizeBytes;

    public FileSource(String path, ImportOptions options, String fingerprint, long sizeBytes) {
        this(path, options, FileHash.known(fingerprint), sizeBytes);
    }

    FileSource(String path, ImportOptions options, FileHash fingerprint, long sizeBytes) {
        this.path = path;
        this.options = options;
        this.fingerprint = fingerprint;
        this.sizeBytes = sizeBytes;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public ImportOptions options() {
        return options;
    }

    @Override
    public String fingerprint() {
        return fingerprint.get();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String fileName() {
        return java.nio.file.Path.of(path).getFileName().toString();
    }

    @Override
    public String location() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSource d && sizeBytes == d.sizeBytes && Objects.equals(path, d.path)
                && Objects.equals(options, d.options) && Objects.equals(fingerprint(), d.fingerprint());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, options, fingerprint(), sizeBytes);
    }

    @Override
    public String toString() {
        return "FileSource[path=" + path + ", options=" + options + ", fingerprint=" + fingerprint() + ", sizeBytes=" + sizeBytes + "]";
    }
}
