package dev.baton.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read a file. A {@code null} field means "detect it"; after an import the dataset's source
 * holds the options with every detected value filled in, so that re-opening reads the file the same way.
 *
 * @param format        file format; null: from the file name
 * @param encoding      charset name; null: from the byte-order mark, else UTF-8 if valid, else windows-1252
 * @param delimiter     field separator of delimited text; null: detect among , ; tab |
 * @param quote         quote character of delimited text; null: detect (" or ')
 * @param header        whether the first row holds column names; null: detect
 * @param lineEnding    line ending of delimited text; null: detect
 * @param missingTokens cell texts that mean "missing" (compared exactly)
 * @param types         column type overrides by column name; values that do not fit become missing and are counted
 * @param raggedRows    what to do with rows that have too few or too many fields
 * @param sheet         Excel sheet name; null: the first sheet
 */
public record ImportOptions(
        DataFormat format,
        String encoding,
        Character delimiter,
        Character quote,
        Boolean header,
        LineEnding lineEnding,
        List<String> missingTokens,
        Map<String, ColumnType> types,
        RaggedRows raggedRows,
        String sheet) {

    /** Empty, NA, N/A, null and NaN. Not "None": it is a real label in some data (birdstrikes' damage column). */
    public static final List<String> DEFAULT_MISSING_TOKENS = List.of("", "NA", "N/A", "null", "NaN");

    public ImportOptions {
        missingTokens = missingTokens == null ? DEFAULT_MISSING_TOKENS : List.copyOf(missingTokens);
        types = types == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        raggedRows = raggedRows == null ? RaggedRows.ERROR : raggedRows;
    }

    /** Everything detected, default missing tokens, no overrides. */
    public static ImportOptions detect() {
        return new ImportOptions(null, null, null, null, null, null, null, null, null, null);
    }

    public ImportOptions withFormat(DataFormat value) {
        return new ImportOptions(value, encoding, delimiter, quote, header, lineEnding, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withEncoding(String value) {
        return new ImportOptions(format, value, delimiter, quote, header, lineEnding, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withDelimiter(Character value) {
        return new ImportOptions(format, encoding, value, quote, header, lineEnding, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withQuote(Character value) {
        return new ImportOptions(format, encoding, delimiter, value, header, lineEnding, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withHeader(Boolean value) {
        return new ImportOptions(format, encoding, delimiter, quote, value, lineEnding, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withLineEnding(LineEnding value) {
        return new ImportOptions(format, encoding, delimiter, quote, header, value, missingTokens, types, raggedRows, sheet);
    }

    public ImportOptions withMissingTokens(List<String> value) {
        return new ImportOptions(format, encoding, delimiter, quote, header, lineEnding, value, types, raggedRows, sheet);
    }

    public ImportOptions withTypes(Map<String, ColumnType> value) {
        return new ImportOptions(format, encoding, delimiter, quote, header, lineEnding, missingTokens, value, raggedRows, sheet);
    }

    public ImportOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> copy = new LinkedHashMap<>(types);
        if (type == null) {
            copy.remove(column);
        } else {
            copy.put(column, type);
        }
        return withTypes(copy);
    }

    public ImportOptions withRaggedRows(RaggedRows value) {
        return new ImportOptions(format, encoding, delimiter, quote, header, lineEnding, missingTokens, types, value, sheet);
    }

    public ImportOptions withSheet(String value) {
        return new ImportOptions(format, encoding, delimiter, quote, header, lineEnding, missingTokens, types, raggedRows, value);
    }

    /** A short human description of the delimiter ("comma", "tab", ...). */
    @JsonIgnore
    public String delimiterName() {
        return delimiter == null ? "detect" : nameOf(delimiter);
    }

    public static String nameOf(char c) {
        return switch (c) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            case ' ' -> "space";
            default -> "'" + c + "'";
        };
    }
}
