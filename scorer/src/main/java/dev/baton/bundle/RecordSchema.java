package dev.baton.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.data.ColumnType;


/**
 * The contract as a JSON Schema (draft 2020-12) of one input record, the bundle's {@code contract.schema.json}: an
 * engineer validates records with any stock validator, in any language, before sending them. A record that passes
 * meets every expectation of the contract (types, categories seen in training, training ranges, no missing value
 * where the contract requires one); what the scorer does with a record that does not (score it anyway, clip, take a
 * value as missing, reject the row) is each column's policy, given in its description and in contract.json.
 *
 * <p>Values are in a JSON record's natural form: numbers as JSON numbers, yes/no values as JSON booleans, dates,
 * categories and texts as strings. The scorer reads more (numbers written as text, say); the schema asks for the
 * plain form.
 */
public final class RecordSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordSchema() {
    }

    /**
     * @param recipe the bundle's recipe: a category is judged after its steps ("male" is a known level when a step
     *               lower-cases "MALE"), so a column a step changes lists its training categories without requiring them
     */
    public static ObjectNode of(Contract contract, dev.baton.clean.Recipe recipe, String describedAs) {
        java.util.Set<String> changed = changedByRecipe(contract, recipe);
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "One input record of " + describedAs);
        schema.put("description", "A record with these properties is what the model expects, each value as training saw it. "
                + "Properties not listed are ignored. A missing value is null, an absent property or one of the texts "
                + String.join(", ", contract.missingTokens().stream().map(t -> "\"" + t + "\"").toList())
                + ", where the column allows one.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Contract.Input in : contract.inputs()) {
            properties.set(in.name(), property(in, changed.contains(in.name())));
            if (in.missing() == Contract.Missing.REJECT) {
                required.add(in.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        ObjectNode defs = schema.putObject("$defs");
        ObjectNode missing = defs.putObject("missing");
        missing.put("description", "A missing value.");
        ArrayNode anyOf = missing.putArray("anyOf");
        anyOf.addObject().put("type", "null");
        ArrayNode tokens = anyOf.addObject().putArray("enum");
        contract.missingTokens().forEach(tokens::add);
        return schema;
    }

    /** The inputs whose values a row-wise step of the recipe changes, followed through renames. */
    static java.util.Set<String> changedByRecipe(Contract contract, dev.baton.clean.Recipe recipe) {
        java.util.Map<String, String> origin = new java.util.HashMap<>();
        contract.inputs().forEach(in -> origin.put(in.name(), in.name()));
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (var step : recipe.steps()) {
            if (!step.enabled() || !step.operation().rowWise()) {
                continue;
            }
            if (step.operation() instanceof dev.baton.clean.RenameColumn rename) {
                String from = origin.remove(rename.column());
                if (from != null) {
                    origin.put(rename.to(), from);
                }
                continue;
            }
            for (String written : step.operation().outputs()) {
                if (origin.containsKey(written)) {
                    changed.add(origin.get(written));
                }
            }
        }
        return changed;
    }

    private static ObjectNode property(Contract.Input in, boolean changedByRecipe) {
        ObjectNode value = value(in, changedByRecipe);
        String description = describe(in, changedByRecipe);
        if (in.missing() == Contract.Missing.REJECT) {
            value.put("description", description);
            return value;
        }
        ObjectNode either = JSON.objectNode();
        either.put("description", description);
        ArrayNode anyOf = either.putArray("anyOf");
        anyOf.add(value);
        anyOf.addObject().put("$ref", "#/$defs/missing");
        return either;
    }

    /** The schema of a present value of the column. */
    private static ObjectNode value(Contract.Input in, boolean changedByRecipe) {
        ObjectNode v = JSON.objectNode();
        switch (in.type()) {
            case INTEGER, DECIMAL -> {
                v.put("type", in.type() == ColumnType.INTEGER ? "integer" : "number");
                if (in.min() != null && in.max() != null) {
                    v.set("minimum", bound(in.type(), in.min()));
                    v.set("maximum", bound(in.type(), in.max()));
                }
            }
            case BOOLEAN -> v.put("type", "boolean");
            case DATE, DATETIME -> {
                v.put("type", "string");
                String pattern = pattern(in.type(), in.format());
                if (pattern != null) {
                    v.put("pattern", pattern);
                }
                if (in.type() == ColumnType.DATE && (in.format() == null || in.format().equals("yyyy-MM-dd"))) {
                    v.put("format", "date"); // RFC 3339's full-date; the scorer's date-times are looser than its date-time
                }
            }
            case CATEGORICAL -> {
                v.put("type", "string");
                if (in.categories() != null) {
                    ArrayNode values = v.putArray(changedByRecipe ? "examples" : "enum");
                    in.categories().forEach(values::add);
                }
            }
            case TEXT -> v.put("type", "string");
        }
        return v;
    }

    private static com.fasterxml.jackson.databind.JsonNode bound(ColumnType type, double v) {
        return type == ColumnType.INTEGER && v == Math.rint(v) && Math.abs(v) < 1e15 ? JSON.numberNode((long) v) : JSON.numberNode(v);
    }

    private static String describe(Contract.Input in, boolean changedByRecipe) {
        StringBuilder d = new StringBuilder(in.type().label());
        if (in.format() != null) {
            d.append(" written as ").append(in.format());
        }
        if (in.minText() != null && in.maxText() != null) {
            d.append("; seen in training from ").append(in.minText()).append(" to ").append(in.maxText());
        } else if (in.min() != null && in.max() != null) {
            d.append("; seen in training from ").append(number(in.min())).append(" to ").append(number(in.max()));
        }
        d.append(". The scorer: a missing value is ").append(in.missing() == Contract.Missing.REJECT ? "rejected" : "filled as in training");
        if (in.type() == ColumnType.CATEGORICAL) {
            if (changedByRecipe && in.categories() != null) {
                d.append(" (training saw ").append(String.join(", ", in.categories()))
                        .append("; the recipe's steps change the column before the check, so other spellings may be known)");
            }
            d.append("; a category never seen in training is ").append(in.unseen() == Contract.Unseen.REJECT ? "rejected" : "scored as unknown");
        }
        if (in.min() != null && in.max() != null) {
            d.append("; a value outside the training range is ").append(switch (in.outOfRange()) {
                case SCORE -> "scored as it is";
                case CLIP -> "clipped to the range";
                case REJECT -> "rejected";
            });
        }
        d.append("; a value of another type is ").append(in.wrongType() == Contract.WrongType.REJECT ? "rejected" : "taken as missing").append('.');
        return d.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * A regular expression for texts in a date layout (java.time letters, as in contract.json), or null for a layout
     * it cannot express. Surrounding spaces are allowed: the scorer trims them. It checks the shape, not the calendar.
     */
    static String pattern(ColumnType type, String format) {
        if (format == null || format.equals("yyyy-MM-dd")) {
            // Without a layout the scorer reads ISO: dates, and date-times with 'T' or a space, seconds and fractions optional.
            return type == ColumnType.DATE ? "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"
                    : "^\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?\\s*$";
        }
        if (format.equals("yyyy-MM-dd HH:mm:ss")) {
            return pattern(ColumnType.DATETIME, null);
        }
        if (format.startsWith("yyyy-MM-ddTHH:mm:ss")) {
            return "^\\s*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})\\s*$";
        }
        StringBuilder re = new StringBuilder("^\\s*");
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int run = 1;
            while (i + run < format.length() && format.charAt(i + run) == c) {
                run++;
            }
            String part = switch (c) {
                case 'u', 'y' -> run == 2 ? "\\d{2}" : "\\d{4}";
                case 'M' -> run == 1 ? "\\d{1,2}" : run == 2 ? "\\d{2}" : run == 3 ? "[A-Za-z]{3}" : "[A-Za-z]+";
                case 'd', 'H', 'h', 'm', 's' -> run == 1 ? "\\d{1,2}" : "\\d{2}";
                case 'a' -> "(?:[AaPp][Mm])";
                case '[' -> "(?:";
                case ']' -> ")?";
                case '.' -> "\\.".repeat(run);
                case '/', '-', ':', ',', ' ' -> String.valueOf(c).repeat(run); // literal in ECMA-262 regular expressions
                default -> null;
            };
            if (part == null) {
                return null;
            }
            if ((c == '[' || c == ']') && run > 1) {
                return null;
            }
            re.append(part);
            i += run;
        }
        return re.append("\\s*$").toString();
    }

    /** The bundle entry: the schema as indented JSON. */
    public static byte[] json(Contract contract, dev.baton.clean.Recipe recipe, String describedAs) {
        try {
            return dev.baton.util.Json.mapper().writeValueAsBytes(of(contract, recipe, describedAs));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
