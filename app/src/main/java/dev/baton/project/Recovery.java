package dev.baton.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.baton.train.ModelRun;
import dev.baton.util.AtomicFiles;
import dev.baton.util.Json;
import dev.baton.util.Progress;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Autosave and crash recovery. Each running window has a session folder in the user's recovery area, locked for
 * as long as it runs, where the project is autosaved (every 30 s and after each completed step). A clean exit, a
 * save or a fresh project clears it. A folder whose lock nobody holds, with an autosave in it, is a crashed
 * session's work: the next start offers it back.
 */
public final class Recovery {

    static final String LOCK = "session.lock";
    static final String ABOUT = "recovery.json";

    private final Path dir;

    public Recovery(Path dir) {
        this.dir = dir;
    }

    /** {@code -Dbaton.recovery.dir}, else {@code ~/.baton/recovery}. */
    public static Recovery forUser() {
        String configured = System.getProperty("baton.recovery.dir");
        return new Recovery(configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".baton", "recovery"));
    }

    public Path dir() {
        return dir;
    }

    /** What an autosave says about itself. */
    @JsonPropertyOrder({"name", "projectFolder", "savedAt"})
    public record About(String name, String projectFolder, String savedAt) {
    }

    /** Starts this window's session: a folder of its own, locked until {@link Session#close()} or the process ends. */
    public Session begin() throws IOException {
        Path folder = dir.resolve(Instant.now().toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        return new Session(folder, channel, lock);
    }

    /** Autosaves left by sessions that did not end cleanly, newest first. */
    public List<Leftover> leftovers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Leftover> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path about = folder.resolve(ABOUT);
                if (held(folder)) {
                    continue;
                }
                if (!Files.exists(folder.resolve(ProjectStore.PROJECT_JSON)) || !Files.exists(about)) {
                    deleteTree(folder); // a session that ended without unsaved work: nothing to offer, nothing to keep
                    continue;
                }
                try {
                    About a = Json.mapper().readValue(about.toFile(), About.class);
                    out.add(new Leftover(folder, a));
                } catch (IOException e) {
                    // An unreadable note: the autosave itself may still be fine, but there is nothing to say about it.
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing((Leftover l) -> l.about().savedAt()).reversed());
        return out;
    }

    /** Whether a live session holds this folder's lock. */
    private static boolean held(Path folder) {
        Path lockFile = folder.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (IOException e) {
            return true;
        }
    }

    /** A running window's autosave. Writes happen off the FX thread; calls are serialized. */
    public static final class Session implements AutoCloseable {
        private final Path folder;
        private final FileChannel channel;
        private final FileLock lock;
        private Object modelsWritten;

        Session(Path folder, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.channel = channel;
            this.lock = lock;
        }

        public Path folder() {
            return folder;
        }

        /**
         * Writes the autosave: project.json (atomically) and, when the trained models changed since the last
         * autosave, the models. {@code projectFolder} is where the project itself lives (null while untitled).
         */
        public synchronized void save(ProjectFile file, Path projectFolder, dev.baton.train.Experiment.Leaderboard models) throws IOException {
            if (models != null && models != modelsWritten) {
                for (ModelRun.TrainedModel m : models.models()) {
                    dev.baton.train.ModelFiles.write(m, folder.resolve(ProjectStore.MODELS));
                }
                modelsWritten = models;
            }
            ProjectStore.save(file, folder);
            AtomicFiles.writeBytes(folder.resolve(ABOUT), Json.mapper().writeValueAsBytes(new About(file.name(),
                    projectFolder == null ? null : projectFolder.toAbsolutePath().toString(), Instant.now().toString())));
        }

        /** Nothing to recover any more (the work was saved, or replaced by a fresh project). */
        public synchronized void clear() throws IOException {
            Files.deleteIfExists(folder.resolve(ABOUT));
            Files.deleteIfExists(folder.resolve(ProjectStore.PROJECT_JSON));
            deleteTree(folder.resolve(ProjectStore.MODELS));
            modelsWritten = null;
        }

        /** A clean exit: the autosave and the session folder go. */
        @Override
        public synchronized void close() throws IOException {
            clear();
            lock.release();
            channel.close();
            deleteTree(folder);
        }

        /** Lets go of the lock without clearing: what a crash leaves behind (for tests). */
        public synchronized void abandon() throws IOException {
            lock.release();
            channel.close();
        }
    }

    /** A crashed session's autosave. */
    public record Leftover(Path folder, About about) {

        /** Reads it back like a saved project, with its models; the caller makes it current and marks it unsaved. */
        public ProjectLoader.Loaded load(Progress progress) {
            return load(null, progress);
        }

        /** As {@link #load(Progress)}; {@code typedPassword} for data from a query on a database that wants one. */
        public ProjectLoader.Loaded load(String typedPassword, Progress progress) {
            ProjectLoader.Loaded loaded = ProjectLoader.load(folder, true, typedPassword, progress);
            Path original = about.projectFolder() == null ? null : Path.of(about.projectFolder());
            return new ProjectLoader.Loaded(loaded.file(), original, loaded.session(), loaded.models(), loaded.warnings(),
                    loaded.dataChange());
        }

        public void discard() throws IOException {
            deleteTree(folder);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
