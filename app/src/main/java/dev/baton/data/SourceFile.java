package dev.baton.data;

import dev.baton.util.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * A file's bytes in memory with their SHA-256; gzip-compressed files are unpacked (the hash is of the file as stored).
 */
record SourceFile(Path path, byte[] bytes, FileHash hash, long sizeOnDisk) {

    SourceFile(Path path, byte[] bytes, String sha256, long sizeOnDisk) {
        this(path, bytes, FileHash.known(sha256), sizeOnDisk);
    }

    String sha256() {
        return hash.get();
    }

    private static final int BLOCK = 8 << 20;

    static SourceFile read(Path path, Progress progress) {
        return read(path, progress, true);
    }

    /** Reads the file; its hash is computed alongside the parsing ({@code hashNow}) or when first asked for. */
    static SourceFile read(Path path, Progress progress, boolean hashNow) {
        checkReadable(path);
        try (FileChannel channel = open(path)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 64) {
                throw ImportException.of(ImportException.Kind.TOO_LARGE, path, path.getFileName() + " is "
                        + String.format("%,d", size / (1 << 20)) + " MB; Baton reads files up to 2 GB. Convert it to Parquet to read larger data.");
            }
            // A pipe (/dev/stdin, a named pipe) has no size: it is read to its end.
            boolean sized = Files.isRegularFile(path);
            byte[] bytes = sized ? readSized(path, channel, size, progress) : readToEnd(path, channel, progress);
            size = sized ? size : bytes.length;
            FileHash hash = hashNow ? FileHash.computing(bytes, dev.baton.util.Parallel.pool()) : FileHash.whenAsked(bytes);
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
                return new SourceFile(path, gunzip(path, bytes), hash, size);
            }
            return new SourceFile(path, bytes, hash, size);
        } catch (IOException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, path, 0, null, null, java.util.List.of(),
                    "Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readSized(Path path, FileChannel channel, long size, Progress progress) throws IOException {
        byte[] bytes = new byte[(int) size];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.position() < bytes.length) {
            progress.checkCancelled();
            buffer.limit(Math.min(bytes.length, buffer.position() + BLOCK));
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            progress.update(buffer.position(), size, "Reading " + path.getFileName());
        }
        return buffer.position() == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, buffer.position());
    }

    private static byte[] readToEnd(Path path, FileChannel channel, Progress progress) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
            progress.checkCancelled();
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
            if (out.size() > Integer.MAX_VALUE - 64 - buffer.capacity()) {
                throw ImportException.of(ImportException.Kind.TOO_LARGE, path, path.getFileName()
                        + " gives more than 2 GB; Baton reads files up to 2 GB. Convert it to Parquet to read larger data.");
            }
            progress.update(out.size(), -1, "Reading " + path.getFileName());
        }
        return out.toByteArray();
    }

    /** How long a named pipe may wait for a program to start writing into it before Baton gives up. */
    static final long PIPE_WAIT_SECONDS = 10;

    /**
     * Opens the file. A pipe (a named pipe, /dev/stdin, a shell's {@code <(zcat f)}) is read from its writer, but
     * opening one waits until some program writes to it, forever if none does: Baton waits {@link #PIPE_WAIT_SECONDS}.
     * A device (/dev/zero, /dev/random) or a socket is refused at once: it is not data and may never end.
     */
    private static FileChannel open(Path path) throws IOException {
        String kind = kind(path);
        if (kind.equals("device") || kind.equals("socket")) {
            throw ImportException.of(ImportException.Kind.UNREADABLE, path, path + " is a " + kind + ", not a data file.");
        }
        if (!kind.equals("pipe")) {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
        java.util.concurrent.CompletableFuture<FileChannel> opening = new java.util.concurrent.CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(FileChannel.open(path, StandardOpenOption.READ));
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "baton-open-pipe");
        opener.setDaemon(true); // blocked in open(2) until a writer comes; it must not keep the program alive
        opener.start();
        try {
            return opening.get(PIPE_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            opening.thenAccept(channel -> {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a channel nobody reads; closing it is all that is left to do
                }
            });
            throw ImportException.of(ImportException.Kind.UNREADABLE, path, path + " is a pipe, and no program wrote to it within "
                    + PIPE_WAIT_SECONDS + " seconds.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** "file", "pipe", "device", "socket" or "other", from the file's mode where the system tells it. */
    static String kind(Path path) {
        if (Files.isRegularFile(path)) {
            return "file";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "pipe";
                case 0020000, 0060000 -> "device";
                case 0140000 -> "socket";
                default -> "other";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "other";
        }
    }

    /** The SHA-256 of a file, without keeping its bytes. */
    static String fingerprint(Path path) throws IOException {
        MessageDigest sha = FileHash.newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    static void checkReadable(Path path) {
        if (!Files.exists(path)) {
            throw new ImportException(ImportException.Kind.NOT_FOUND, path, 0, null, null, java.util.List.of(),
                    "File not found: " + path, new NoSuchFileException(path.toString()));
        }
        if (Files.isDirectory(path)) {
            throw ImportException.of(ImportException.Kind.UNREADABLE, path, path + " is a folder, not a data file.");
        }
        if (!Files.isReadable(path)) {
            throw new ImportException(ImportException.Kind.UNREADABLE, path, 0, null, null, java.util.List.of(),
                    "Baton is not allowed to read " + path + ".", new AccessDeniedException(path.toString()));
        }
    }

    private static byte[] gunzip(Path path, byte[] bytes) throws IOException {
        return gunzip(path, bytes, Integer.MAX_VALUE - 64);
    }

    /** Unpacks gzip in blocks, stopping the moment the text passes {@code cap} bytes (a gzip bomb is refused, not unpacked). */
    static byte[] gunzip(Path path, byte[] bytes, int cap) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, bytes.length * 4L));
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n > 0; n = in.read(block)) {
                if (out.size() > cap - n) {
                    throw ImportException.of(ImportException.Kind.TOO_LARGE, path, path.getFileName() + " unpacks to more than "
                            + (cap >= (1 << 30) ? "2 GB" : String.format("%,d bytes", cap))
                            + "; Baton reads text up to 2 GB. Convert it to Parquet to read larger data.");
                }
                out.write(block, 0, n);
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw ImportException.of(ImportException.Kind.UNREADABLE, path, path.getFileName()
                    + " looks gzip-compressed but is damaged: " + e.getMessage());
        }
    }
}
