package dev.baton.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeFiles;
import dev.baton.train.Preparation;
import dev.baton.util.Json;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model bundle read and checked: every entry's name is safe, its size bounded, its SHA-256 the one in the
 * manifest, and the format version one this Baton knows. The model is read from Tribuo's protobuf format; no
 * Java deserialization is used anywhere.
 */
public final class Bundle {

    private final Path file;
    private final Map<String, byte[]> entries;
    private final Manifest manifest;
    private final Contract contract;
    private final Recipe recipe;
    private final Preparation preparation;
    private final Model<?> model;

    private Bundle(Path file, Map<String, byte[]> entries, Manifest manifest, Contract contract, Recipe recipe, Preparation preparation,
                   Model<?> model) {
        this.file = file;
        this.entries = entries;
        this.manifest = manifest;
        this.contract = contract;
        this.recipe = recipe;
        this.preparation = preparation;
        this.model = model;
    }

    public static Bundle open(Path file) {
        return open(file, BundleFormat.MAX_ENTRY_BYTES);
    }

    static Bundle open(Path file, long maxEntryBytes) {
        if (!Files.isRegularFile(file)) {
            throw new BundleException("There is no bundle file " + file + ".");
        }
        Map<String, byte[]> entries = readEntries(file, maxEntryBytes);
        byte[] manifestBytes = entries.get(BundleFormat.MANIFEST);
        if (manifestBytes == null) {
            throw new BundleException(file + " is not a Baton model bundle: it has no " + BundleFormat.MANIFEST + ".");
        }
        Manifest manifest = parse(file, BundleFormat.MANIFEST, manifestBytes, Manifest.class);
        if (!BundleFormat.FORMAT.equals(manifest.format())) {
            throw new BundleException(file + " has format '" + manifest.format() + "', which this Baton (" + dev.baton.util.Versions.baton()
                    + ") does not know; it reads " + BundleFormat.FORMAT + ". A newer Baton may read it.");
        }
        checkEntries(file, entries, manifest);
        // The model is read on a thread of its own while the JSON entries are parsed: in a fresh process both are
        // mostly class loading (protobuf and Tribuo; Jackson), a third of a second each.
        ModelReader modelReader = new ModelReader(entries.get(BundleFormat.MODEL));
        Thread reading = new Thread(modelReader, "baton-bundle-model");
        reading.setDaemon(true);
        reading.start();
        Contract contract = parse(file, BundleFormat.CONTRACT, entries.get(BundleFormat.CONTRACT), Contract.class);
        Recipe recipe;
        try {
            recipe = RecipeFiles.fromJson(new String(entries.get(BundleFormat.RECIPE), StandardCharsets.UTF_8), file + "!" + BundleFormat.RECIPE);
        } catch (RuntimeException e) {
            throw new BundleException(file + ": " + BundleFormat.RECIPE + " cannot be read: " + e.getMessage(), e);
        }
        checkScoringSteps(file, recipe);
        Preparation preparation = parse(file, BundleFormat.PREPARATION, entries.get(BundleFormat.PREPARATION), Preparation.class);
        try {
            reading.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        }
        if (modelReader.failure != null) {
            throw new BundleException(file + ": the model (" + BundleFormat.MODEL + ") cannot be read: " + modelProblem(modelReader.failure),
                    modelReader.failure);
        }
        return new Bundle(file, entries, manifest, contract, recipe, preparation, modelReader.model);
    }

    /** Reads the Tribuo model from its protobuf bytes; what went wrong, if anything, is kept for the caller. */
    private static final class ModelReader implements Runnable {
        private final byte[] bytes;
        private volatile Model<?> model;
        private volatile Throwable failure;

        ModelReader(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void run() {
            try {
                model = Model.deserialize(ModelProto.parseFrom(bytes));
            } catch (IOException | RuntimeException | LinkageError e) {
                failure = e;
            }
        }
    }

