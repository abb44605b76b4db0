package dev.baton.data;

import dev.baton.util.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a data file of any supported format into a {@link Dataset}. The entry point of the data package. */
public final class DatasetReader {

    /** How much of a delimited file the import dialog's preview reads at first. */
    private static final int PREVIEW_BYTES = 256 * 1024;

    private DatasetReader() {
    }

    /** Reads the whole file. Throws {@link ImportException} with a message for the user when it cannot. */
    public static Dataset read(Path file, ImportOptions options, Progress progress) {
        return read(file, options, progress, Integer.MAX_VALUE, true);
    }

    /**
     * Reads the whole file, leaving the SHA-256 of delimited text to be computed when the dataset's source is
     * first asked for it (its bytes are kept until then): for a one-shot look that may never show it, where
     * hashing alongside the parsing takes a core from it.
     */
    public static Dataset readForQuickLook(Path file, ImportOptions options, Progress progress) {
        return read(file, options, progress, Integer.MAX_VALUE, false);
    }

    private static Dataset read(Path file, ImportOptions options, Progress progress, int maxRows) {
        return read(file, options, progress, maxRows, true);
    }

    private static Dataset read(Path file, ImportOptions options, Progress progress, int maxRows, boolean hashNow) {
        TablesawInit.start();
        DataFormat format = options.format() != null ? options.format() : DataFormat.fromFileName(file);
        SourceFile.checkReadable(file);
        try {
            if (format == DataFormat.PARQUET) {
                return ParquetImporter.read(file, options, progress, maxRows);
            }
            SourceFile source = SourceFile.read(file, progress.slice(0, 0.2), hashNow);
            checkNotEmpty(source);
            Progress rest = progress.slice(0.2, 1.0);
            return switch (format) {
                case DELIMITED -> DelimitedImporter.read(source, options, rest);
                case JSON -> JsonImporter.read(source, options, rest, maxRows);
                case EXCEL -> ExcelImporter.read(source, options, rest, maxRows);
                case ARFF -> ArffImporter.read(source, options, rest, maxRows);
                case PARQUET -> throw new IllegalStateException();
            };
        } catch (FieldGridBuilder.TooMuchText e) {
            throw ImportException.of(ImportException.Kind.TOO_LARGE, file, String.format("%s holds more than 2 GB of text; Baton "
                    + "keeps up to 2 GB of text in memory and had read %,d complete rows when it passed that. Leave out wide text "
                    + "columns, or read a part of the rows.", file.getFileName(), e.rows));
        }
    }

    /**
     * The first rows as a full import would read them, with every detected option filled in, for the import
     * dialog. Delimited text reads only the start of the file, so the preview is quick on large files.
     */
    public static Dataset preview(Path file, ImportOptions options, int maxRows) {
        DataFormat format = options.format() != null ? options.format() : DataFormat.fromFileName(file);
        SourceFile.checkReadable(file);
        if (format != DataFormat.DELIMITED || isGzip(file)) {
            Dataset all = read(file, options, Progress.NONE, maxRows);
            return head(all, maxRows);
        }
        try {
            long size = Files.size(file);
            for (int limit = PREVIEW_BYTES; ; limit *= 4) {
                if (size <= limit) {
                    return head(read(file, options, Progress.NONE), maxRows);
                }
                SourceFile prefix = prefix(file, limit);
                checkNotEmpty(prefix);
                try {
                    Dataset sample = DelimitedImporter.read(prefix, options.withRaggedRows(
                            options.raggedRows()), Progress.NONE);
                    return head(sample, maxRows);
                } catch (ImportException e) {
                    // A quoted cell may span the cut: read more before blaming the file.
                    if (e.kind() != ImportException.Kind.UNTERMINATED_QUOTE || limit >= 64 << 20) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                    "Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sheet names of an Excel workbook, for the import dialog. */
    public static List<String> sheetNames(Path file) {
        SourceFile.checkReadable(file);
        return ExcelImporter.sheetNames(SourceFile.read(file, Progress.NONE));
    }

    /** The SHA-256 of a file as stored, lower-case hex: what {@link DataSource#fingerprint()} holds. */
    public static String fingerprint(Path file) throws IOException {
        return SourceFile.fingerprint(file);
    }

    private static void checkNotEmpty(SourceFile source) {
        if (source.bytes().length == 0) {
            throw ImportException.of(ImportException.Kind.EMPTY, source.path(), source.path().getFileName() + " is empty (0 bytes).");
        }
    }

    private static Dataset head(Dataset dataset, int maxRows) {
        if (dataset.rowCount() <= maxRows) {
            return dataset;
        }
        return new Dataset(dataset.name(), dataset.table().first(maxRows), dataset.columns(), dataset.source(), dataset.notes());
    }

    /** The first bytes of a file, cut after the last complete line. */
    private static SourceFile prefix(Path file, int limit) throws IOException {
        byte[] bytes = new byte[limit];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(bytes, 0, limit);
        }
        int end = n;
        while (end > 0 && bytes[end - 1] != '\n' && bytes[end - 1] != '\r') {
            end--;
        }
        if (end == 0) {
            end = n;
        }
        return new SourceFile(file, java.util.Arrays.copyOf(bytes, end), "", Files.size(file));
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        } catch (IOException e) {
            return false;
        }
    }
}
