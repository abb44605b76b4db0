package dev.baton.data;

import dev.baton.util.Parallel;
import dev.baton.util.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads delimited text (CSV, TSV, ...): decode, sniff the layout, tokenize in parallel, type the columns. */
final class DelimitedImporter {

    private DelimitedImporter() {
    }

    static Dataset read(SourceFile source, ImportOptions options, Progress progress) {
        Path file = source.path();
        if (!TextDecoder.utf8UnlessChecked(source.bytes(), options.encoding())) {
            return read(source, TextDecoder.decode(file, source.bytes(), options.encoding()), options, progress);
        }
        // Read as UTF-8 first; checked only if the cells hold a byte outside ASCII, and read again if it is not.
        TextDecoder.Decoded text = TextDecoder.unchecked(file, source.bytes());
        Tokenized tokenized;
        try {
            tokenized = tokenize(file, text, options, progress);
        } catch (ImportException e) {
            TextDecoder.Decoded checked = TextDecoder.decode(file, source.bytes(), options.encoding());
            if (checked.bytes() == text.bytes()) {
                throw e;
            }
            // Windows-1252 read as UTF-8: the error is to be told in the text as converted, as for any such file.
            return read(source, checked, options, progress);
        }
        if (tokenized.result().nonAscii()) {
            TextDecoder.Decoded checked = TextDecoder.decode(file, source.bytes(), options.encoding());
            if (checked.bytes() != text.bytes()) {
                return read(source, checked, options, progress); // not UTF-8 after all: as Windows-1252, converted
            }
        }
        return read(source, text, tokenized, options, progress);
    }

    /** Reads the text as decoded (its encoding settled). */
    private static Dataset read(SourceFile source, TextDecoder.Decoded text, ImportOptions options, Progress progress) {
        return read(source, text, tokenize(source.path(), text, options, progress), options, progress);
    }

    private static Dataset read(SourceFile source, TextDecoder.Decoded text, Tokenized tokenized, ImportOptions options,
                                Progress progress) {
        Path file = source.path();
        DelimitedSniffer.Layout layout = tokenized.layout();
        DelimitedTokenizer.Result result = tokenized.result();
        if (result.grid().rows == 0) {
            throw new ImportException(ImportException.Kind.HEADER_ONLY, file, 1, null, null,
                    file.getFileName() + " has a header row (" + preview(result.header()) + ") but no data rows.");
        }
        ColumnNames.Result names = ColumnNames.uniquify(result.header());
        List<String> notes = new ArrayList<>();
        if (text.note() != null) {
            notes.add(text.note());
        }
        notes.addAll(names.notes());
        if (result.raggedRows() > 0) {
            String verb = options.raggedRows() == RaggedRows.PAD ? "were padded with missing values (or cut to the header's width)" : "were skipped";
            notes.add(String.format("%,d", result.raggedRows()) + " rows with a different number of fields " + verb
                    + ", first at line " + result.raggedLines().get(0) + ".");
        }
        GridTables.Typed typed = GridTables.type(baseName(file), result.grid(), names.names(), options, Map.of(),
                progress.slice(0.6, 1.0));
        notes.addAll(typed.notes());
        ImportOptions resolved = options.withFormat(DataFormat.DELIMITED)
                .withEncoding(text.encoding())
                .withDelimiter(layout.delimiter())
                .withQuote(layout.quote())
                .withHeader(layout.header())
                .withLineEnding(layout.lineEnding());
        FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), resolved, source.hash(), source.sizeOnDisk());
        return typed.dataset(baseName(file), dataSource, notes);
    }

    private record Tokenized(DelimitedSniffer.Layout layout, DelimitedTokenizer.Result result) {
    }

    private static Tokenized tokenize(Path file, TextDecoder.Decoded text, ImportOptions options, Progress progress) {
        DelimitedSniffer.Layout layout = DelimitedSniffer.sniff(text.bytes(), text.offset(), text.length(), options);
        if (layout.delimiter() == layout.quote()) {
            throw ImportException.of(ImportException.Kind.UNSUPPORTED, file,
                    "The delimiter and the quote character are both " + layout.delimiter() + "; choose different ones.");
        }
        DelimitedTokenizer.Layout tokens = new DelimitedTokenizer.Layout((byte) layout.delimiter(), (byte) layout.quote(),
                layout.lineEnding() == LineEnding.CR, options.raggedRows());
        if (layout.delimiter() > 127 || layout.quote() > 127) {
            throw ImportException.of(ImportException.Kind.UNSUPPORTED, file,
                    "Delimiter and quote must be ASCII characters.");
        }
        try {
            return new Tokenized(layout, new DelimitedTokenizer(file, text.bytes(), text.length(), tokens, progress.slice(0, 0.6))
                    .tokenize(text.offset(), layout.header(), Parallel.pool(), Parallel.threads()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.baton.util.CancelledException();
        }
    }

    private static String preview(List<String> header) {
        String joined = String.join(", ", header.subList(0, Math.min(header.size(), 6)));
        return header.size() > 6 ? joined + ", ..." : joined;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