    /**
     * Why a model cannot be read, in words: an XGBoost model needs XGBoost, which the scorer leaves out unless asked
     * for (its native library is large and needs OpenMP).
     */
    static String modelProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("xgboost")) {
                return "it is an XGBoost model, and XGBoost is not on the class path. Add the dependency "
                        + "org.tribuo:tribuo-classification-xgboost (or tribuo-regression-xgboost) " + XGBOOST_VERSION
                        + ", which brings XGBoost and its native library (that needs OpenMP: libgomp1 on Debian).";
            }
        }
        return e.getMessage();
    }

    /** The Tribuo version whose XGBoost models bundles hold. */
    static final String XGBOOST_VERSION = "4.3.2";

    /**
     * Scoring replays the recipe one batch at a time. A step that works on the whole table (dropping duplicates,
     * sampling) or has no fitted values (a median to fill with) would be fitted on that batch, perhaps one record:
     * predictions would then depend on what else arrived with a row. Such a bundle is refused.
     */
    static void checkScoringSteps(Path file, Recipe recipe) {
        int number = 0;
        for (dev.baton.clean.RecipeStep step : recipe.steps()) {
            number++;
            if (!step.enabled()) {
                continue;
            }
            String what = "step " + number + " of " + BundleFormat.RECIPE + " (" + step.operation().describe() + ")";
            if (!step.operation().rowWise()) {
                throw new BundleException(file + ": " + what + " works on the whole table, so it cannot be replayed on the rows being "
                        + "scored. A bundle carries row-wise steps only; export the bundle again from Baton.");
            }
            if (!step.operation().hasFit()) {
                throw new BundleException(file + ": " + what + " has no fitted values, so scoring would fit it on each batch of rows "
                        + "and predictions would depend on the batch. Export the bundle again from Baton, which stores them.");
            }
        }
    }

    private static <T> T parse(Path file, String entry, byte[] bytes, Class<T> type) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new BundleException(file + ": " + entry + " is damaged: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file + ": " + entry + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Every entry, checked for a safe name and read in blocks against three limits, stopping the moment one is
     * passed: the entry's size, the total of all entries, and how much larger than its packed size it became.
     */
    static Map<String, byte[]> readEntries(Path file, long maxEntryBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                checkName(file, name);
                if (out.size() >= BundleFormat.MAX_ENTRIES) {
                    throw new BundleException(file + " has more than " + BundleFormat.MAX_ENTRIES + " entries; a bundle has about a dozen.");
                }
                if (out.containsKey(name)) {
                    throw new BundleException(file + " holds the entry " + name + " twice.");
                }
                if (e.getSize() > maxEntryBytes) {
                    throw refused(file, name, "is " + e.getSize() + " bytes, more than a bundle entry may be (" + maxEntryBytes + ")");
                }
                byte[] bytes = read(file, zip, e, maxEntryBytes, BundleFormat.MAX_TOTAL_BYTES - total);
                total += bytes.length;
                out.put(name, bytes);
            }
        } catch (ZipException e) {
            throw new BundleException(file + " is not a Baton model bundle, or it is damaged or truncated (not a complete zip file: "
                    + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new BundleException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** One entry, in 64 KB blocks; its declared sizes may lie, so the limits are checked on what actually comes out. */
    private static byte[] read(Path file, ZipFile zip, ZipEntry e, long maxEntryBytes, long totalLeft) throws IOException {
        long packed = Math.max(1, e.getCompressedSize());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0), 1 << 20));
        byte[] block = new byte[1 << 16];
        long n = 0;
        try (InputStream in = zip.getInputStream(e)) {
            for (int read; (read = in.read(block)) > 0; ) {
                n += read;
                if (n > maxEntryBytes) {
                    throw refused(file, e.getName(), "unpacks to more than " + maxEntryBytes + " bytes");
                }
                if (n > totalLeft) {
                    throw refused(file, e.getName(), "brings the bundle's unpacked size past " + BundleFormat.MAX_TOTAL_BYTES + " bytes");
                }
                if (n > BundleFormat.RATIO_FLOOR_BYTES && n > packed * BundleFormat.MAX_RATIO) {
                    throw refused(file, e.getName(), "unpacks to more than " + BundleFormat.MAX_RATIO + " times its packed size ("
                            + packed + " bytes), as no bundle Baton writes does");
                }
                out.write(block, 0, read);
            }
        }
        return out.toByteArray();
    }

    /** A hostile or damaged file: refused in words; more memory would not help, so none is suggested. */
    private static BundleException refused(Path file, String entry, String why) {
        return new BundleException(file + ": the entry " + entry + " " + why + "; the bundle is refused.");
    }

    /** Names must stay inside the bundle: no absolute paths, drive letters, backslashes or '..' segments. */
    static void checkName(Path file, String name) {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.indexOf('\0') >= 0;
        for (String part : name.split("/")) {
            unsafe |= part.equals("..");
        }
        if (unsafe) {
            throw new BundleException(file + " has an unsafe entry name '" + name + "' (it points outside the bundle); it is refused.");
        }
    }

    private static void checkEntries(Path file, Map<String, byte[]> entries, Manifest manifest) {
        for (String required : BundleFormat.REQUIRED) {
            if (!entries.containsKey(required)) {
                throw new BundleException(file + " is incomplete: it has no " + required + ".");
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals(BundleFormat.MANIFEST)) {
                continue;
            }
            String expected = manifest.entries().get(e.getKey());
            if (expected == null) {
                throw new BundleException(file + " holds " + e.getKey() + ", which its manifest does not list; it may have been tampered with.");
            }
            String actual = sha256(e.getValue());
            if (!actual.equals(expected)) {
                throw new BundleException(file + ": " + e.getKey() + " has SHA-256 " + actual + " but the manifest says " + expected
                        + "; the entry was changed after export.");
            }
        }
        for (String listed : manifest.entries().keySet()) {
            if (!entries.containsKey(listed)) {
                throw new BundleException(file + " is incomplete: its manifest lists " + listed + ", which is not in the file.");
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    public Contract contract() {
        return contract;
    }

    public Recipe recipe() {
        return recipe;
    }

    public Preparation preparation() {
        return preparation;
    }

    public Model<?> model() {
        return model;
    }

    public Scorer scorer() {
        return new Scorer(contract, recipe, preparation, model);
    }

    /** An entry's bytes (null when absent). */
    public byte[] entry(String name) {
        return entries.get(name);
    }

    public String text(String name) {
        byte[] b = entries.get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public java.util.Set<String> entryNames() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }
}
