package dev.baton.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the sample datasets shipped in {@code sample-data/}: next to the working folder or to the jar. */
public final class SampleData {

    private SampleData() {
    }

    /** The sample folder, or null when Baton runs without it. */
    public static Path folder() {
        String property = System.getProperty("baton.samples");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        Path cwd = Path.of("sample-data");
        if (Files.isDirectory(cwd)) {
            return cwd.toAbsolutePath();
        }
        try {
            Path jar = Path.of(SampleData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("sample-data"))) {
                    return dir.resolve("sample-data");
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    /** The sample projects (NAME.baton-project folders), sorted by name. */
    public static List<Path> projects() {
        Path folder = folder();
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> Files.isDirectory(p) && p.getFileName().toString().endsWith(".baton-project")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The sample data files (not projects or recipes), sorted by name. */
    public static List<Path> files() {
        Path folder = folder();
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".md")
                            && !p.getFileName().toString().endsWith(".recipe.json"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
