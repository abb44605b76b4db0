package dev.baton.bundle;

import dev.baton.batch.Batch;
import dev.baton.batch.Column;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.Typing;
import dev.baton.clean.RowOperation;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeStep;
import dev.baton.data.ColumnType;
import dev.baton.train.ModelScorer;
import dev.baton.train.Preparation;
import dev.baton.train.Task;
import dev.baton.util.Parallel;
import org.tribuo.Model;

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

    /** Scored rows: their inputs as the contract typed and checked them (before the recipe), and their outputs. */
    public record Scored(Batch inputs, List<Output> outputs) {
    }

    /** Batches at least this large are typed and scored on all cores. */
    static final int PARALLEL_ROWS = 10_000;

    private final Contract contract;
    private final Recipe recipe;
    private final Preparation preparation;
    private final Model<?> model;
    private final Set<String> missingTokens;

    /** For each model feature made from exactly one input, that input. */
    private final Map<String, Contract.Input> origin = new HashMap<>();

    /** Whether a large batch is spread over the cores; not inside a Spark task, where partitions are the parallelism. */
    private final boolean threads;

    public Scorer(Contract contract, Recipe recipe, Preparation preparation, Model<?> model) {
        this(contract, recipe, preparation, model, true);
    }

    /** Tribuo's linear models scored from their weights (null for other models). */
    private final dev.baton.train.LinearScoring linear;

    private Scorer(Contract contract, Recipe recipe, Preparation preparation, Model<?> model, boolean threads) {
        this.threads = threads;
        this.linear = dev.baton.train.LinearScoring.of(model, preparation.names(), contract.task(), contract.classes());
        this.contract = contract;
        this.recipe = recipe;
        this.preparation = preparation;
        this.model = model;
        for (dev.baton.train.Encoder e : preparation.encoders()) {
            List<String> from = Lineage.inputsOf(recipe, e.column(), contract.inputNames());
            if (from.size() == 1) {
                origin.put(e.column(), contract.input(from.get(0)));
            }
        }
        this.missingTokens = new HashSet<>(contract.missingTokens());
        if (contract.classes() != null) {
            for (int c = 0; c < contract.classes().size(); c++) {
                classIndex.put(contract.classes().get(c), c);
            }
        }
    }

    /** Each class's position in the contract's order. */
    private final Map<String, Integer> classIndex = new HashMap<>();

    public Contract contract() {
        return contract;
    }

    /**
     * The same scorer, scoring each batch on the calling thread only: for callers that run many batches in parallel
     * themselves (Spark's tasks, a service's request threads), where more threads would only compete.
     */
    public Scorer singleThreaded() {
        return threads ? new Scorer(contract, recipe, preparation, model, false) : this;
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
        List<String[]> rows = rows(records, header);
        return scoreRows(header, rows, violations);
    }

    /**
     * Records as rows of texts under a header (filled into {@code header}): missing tokens become null, and a value
     * of the wrong kind a marker the column's wrongType policy deals with.
     */
    public List<String[]> rows(List<? extends Map<String, ?>> records, List<String> header) {
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
        return rows;
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
     * Rows of texts under a header (a CSV chunk; null meaning missing). A column absent from the header is missing
     * in every row, and its missing policy applies (imputed and counted, or the rows rejected); a bad value rejects
     * only its row.
     */
    public List<Output> scoreRows(List<String> header, List<String[]> rows, Violations violations) {
        return scoreTyped(header, rows, violations).outputs();
    }

    /** The same, with the typed inputs: what drift checks compare with the training data. */
    public Scored scoreTyped(List<String> header, List<String[]> rows, Violations violations) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.putIfAbsent(header.get(i), i);
        }
        int n = rows.size();
        List<Contract.Input> inputs = contract.inputs();
        Column[] columns = new Column[inputs.size()];
        String[][] columnErrors = new String[inputs.size()][];
        Violations.Counts[] counts = inputs.stream().map(in -> violations.column(in.name())).toArray(Violations.Counts[]::new);
        // Columns are typed and checked independently: on all cores for a large batch.
        IntConsumer convert = c -> {
            Contract.Input in = inputs.get(c);
            Integer index = at.get(in.name());
            List<String> texts = new ArrayList<>(n);
            List<String> values = new ArrayList<>(n);
            boolean integer = in.type() == ColumnType.INTEGER;
            for (String[] row : rows) {
                String t = index == null || index >= row.length ? null : row[index];
                texts.add(t);
                values.add(t == WRONG_KIND ? null : integer ? integral(t) : t);
            }
            boolean[] failed = new boolean[n];
            columns[c] = Typing.column(values, in.type(), in.format(), failed);
            check(in, columns[c], r -> texts.get(r) == WRONG_KIND, r -> failed[r], texts::get, columnErrors, c, counts[c]);
        };
        if (threads && n >= PARALLEL_ROWS) {
            Parallel.forEach(inputs.size(), convert);
        } else {
            for (int c = 0; c < inputs.size(); c++) {
                convert.accept(c);
            }
        }
        return scoreChecked(n, columns, columnErrors, violations);
    }

    /**
     * Rows already typed by the contract's types (a CSV file read from its bytes): per input its column (null when
     * the input is absent: missing in every row), where a text did not read as the type, and each cell's text as
     * given (for messages). Checked and scored as {@link #scoreTyped} does.
     */
    Scored scoreParsed(int n, Column[] typed, boolean[][] failed, java.util.function.IntFunction<String>[] text, Violations violations) {
        List<Contract.Input> inputs = contract.inputs();
        Column[] columns = new Column[inputs.size()];
        String[][] columnErrors = new String[inputs.size()][];
        Violations.Counts[] counts = inputs.stream().map(in -> violations.column(in.name())).toArray(Violations.Counts[]::new);
        IntConsumer checkColumn = c -> {
            Contract.Input in = inputs.get(c);
            columns[c] = typed[c] != null ? typed[c] : Typing.column(java.util.Collections.nCopies(n, null), in.type(), in.format(), null);
            boolean[] bad = failed[c];
            java.util.function.IntFunction<String> texts = text[c] != null ? text[c] : r -> null;
            check(in, columns[c], r -> false, r -> bad != null && bad[r], texts, columnErrors, c, counts[c]);
        };
        if (threads && n >= PARALLEL_ROWS) {
            Parallel.forEach(inputs.size(), checkColumn);
        } else {
            for (int c = 0; c < inputs.size(); c++) {
                checkColumn.accept(c);
            }
        }
        return scoreChecked(n, columns, columnErrors, violations);
    }

    /**
     * Rows given as typed columns, one per contract input (a column absent from {@code columns} is missing in every
     * row): what a caller holding typed values (a Spark partition) scores without a round trip through text. A
     * column must have the input's type; cells marked in {@code wrongKind} (when given) held a value of another
     * kind and get the input's wrongType policy.
     */
    public List<Output> scoreColumns(int n, Map<String, Column> columns, Map<String, boolean[]> wrongKind, Violations violations) {
        List<Contract.Input> inputs = contract.inputs();
        Column[] typed = new Column[inputs.size()];
        String[][] columnErrors = new String[inputs.size()][];
        for (int c = 0; c < inputs.size(); c++) {
            Contract.Input in = inputs.get(c);
            Column given = columns.get(in.name());
            if (given == null) {
                given = Typing.column(java.util.Collections.nCopies(n, null), in.type(), in.format(), null);
            } else if (given.size() != n || given.type() != in.type() && !(given.type().isString() && in.type().isString())) {
                throw new IllegalArgumentException("the column " + in.name() + " must have " + n + " " + in.type().label() + " cells");
            }
            if (given instanceof NumberColumn numbers) {
                given = new NumberColumn(numbers.type(), numbers.values().clone()); // clipping writes into it
            }
            typed[c] = given;
            boolean[] wrong = wrongKind == null ? null : wrongKind.get(in.name());
            Column column = given;
            check(in, given, r -> wrong != null && wrong[r], r -> false, column::text, columnErrors, c, violations.column(in.name()));
        }
        return scoreChecked(n, typed, columnErrors, violations).outputs();
    }

    /** The rest of scoring, once each input column is typed and checked: the recipe, the preparation, the model. */
    private Scored scoreChecked(int n, Column[] columns, String[][] columnErrors, Violations violations) {
        List<Contract.Input> inputs = contract.inputs();
        String[] errors = new String[n];
        for (int r = 0; r < n; r++) {
            for (String[] e : columnErrors) {
                if (e != null && e[r] != null) {
                    reject(errors, r, e[r]);
                }
            }
        }
        Map<String, Column> named = new LinkedHashMap<>();
        for (int c = 0; c < inputs.size(); c++) {
            named.put(inputs.get(c).name(), columns[c]);
        }
        Batch data = Batch.of(n, named);
        Batch typedInputs = data;
        List<RecipeStep> steps = recipe.steps();
        for (int s = 0; s < steps.size(); s++) {
            RecipeStep step = steps.get(s);
            if (!step.enabled()) {
                continue;
            }
            try {
                step.operation().check();
                data = ((RowOperation) step.operation()).apply(data);
            } catch (dev.baton.clean.StepException e) {
                throw new ContractException("Step " + (s + 1) + " of the bundle's recipe (" + step.operation().describe()
                        + ") could not apply to the input: " + e.getMessage());
            }
        }
        afterRecipe(data, errors, violations);
        long rejected = java.util.Arrays.stream(errors).filter(java.util.Objects::nonNull).count();
        violations.addRows(n, rejected);
        dev.baton.train.Preparation.Rows prepared;
        try {
            prepared = preparation.prepare(data);
        } catch (IllegalArgumentException e) {
            throw new ContractException("The bundle's recipe does not give what the model needs: " + e.getMessage());
        }
        ModelScorer.Scores scores = linear != null ? linear.score(prepared, preparation, contract.classes())
                : ModelScorer.score(model, preparation, prepared.all(), contract.task(), contract.classes(), threads);
        List<Output> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            if (errors[r] != null) {
                out.add(new Output(null, null, null, errors[r]));
            } else if (contract.task() == Task.CLASSIFICATION) {
                Map<String, Double> probabilities = scores.probabilities() == null ? null
                        : new ClassProbabilities(contract.classes(), classIndex, scores.probabilities()[r]);
                out.add(new Output(contract.classes().get(scores.predictedClass()[r]), probabilities, null, null));
            } else {
                out.add(new Output(null, null, scores.values()[r], null));
            }
        }
        return new Scored(typedInputs, out);
    }

    /**
     * Applies the column's policies: counts every finding, rejects rows where the policy says so, clips where asked.
     * {@code wrongKind}: the cell held a value of another kind (a list, an object, a yes/no for a number);
     * {@code failed}: its text did not read as the input's type; {@code text}: the cell as given, for messages.
     */
    private static void check(Contract.Input in, Column column, java.util.function.IntPredicate wrongKind,
                              java.util.function.IntPredicate failed, java.util.function.IntFunction<String> text,
                              String[][] columnErrors, int c, Violations.Counts counts) {
        // A column's reasons for rejecting rows, made only when it rejects one (each column has its slot: columns are checked in parallel).
        RowErrors errors = new RowErrors(columnErrors, c, column.size());
        boolean ranged = column.type().isNumeric() || column.type() == ColumnType.DATE;
        for (int r = 0; r < column.size(); r++) {
            if (wrongKind.test(r)) {
                counts.wrongType++;
                counts.found(r, "a value of the wrong kind, " + (in.wrongType() == Contract.WrongType.REJECT ? "row rejected" : "taken as missing"));
                if (in.wrongType() == Contract.WrongType.REJECT) {
                    errors.reject(r, in.name() + ": a yes/no, list or object is not " + article(in.type()));
                }
                continue;
            }
            boolean notRead = failed.test(r);
            if (column.isMissing(r) && !notRead) {
                counts.missing++;
                counts.found(r, in.missing() == Contract.Missing.REJECT ? "missing, row rejected" : "missing, filled as in training");
                if (in.missing() == Contract.Missing.REJECT) {
                    errors.reject(r, in.name() + " is missing, and the contract requires a value");
                }
                continue;
            }
            if (notRead) {
                String t = text.apply(r); // the text only where a message needs it: making it is most of a check's work
                counts.wrongType++;
                counts.found(r, "'" + dev.baton.data.ImportException.snippet(t) + "' is not " + article(in.type()) + ", "
                        + (in.wrongType() == Contract.WrongType.REJECT ? "row rejected" : "taken as missing"));
                if (in.wrongType() == Contract.WrongType.REJECT) {
                    errors.reject(r, in.name() + ": '" + dev.baton.data.ImportException.snippet(t) + "' is not " + article(in.type()));
                }
                continue;
            }
            // Unseen categories are judged after the recipe (afterRecipe): "male" is no stranger when lower-casing makes it a known level.
            if (ranged && in.min() != null && in.max() != null) {
                double[] values = ((NumberColumn) column).values();
                double v = values[r];
                if (v < in.min() || v > in.max()) {
                    String t = text.apply(r);
                    counts.outOfRange++;
                    counts.found(r, dev.baton.data.ImportException.snippet(t) + " is outside the training range " + range(in) + ", "
                            + outOfRangeAction(in.outOfRange()));
                    if (in.outOfRange() == Contract.OutOfRange.REJECT) {
                        errors.reject(r, in.name() + ": " + dev.baton.data.ImportException.snippet(t) + " is outside the training range " + range(in));
                    } else if (in.outOfRange() == Contract.OutOfRange.CLIP && column.type().isNumeric()) {
                        values[r] = clip(column.type(), Math.max(in.min(), Math.min(in.max(), v)));
                    }
                }
            }
        }
    }

    /**
     * An integral decimal of an integer column as an integer: pandas writes an integer column that has a missing value
     * as 190.0. A fraction (190.5) stays as it is, and the column's wrongType policy deals with it.
     */
    static String integral(String text) {
        if (text == null || text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return text;
        }
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (d.signum() == 0) {
                return "0";
            }
            BigDecimal whole = d.stripTrailingZeros();
            return whole.scale() <= 0 && whole.precision() - whole.scale() <= 18 ? whole.toBigIntegerExact().toString() : text;
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
    }

    /**
     * The checks that only make sense on what the model is given: categorical features against the levels it
     * learned (with the unseen policy of the input of that name), numeric features the recipe made against their
     * training range (with the derived feature's out-of-range policy). Rows already rejected are not counted again.
     */
    private void afterRecipe(Batch data, String[] errors, Violations violations) {
        for (dev.baton.train.Encoder e : preparation.encoders()) {
            Column column = data.column(e.column());
            if (column == null) {
                continue;
            }
            // A feature made from one input (renamed, lower-cased) answers to that input: its name and its policies.
            Contract.Input input = origin.get(e.column());
            String named = input != null ? input.name() : e.column();
            if (e instanceof dev.baton.train.CategoricalEncoder cat) {
                Set<String> known = new HashSet<>(cat.levels());
                Violations.Counts counts = violations.column(named);
                for (int r = 0; r < column.size(); r++) {
                    if (errors[r] != null || column.isMissing(r)) {
                        continue;
                    }
                    String value = column.text(r);
                    if (!known.contains(value)) {
                        counts.unseen++;
                        counts.found(r, "'" + dev.baton.data.ImportException.snippet(value) + "' was never seen in training, "
                                + (input != null && input.unseen() == Contract.Unseen.REJECT ? "row rejected" : "scored as unknown"));
                        if (input != null && input.unseen() == Contract.Unseen.REJECT) {
                            reject(errors, r, named + ": '" + dev.baton.data.ImportException.snippet(value) + "' is a category the model never saw");
                        }
                    }
                }
            } else if (contract.derived(e.column()) != null && column instanceof NumberColumn numbers && column.type().isNumeric()) {
                Contract.Derived d = contract.derived(e.column());
                Violations.Counts counts = violations.column(e.column());
                double[] values = numbers.values();
                for (int r = 0; r < column.size(); r++) {
                    if (errors[r] != null || column.isMissing(r)) {
                        continue;
                    }
                    double v = values[r];
                    if (v < d.min() || v > d.max()) {
                        counts.outOfRange++;
                        counts.found(r, text(v) + " (made by the recipe) is outside its training range, " + outOfRangeAction(d.outOfRange()));
                        if (d.outOfRange() == Contract.OutOfRange.REJECT) {
                            reject(errors, r, e.column() + " (made by the recipe): " + text(v) + " is outside its training range "
                                    + text(d.min()) + " to " + text(d.max()));
                        } else if (d.outOfRange() == Contract.OutOfRange.CLIP) {
                            values[r] = clip(column.type(), Math.max(d.min(), Math.min(d.max(), v)));
                        }
                    }
                }
            }
        }
    }

    private static String outOfRangeAction(Contract.OutOfRange policy) {
        return switch (policy) {
            case REJECT -> "row rejected";
            case CLIP -> "clipped to it";
            case SCORE -> "scored as it is";
        };
    }

    private static void reject(String[] errors, int r, String why) {
        errors[r] = errors[r] == null ? why : errors[r] + "; " + why;
    }

    /** One column's slot of reasons, allocated at its first rejected row. */
    private record RowErrors(String[][] all, int column, int rows) {
        void reject(int r, String why) {
            if (all[column] == null) {
                all[column] = new String[rows];
            }
            Scorer.reject(all[column], r, why);
        }
    }

    private static String article(ColumnType type) {
        String label = type.label();
        return (label.matches("^[aeiou].*") ? "an " : "a ") + label + (type == ColumnType.DATE || type == ColumnType.DATETIME ? "" : " value");
    }

    private static String range(Contract.Input in) {
        return in.minText() != null ? in.minText() + " to " + in.maxText()
                : String.format(Locale.ROOT, "%s to %s", text(in.min()), text(in.max()));
    }

    /** A clipped value as its column holds it: integers stay whole. */
    private static double clip(ColumnType type, double v) {
        return type == ColumnType.INTEGER ? Math.round(v) : v;
    }
}
