package dev.baton.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The SHA-256 of a file's bytes as read, lower-case hex: computed on another thread while the bytes are parsed,
 * or only when first asked for (a one-shot command that never shows it saves the work; the bytes are kept
 * until then, so that the hash is of what was read even if the file changes afterwards).
 */
final class FileHash {

    private final CompletableFuture<String> started;
    private byte[] bytes;
    private String value;

    private FileHash(CompletableFuture<String> started, byte[] bytes, String value) {
        this.started = started;
        this.bytes = bytes;
        this.value = value;
    }

    static FileHash known(String sha256) {
        return new FileHash(null, null, sha256);
    }

    static FileHash computing(byte[] bytes, Executor executor) {
        return new FileHash(CompletableFuture.supplyAsync(() -> of(bytes), executor), null, null);
    }

    static FileHash whenAsked(byte[] bytes) {
        return new FileHash(null, bytes, null);
    }

    synchronized String get() {
        if (value == null) {
            value = started != null ? started.join() : of(bytes);
            bytes = null;
        }
        return value;
    }

    static String of(byte[] bytes) {
        MessageDigest sha = newDigest();
        sha.update(bytes);
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
