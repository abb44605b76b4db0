package dev.baton.cli;

import dev.baton.data.ColumnType;
import dev.baton.data.DataFormat;
import dev.baton.data.ImportOptions;
import dev.baton.data.RaggedRows;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The import options every command that reads a data file accepts. */
final class ImportOptionsMixin {

    @Option(names = "--format", description = "File format: ${COMPLETION-CANDIDATES} (default: from the extension).")
    DataFormat format;

    @Option(names = "--encoding", description = "Text encoding, e.g. UTF-8, UTF-16, windows-1252 (default: detect).")
    String encoding;

    @Option(names = "--delimiter", description = "Field delimiter: a character, or comma, semicolon, tab, pipe (default: detect).")
    String delimiter;

    @Option(names = "--no-header", description = "The first row is data, not column names.")
    boolean noHeader;

    @Option(names = "--missing", split = ",", description = "Texts that mean missing, comma-separated (default: empty, NA, N/A, null, NaN).")
    List<String> missing;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Override a column's type: integer, decimal, boolean, date, date-time, categorical, text. Repeatable.")
    Map<String, String> types;

    @Option(names = "--ragged", description = "Rows with the wrong number of fields: ${COMPLETION-CANDIDATES} (default: error).")
    RaggedRows ragged;

    @Option(names = "--sheet", description = "Excel sheet name (default: the first).")
    String sheet;

    ImportOptions toOptions() {
        ImportOptions options = ImportOptions.detect().withFormat(format).withEncoding(encoding).withSheet(sheet);
        if (delimiter != null) {
            options = options.withDelimiter(parseDelimiter(delimiter));
        }
        if (noHeader) {
            options = options.withHeader(false);
        }
        if (missing != null) {
            options = options.withMissingTokens(missing);
        }
        if (ragged != null) {
            options = options.withRaggedRows(ragged);
        }
        if (types != null) {
            Map<String, ColumnType> parsed = new LinkedHashMap<>();
            types.forEach((k, v) -> parsed.put(k, ColumnType.parse(v)));
            options = options.withTypes(parsed);
        }
        return options;
    }

    static char parseDelimiter(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab", "\\t" -> '\t';
            case "pipe" -> '|';
            case "space" -> ' ';
            default -> {
                if (text.length() != 1) {
                    throw new IllegalArgumentException("Delimiter must be one character or one of "
                            + Arrays.asList("comma", "semicolon", "tab", "pipe", "space") + ", not '" + text + "'");
                }
                yield text.charAt(0);
            }
        };
    }
}
