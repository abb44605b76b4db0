package dev.baton.data;

import dev.baton.util.Progress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Weka's ARFF: {@code @relation}, {@code @attribute} lines (numeric, integer, real, string, date with an
 * optional pattern, or a nominal set {a,b,c}), then {@code @data} rows, dense or sparse; {@code ?} is missing.
 */
final class ArffImporter {

    private record Attribute(String name, String kind, Set<String> nominal, DateTimeFormatter dateFormat, boolean hasTime) {
    }

    private ArffImporter() {
    }

    static Dataset read(SourceFile source, ImportOptions options, Progress progress, int maxRows) {
        Path file = source.path();
        TextDecoder.Decoded decoded = TextDecoder.decode(file, source.bytes(), options.encoding());
        String text = new String(decoded.bytes(), decoded.offset(), decoded.length() - decoded.offset(), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Attribute> attributes = new ArrayList<>();
        String relation = null;
        int lineNo = 0;
        boolean inData = false;
        FieldGridBuilder grid = null;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%")) {
                continue;
            }
            if (!inData) {
                line = withoutComment(line); // "@attribute age numeric % in years": Weka allows a comment after a declaration
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("@relation")) {
                    relation = unquote(line.substring(9).strip());
                } else if (lower.startsWith("@attribute")) {
                    attributes.add(attribute(file, lineNo, line.substring(10).strip()));
                } else if (lower.startsWith("@data")) {
                    if (attributes.isEmpty()) {
                        throw syntax(file, lineNo, null, line, "@data comes before any @attribute.");
                    }
                    inData = true;
                    grid = new FieldGridBuilder(attributes.size());
                } else {
                    throw syntax(file, lineNo, null, line, "expected @relation, @attribute or @data.");
                }
                continue;
            }
            if (grid.rows() >= maxRows) {
                break;
            }
            List<String> values = line.startsWith("{") ? sparse(file, lineNo, line, attributes)
                    : fields(file, lineNo, line);
            if (values.size() != attributes.size()) {
                throw new ImportException(ImportException.Kind.RAGGED_ROWS, file, lineNo, null, ImportException.snippet(line),
                        List.of((long) lineNo), file.getFileName() + ": line " + lineNo + " has " + values.size()
                        + " values but " + attributes.size() + " attributes are declared.", null);
            }
            for (int c = 0; c < values.size(); c++) {
                grid.add(value(file, lineNo, attributes.get(c), values.get(c)));
            }
            grid.endRow(lineNo);
            if ((grid.rows() & 0xFFF) == 0) {
                progress.checkCancelled();
                progress.update(lineNo, lines.length, "Reading ARFF");
            }
        }
        if (!inData) {
            throw ImportException.of(ImportException.Kind.SYNTAX, file, file.getFileName() + " has no @data section.");
        }
        if (grid.rows() == 0) {
            throw ImportException.of(ImportException.Kind.HEADER_ONLY, file, file.getFileName() + " declares "
                    + attributes.size() + " attributes but has no data rows.");
        }
        List<String> names = attributes.stream().map(Attribute::name).toList();
        ColumnNames.Result unique = ColumnNames.uniquify(names);
        Map<String, Object> declared = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            Object type = switch (a.kind) {
                case "numeric", "real" -> GridTables.Declared.NUMERIC;
                case "integer" -> ColumnType.INTEGER;
                case "string" -> ColumnType.TEXT;
                case "nominal" -> ColumnType.CATEGORICAL;
                case "date" -> a.hasTime ? ColumnType.DATETIME : ColumnType.DATE;
                default -> null;
            };
            if (type != null) {
                declared.put(unique.names().get(i), type);
            }
        }
        String name = relation == null || relation.isBlank() ? DelimitedImporter.baseName(file) : relation;
        GridTables.Typed typed = GridTables.type(name, grid.build(), unique.names(), options, declared, progress);
        List<String> notes = new ArrayList<>(unique.notes());
        notes.addAll(typed.notes());
        ImportOptions resolved = options.withFormat(DataFormat.ARFF).withEncoding(decoded.encoding());
        FileSource dataSource = new FileSource(file.toAbsolutePath().toString(), resolved, source.sha256(), source.sizeOnDisk());
        return typed.dataset(DelimitedImporter.baseName(file), dataSource, notes);
    }

    /** A header line without its trailing % comment (a % inside quotes is text). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '%') {
                return line.substring(0, i).strip();
            }
        }
        return line;
    }

    private static Attribute attribute(Path file, int lineNo, String rest) {
        List<String> parts = new ArrayList<>();
        int nameEnd = tokenEnd(rest);
        String name = unquote(rest.substring(0, nameEnd));
        String type = rest.substring(nameEnd).strip();
        parts.add(name);
        if (type.startsWith("{")) {
            int close = type.lastIndexOf('}');
            if (close < 0) {
                throw syntax(file, lineNo, name, type, "the nominal values of '" + name + "' miss their closing }.");
            }
            Set<String> values = new LinkedHashSet<>(fields(file, lineNo, type.substring(1, close)));
            return new Attribute(name, "nominal", values, null, false);
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer") || lower.equals("string")) {
            return new Attribute(name, lower, null, null, false);
        }
        if (lower.startsWith("date")) {
            String pattern = type.length() > 4 ? unquote(type.substring(4).strip()) : "";
            if (pattern.isEmpty()) {
                pattern = "yyyy-MM-dd'T'HH:mm:ss";
            }
            try {
                DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
                boolean hasTime = pattern.matches(".*[HhKkmsSa].*");
                return new Attribute(name, "date", null, formatter, hasTime);
            } catch (IllegalArgumentException e) {
                throw syntax(file, lineNo, name, pattern, "the date pattern of '" + name + "' is not valid: " + e.getMessage());
            }
        }
        if (lower.startsWith("relational")) {
            throw syntax(file, lineNo, name, type, "relational attributes are not supported.");
        }
        throw syntax(file, lineNo, name, type, "unknown attribute type '" + type + "' for '" + name
                + "'; expected numeric, integer, real, string, date or {nominal values}.");
    }

    private static String value(Path file, int lineNo, Attribute a, String text) {
        if (text == null || text.equals("?")) {
            return null;
        }
        switch (a.kind) {
            case "nominal" -> {
                if (!a.nominal.contains(text)) {
                    throw new ImportException(ImportException.Kind.SYNTAX, file, lineNo, a.name, text,
                            file.getFileName() + ": line " + lineNo + ", attribute '" + a.name + "': '" + ImportException.snippet(text)
                                    + "' is not one of its declared values " + a.nominal + ".");
                }
                return text;
            }
            case "date" -> {
                try {
                    TemporalAccessor t = a.dateFormat.parse(text);
                    LocalDate date = LocalDate.of(t.get(ChronoField.YEAR), t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1,
                            t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1);
                    if (!a.hasTime) {
                        return date.toString();
                    }
                    LocalDateTime dt = date.atTime(t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0,
                            t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                            t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0);
                    return dt.toString().length() == 16 ? dt + ":00" : dt.toString();
                } catch (java.time.DateTimeException e) {
                    throw new ImportException(ImportException.Kind.SYNTAX, file, lineNo, a.name, text,
                            file.getFileName() + ": line " + lineNo + ", attribute '" + a.name + "': '" + ImportException.snippet(text)
                                    + "' does not match its date pattern.");
                }
            }
            default -> {
                return text;
            }
        }
    }

    /** Comma-separated values with ' or " quoting and backslash escapes; surrounding blanks dropped. */
    static List<String> fields(Path file, int lineNo, String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i <= n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i < n && (line.charAt(i) == '\'' || line.charAt(i) == '"')) {
                char q = line.charAt(i++);
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(unescape(line.charAt(i++)));
                    } else if (c == q) {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) {
                    throw new ImportException(ImportException.Kind.UNTERMINATED_QUOTE, file, lineNo, "field " + (out.size() + 1),
                            ImportException.snippet(line), file.getFileName() + ": line " + lineNo + ", field " + (out.size() + 1)
                            + ": the quote " + q + " is never closed.");
                }
                out.add(sb.toString());
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                String v = line.substring(start, i).strip();
                out.add(v);
            }
            i++;
            if (i > n) {
                break;
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty() && line.isBlank()) {
            return List.of();
        }
        return out;
    }

    /**
     * A sparse row: the values given by index, every other one "0" as Weka reads them, which for a nominal attribute
     * is its first label (Weka stores a nominal value as its index among the labels).
     */
    private static List<String> sparse(Path file, int lineNo, String line, List<Attribute> attributes) {
        int close = line.lastIndexOf('}');
        if (close < 0) {
            throw syntax(file, lineNo, null, line, "a sparse row misses its closing }.");
        }
        int width = attributes.size();
        List<String> values = new ArrayList<>();
        for (Attribute a : attributes) {
            values.add(a.kind.equals("nominal") && !a.nominal.isEmpty() ? a.nominal.iterator().next() : "0");
        }
        String body = line.substring(1, close).strip();
        if (body.isEmpty()) {
            return values;
        }
        for (String pair : fields(file, lineNo, body)) {
            String p = pair.strip();
            int space = p.indexOf(' ');
            if (space < 0) {
                throw syntax(file, lineNo, null, p, "a sparse entry must be 'index value'.");
            }
            int index;
            try {
                index = Integer.parseInt(p.substring(0, space));
            } catch (NumberFormatException e) {
                throw syntax(file, lineNo, null, p, "a sparse entry must start with an attribute index.");
            }
            if (index < 0 || index >= width) {
                throw syntax(file, lineNo, null, p, "attribute index " + index + " is outside 0.." + (width - 1) + ".");
            }
            values.set(index, unquote(p.substring(space + 1).strip()));
        }
        return values;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    private static int tokenEnd(String s) {
        if (!s.isEmpty() && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
            char q = s.charAt(0);
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == q) {
                    return i + 1;
                }
            }
            return s.length();
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '{') {
            i++;
        }
        return i;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).replace("\\'", "'").replace("\\\"", "\"");
        }
        return s;
    }

    private static ImportException syntax(Path file, int lineNo, String column, String value, String what) {
        return new ImportException(ImportException.Kind.SYNTAX, file, lineNo, column, value,
                file.getFileName() + ": line " + lineNo + ": " + what);
    }
}
