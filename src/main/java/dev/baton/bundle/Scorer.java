package dev.baton.bundle;

import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeStep;
import dev.baton.clean.Replay;
import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.train.ModelScorer;
import dev.baton.train.Preparation;
import dev.baton.train.Task;
import dev.baton.util.Parallel;
import org.tribuo.Model;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Scores raw records exactly as the workbench did: the contract checks and types each input column, the
 * bundle's row-wise recipe steps replay with their fitted values, then the fitted preparation and the model.
 * Thread-safe: it holds no per-call state, so one scorer serves many threads.
 */
public final class Scorer {

    /**
     * One row's result: for classification the label and (when the model gives them) the probability of each class;
     * for regression the value; or the reason the row was rejected.
     */
    public record Output(String label, Map<String, Double> probabilities, Double value, String error) {

        public boolean rejected() {
            return error != null;
        }
    }

    /** Batches at least this large are typed and scored on all cores. */
    static final int PARALLEL_ROWS = 10_000;

    private final Contract contract;
    private final Recipe recipe;
    private final Preparation preparation;
    private final Model<?> model;
    /** Each categorical input's training values, as a set built once. */
    private final Map<String, Set<String>> categories = new HashMap<>();
    private final Set<String> missingTokens;

    public Scorer(Contract contract, Recipe recipe, Preparation preparation, Model<?> model) {
        this.contract = contract;
        this.recipe = recipe;
        this.preparation = preparation;
        this.model = model;
        for (Contract.Input in : contract.inputs()) {
            if (in.categories() != null) {
                categories.put(in.name(), new HashSet<>(in.categories()));
            }
        }
        this.missingTokens = new HashSet<>(contract.missingTokens());
    }

    public Contract contract() {
        return contract;
    }

    /** Whether classifications come with class probabilities. */
    public boolean probabilistic() {
        return contract.task() == Task.CLASSIFICATION && model.generatesProbabilities();
    }

    /** One record (column name to value: text, number, boolean or null). A rejected record throws, naming why. */
    public Output score(Map<String, ?> record) {
        return score(record, new Violations());
    }

    /**
     * One record, with what the contract found in it counted in {@code findings} (missing values imputed, unseen
     * categories, values outside the training range, values of the wrong type). A rejected record throws.
     */
    public Output score(Map<String, ?> record, Violations findings) {
        Output out = scoreRecords(List.of(record), findings).get(0);
        if (out.rejected()) {
            throw new ContractException(out.error());
        }
        return out;
    }

