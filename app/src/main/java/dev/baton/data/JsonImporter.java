package dev.baton.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.util.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON records: an array of objects, or one object per line (JSON Lines). Nested objects become
 * columns named {@code parent.child}; arrays are kept as their JSON text; null is missing.
 */
final class JsonImporter {

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: \\d+\\]\\)");

    /** Jackson's message without its parser-internal source description: where the object or array opened, plainly. */
    static String plain(String message) {
        java.util.regex.Matcher m = START_MARKER.matcher(message);
        return m.find() ? m.replaceFirst(" opened on line " + m.group(1)) : message;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonImporter() {
    }

    static Dataset read(SourceFile source, ImportOptions options, Progress progress, int maxRows) {
        Path file = source.path();
        TextDecoder.Decoded text = TextDecoder.decode(file, source.bytes(), options.encoding());
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<Integer> lines = new ArrayList<>();
        int records = 0;
        try (JsonParser parser = MAPPER.getFactory().createParser(text.bytes(), text.offset(), text.length() - text.offset())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ImportException.of(ImportException.Kind.EMPTY, file, file.getFileName() + " is empty.");
            }
            boolean array = first == JsonToken.START_ARRAY;
            JsonToken token = array ? parser.nextToken() : first;
            while (token != null && token != JsonToken.END_ARRAY && records < maxRows) {
                int line = parser.currentLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new ImportException(ImportException.Kind.SYNTAX, file, line, null, token.asString(),
                            file.getFileName() + ": record " + (records + 1) + " on line " + line
                                    + " is not an object ({...}) but " + describe(token) + ". Baton reads an array of records or one record per line.");
                }
                JsonNode node = MAPPER.readTree(parser);
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", node, flat);
                for (Map.Entry<String, String> e : flat.entrySet()) {
                    List<String> values = columns.get(e.getKey());
                    if (values == null) {
                        if (columns.size() >= 10_000) {
                            throw new ImportException(ImportException.Kind.TOO_MANY_COLUMNS, file, line, e.getKey(), null,
                                    file.getFileName() + ": the records have more than 10,000 different fields; Baton reads at most 10,000 columns.");
                        }
                        values = new ArrayList<>();
                        columns.put(e.getKey(), values);
                    }
                    while (values.size() < records) {
                        values.add(null);
                    }
                    values.add(e.getValue());
                }
                lines.add(line);
                records++;
                if ((records & 0xFFF) == 0) {
                    progress.checkCancelled();
                    progress.update(parser.currentLocation().getByteOffset(), text.length(), "Reading JSON");
                }
                token = parser.nextToken();
            }
            if (array && token == null) {
                throw new ImportException(ImportException.Kind.SYNTAX, file, parser.currentLocation().getLineNr(), null, null,
                        file.getFileName() + " ends before the closing ] of its array: the file may be cut off.");
            }
            if (array && token == JsonToken.END_ARRAY && records < maxRows) {
                // One array is the whole document: whatever follows it was not meant to be ignored (two arrays glued together, a log line).
                JsonToken after = parser.nextToken();
                if (after != null) {
                    int line = parser.currentLocation().getLineNr();
                    throw new ImportException(ImportException.Kind.SYNTAX, file, line, null, after.asString(),
                            file.getFileName() + ": more follows the array's closing ] (on line " + line + ": " + describe(after)
                                    + "). Baton reads one array of records, or one record per line.");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? 0 : at.getLineNr();
            throw new ImportException(ImportException.Kind.SYNTAX, file, line, null, null, List.of(),
                    file.getFileName() + ": not valid JSON at line " + line + ", column " + (at == null ? 0 : at.getColumnNr())
                            + ": " + plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ImportException(ImportException.Kind.UNREADABLE, file, 0, null, null, List.of(),
                    "Could not read " + file + ": " + e.getMessage(), e);
        }
        if (records == 0 || columns.isEmpty()) {
            throw ImportException.of(ImportException.Kind.HEADER_ONLY, file, file.getFileName() + " holds no records.");
        }
        List<String> names = new ArrayList<>(columns.keySet());
        FieldGridBuilder grid = new FieldGridBuilder(names.size());
        for (int r = 0; r < records; r++) {
            for (String name : names) {
                List<String> values = columns.get(name);
                grid.add(r < values.size() ? values.get(r) : null);
            }
            grid.endRow(lines.get(r));
        }
        ColumnNames.Result unique = ColumnNames.uniquify(names);
        GridTables.Typed typed = GridTables.type(DelimitedImporter.baseName(file), grid.build(), unique.names(), options,
                Map.of(), progress);
        List<String> notes = new ArrayList<>(unique.notes());
        if (text.note() != null) {
            notes.add(text.note());
        }
        notes.addAll(typed.notes());
        ImportOptions resolved = options.withFormat(DataFormat.JSON).withEncoding(text.encoding());
        FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), resolved, source.sha256(), source.sizeOnDisk());
        return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            default -> token.toString();
        };
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name, value, out);
            } else if (value.isNull() || value.isMissingNode()) {
                out.put(name, null);
            } else if (value.isArray()) {
                out.put(name, value.toString());
            } else {
                out.put(name, value.asText());
            }
        }
    }
}
