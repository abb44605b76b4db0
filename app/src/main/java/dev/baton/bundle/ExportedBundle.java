package dev.baton.bundle;

/**
 * A bundle exported from a project, for the report's lineage: its file name, the SHA-256 of its bytes (so a copy can
 * be checked with {@code sha256sum}), and the algorithm of the model it holds.
 */
public record ExportedBundle(String file, String sha256, String algorithm) {
}