    /** Many records; each rejected one gets its reason instead of a prediction. */
    public List<Output> scoreRecords(List<? extends Map<String, ?>> records, Violations violations) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, ?> r : records) {
            for (String k : r.keySet()) {
                if (seen.add(k)) {
                    header.add(k);
                }
            }
        }
        Map<String, Contract.Input> byName = new HashMap<>();
        contract.inputs().forEach(in -> byName.put(in.name(), in));
        List<String[]> rows = new ArrayList<>(records.size());
        for (Map<String, ?> r : records) {
            String[] row = new String[header.size()];
            for (int i = 0; i < row.length; i++) {
                Object value = r.get(header.get(i));
                row[i] = wrongKind(value, byName.get(header.get(i))) ? WRONG_KIND : missingAsNull(text(value));
            }
            rows.add(row);
        }
        return scoreRows(header, rows, violations);
    }

    /**
     * Stands for a value of the wrong kind in a record (a JSON object or list anywhere, true or false where the
     * contract wants a category, a number or a date): the column's wrongType policy applies to it; it is never
     * read as a category. Compared by identity.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String WRONG_KIND = new String("(a value of the wrong kind)");

    private static boolean wrongKind(Object value, Contract.Input in) {
        if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
            return true;
        }
        return value instanceof Boolean && in != null && in.type() != ColumnType.BOOLEAN;
    }

    /** In records, the training data's missing tokens ("", "NA", ...) mean missing, as they did when it was read. */
    private String missingAsNull(String text) {
        return text == null || missingTokens.contains(text) ? null : text;
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return d.isNaN() ? null : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return f.isNaN() ? null : BigDecimal.valueOf(f.doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /**
     * Rows of texts under a header (a CSV chunk; null meaning missing). A required column absent from the header
     * fails the whole batch with a {@link ContractException}; a bad value rejects only its row.
     */
    public List<Output> scoreRows(List<String> header, List<String[]> rows, Violations violations) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.putIfAbsent(header.get(i), i);
        }
        List<String> absent = contract.inputs().stream().filter(Contract.Input::required).map(Contract.Input::name)
                .filter(n -> !at.containsKey(n)).toList();
        if (!absent.isEmpty()) {
            throw new ContractException("The input has no column " + String.join(", ", absent.stream().map(n -> "'" + n + "'").toList())
                    + ", which the model needs. Its columns are: " + String.join(", ", header) + ".");
        }
        int n = rows.size();
        List<Contract.Input> inputs = contract.inputs();
        Column<?>[] columns = new Column<?>[inputs.size()];
        String[][] columnErrors = new String[inputs.size()][];
        Violations.Counts[] counts = inputs.stream().map(in -> violations.column(in.name())).toArray(Violations.Counts[]::new);
        // Columns are typed and checked independently: on all cores for a large batch.
        IntConsumer convert = c -> {
            Contract.Input in = inputs.get(c);
            Integer index = at.get(in.name());
            List<String> texts = new ArrayList<>(n);
            for (String[] row : rows) {
                texts.add(index == null || index >= row.length ? null : row[index]);
            }
            columns[c] = TypeConversion.fromTexts(in.name(), texts, in.type()).column();
            columnErrors[c] = new String[n];
            check(in, categories.get(in.name()), texts, columns[c], columnErrors[c], counts[c]);
        };
        if (n >= PARALLEL_ROWS) {
            Parallel.forEach(inputs.size(), convert);
        } else {
            for (int c = 0; c < inputs.size(); c++) {
                convert.accept(c);
            }
        }
        String[] errors = new String[n];
        long rejected = 0;
        for (int r = 0; r < n; r++) {
            for (String[] e : columnErrors) {
                if (e[r] != null) {
                    reject(errors, r, e[r]);
                }
            }
            if (errors[r] != null) {
                rejected++;
            }
        }
        violations.addRows(n, rejected);
        List<ColumnInfo> infos = inputs.stream().map(in -> ColumnInfo.of(in.name(), in.type())).toList();
        Dataset data = new Dataset("input", Table.create("input", columns), infos, null, List.of());
        List<RecipeStep> steps = recipe.steps();
        for (int s = 0; s < steps.size(); s++) {
            try {
                data = Replay.applyFitted(data, steps.get(s));
            } catch (dev.baton.clean.StepException e) {
                throw new ContractException("Step " + (s + 1) + " of the bundle's recipe (" + steps.get(s).operation().describe()
                        + ") could not apply to the input: " + e.getMessage());
            }
        }
        ModelScorer.Scores scores = ModelScorer.score(model, preparation, data, contract.task(), contract.classes());
        List<Output> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            if (errors[r] != null) {
                out.add(new Output(null, null, null, errors[r]));
            } else if (contract.task() == Task.CLASSIFICATION) {
                Map<String, Double> probabilities = null;
                if (scores.probabilities() != null) {
                    probabilities = new LinkedHashMap<>();
                    for (int c = 0; c < contract.classes().size(); c++) {
                        probabilities.put(contract.classes().get(c), scores.probabilities()[r][c]);
                    }
                }
                out.add(new Output(contract.classes().get(scores.predictedClass()[r]), probabilities, null, null));
            } else {
                out.add(new Output(null, null, scores.values()[r], null));
            }
        }
        return out;
    }

    /** Applies the column's policies: counts every finding, rejects rows where the policy says so, clips where asked. */
    private static void check(Contract.Input in, Set<String> known, List<String> texts, Column<?> column, String[] errors,
                              Violations.Counts counts) {
        boolean numeric = column instanceof NumericColumn<?>;
        boolean date = column instanceof DateColumn;
        for (int r = 0; r < texts.size(); r++) {
            String t = texts.get(r);
            if (t == WRONG_KIND) {
                counts.wrongType++;
                if (in.wrongType() == Contract.WrongType.REJECT) {
                    reject(errors, r, in.name() + ": a yes/no, list or object is not " + article(in.type()));
                } else {
                    column.setMissing(r);
                }
                continue;
            }
            if (t == null) {
                counts.missing++;
                if (in.missing() == Contract.Missing.REJECT) {
                    reject(errors, r, in.name() + " is missing, and the contract requires a value");
                }
                continue;
            }
            if (column.isMissing(r)) {
                counts.wrongType++;
                if (in.wrongType() == Contract.WrongType.REJECT) {
                    reject(errors, r, in.name() + ": '" + t + "' is not " + article(in.type()));
                }
                continue;
            }
            // Judged on the value as read, as training saw it: "Yes" in a yes/no column is the category "true".
            if (known != null && !known.contains(TypeConversion.text(column, r))) {
                counts.unseen++;
                if (in.unseen() == Contract.Unseen.REJECT) {
                    reject(errors, r, in.name() + ": '" + t + "' is a category the model never saw");
                }
            }
            if ((numeric || date) && in.min() != null && in.max() != null) {
                double v = numeric ? ((NumericColumn<?>) column).getDouble(r) : ((DateColumn) column).get(r).toEpochDay();
                if (v < in.min() || v > in.max()) {
                    counts.outOfRange++;
                    if (in.outOfRange() == Contract.OutOfRange.REJECT) {
                        reject(errors, r, in.name() + ": " + t + " is outside the training range " + range(in));
                    } else if (in.outOfRange() == Contract.OutOfRange.CLIP && numeric) {
                        clip(column, r, Math.max(in.min(), Math.min(in.max(), v)));
                    }
                }
            }
        }
    }

    private static void reject(String[] errors, int r, String why) {
        errors[r] = errors[r] == null ? why : errors[r] + "; " + why;
    }

    private static String article(ColumnType type) {
        String label = type.label();
        return (label.matches("^[aeiou].*") ? "an " : "a ") + label + (type == ColumnType.DATE || type == ColumnType.DATETIME ? "" : " value");
    }

    private static String range(Contract.Input in) {
        return in.minText() != null ? in.minText() + " to " + in.maxText()
                : String.format(Locale.ROOT, "%s to %s", text(in.min()), text(in.max()));
    }

    private static void clip(Column<?> column, int r, double v) {
        if (column instanceof DoubleColumn d) {
            d.set(r, v);
        } else if (column instanceof IntColumn i) {
            i.set(r, (int) Math.round(v));
        } else if (column instanceof LongColumn l) {
            l.set(r, Math.round(v));
        }
    }
}
