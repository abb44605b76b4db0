package dev.baton.train;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.Numbers;
import dev.baton.util.UserException;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns a model learns from, read once from the dataset into plain arrays: numbers (booleans as 0/1,
 * dates as days since 1970) with NaN for missing, and categories as codes into their values. Rows without a
 * target are left out. Every fold and every algorithm works from this one copy.
 */
public final class Frame {

    /** How a raw column enters the model. */
    public enum Kind { NUMERIC, CATEGORICAL }

    final int rows;
    final List<String> features;
    final Map<String, Kind> kinds = new LinkedHashMap<>();
    final Map<String, ColumnType> types = new LinkedHashMap<>();
    final Map<String, double[]> numbers = new LinkedHashMap<>();
    final Map<String, int[]> codes = new LinkedHashMap<>();
    final Map<String, List<String>> levels = new LinkedHashMap<>();
    final Task task;
    final String target;
    /** Classification: the class of each row, an index into {@link #classes}. */
    final int[] labels;
    final List<String> classes;
    /** Regression: the target value of each row. */
    final double[] values;
    /** Row numbers in the dataset, for each frame row. */
    final int[] sourceRows;
    final int droppedRows;

    private Frame(int rows, List<String> features, Task task, String target, int[] labels, List<String> classes, double[] values,
                  int[] sourceRows, int droppedRows) {
        this.rows = rows;
        this.features = List.copyOf(features);
        this.task = task;
        this.target = target;
        this.labels = labels;
        this.classes = classes;
        this.values = values;
        this.sourceRows = sourceRows;
        this.droppedRows = droppedRows;
    }

    public static Kind kindOf(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME -> Kind.NUMERIC;
            case CATEGORICAL, TEXT -> Kind.CATEGORICAL;
        };
    }

    public static Frame of(Dataset data, String target, Task task, List<String> features) {
        if (!data.hasColumn(target)) {
            throw new UserException("There is no column '" + target + "' to predict.");
        }
        if (features.isEmpty()) {
            throw new UserException("Choose at least one feature column to learn from.");
        }
        for (String f : features) {
            if (!data.hasColumn(f)) {
                throw new UserException("The feature '" + f + "' is not a column of the data any more.");
            }
            if (f.equals(target)) {
                throw new UserException("'" + target + "' is the target; it cannot also be a feature.");
            }
        }
        Column<?> targetColumn = data.column(target);
        ColumnType targetType = data.type(target);
        if (task == Task.REGRESSION && !targetType.isNumeric()) {
            throw new UserException("Regression predicts a number, but '" + target + "' holds " + targetType.label()
                    + " values. Choose classification, or change the column's type in Clean.");
        }
        int[] rows = rowsWithTarget(data, target);
        if (rows.length < 10) {
            throw new UserException("Only " + rows.length + " rows have a value for '" + target + "'; at least 10 are needed to train and test a model.");
        }
        int[] labels = null;
        List<String> classes = null;
        double[] values = null;
        if (task == Task.CLASSIFICATION) {
            TreeMap<String, Integer> index = new TreeMap<>();
            String[] text = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                text[i] = dev.baton.data.TypeConversion.text(targetColumn, rows[i]);
                index.put(text[i], 0);
            }
            classes = new ArrayList<>(index.keySet());
            if (classes.size() < 2) {
                throw new UserException("'" + target + "' has only one value (" + classes.get(0) + "): there is nothing to classify.");
            }
            if (classes.size() > 200) {
                throw new UserException("'" + target + "' has " + classes.size() + " different values; classification handles at most 200 classes."
                        + (targetType.isNumeric() ? " It holds numbers: try regression."
                        : targetType.isTemporal() ? " It holds dates: predict a number derived from them (Clean: Take part of a date,"
                        + " or a derived column with daysBetween) with regression." : ""));
            }
            for (int i = 0; i < classes.size(); i++) {
                index.put(classes.get(i), i);
            }
            labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = index.get(text[i]);
            }
        } else {
            double[] all = Numbers.of(targetColumn);
            values = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                values[i] = all[rows[i]];
            }
        }
        Frame frame = new Frame(rows.length, features, task, target, labels, classes == null ? null : List.copyOf(classes), values, rows,
                data.rowCount() - rows.length);
        for (String f : features) {
            frame.add(data, f, rows);
        }
        return frame;
    }

    /** All rows of the given columns, with no target: for clustering. */
    public static Frame unsupervised(Dataset data, List<String> columns) {
        if (columns.isEmpty()) {
            throw new UserException("Choose at least one column.");
        }
        for (String c : columns) {
            if (!data.hasColumn(c)) {
                throw new UserException("'" + c + "' is not a column of the data any more.");
            }
        }
        int n = data.rowCount();
        int[] rows = new int[n];
        for (int r = 0; r < n; r++) {
            rows[r] = r;
        }
        Frame frame = new Frame(n, columns, null, null, null, null, null, rows, 0);
        for (String c : columns) {
            frame.add(data, c, rows);
        }
        return frame;
    }

    private void add(Dataset data, String name, int[] rows) {
        ColumnType type = data.type(name);
        Column<?> column = data.column(name);
        Kind kind = kindOf(type);
        kinds.put(name, kind);
        types.put(name, type);
        if (kind == Kind.NUMERIC) {
            double[] all = numeric(column, type);
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = all[rows[i]];
            }
            numbers.put(name, v);
        } else {
            TreeMap<String, Integer> index = new TreeMap<>();
            String[] text = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                text[i] = column.isMissing(rows[i]) ? null : column.getString(rows[i]);
                if (text[i] != null) {
                    index.put(text[i], 0);
                }
            }
            List<String> values = new ArrayList<>(index.keySet());
            for (int i = 0; i < values.size(); i++) {
                index.put(values.get(i), i);
            }
            int[] c = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                c[i] = text[i] == null ? -1 : index.get(text[i]);
            }
            codes.put(name, c);
            levels.put(name, List.copyOf(values));
        }
    }

    /** A column as the numbers a model sees: booleans 0/1, dates as days since 1970, date-times in days with a fraction. */
    static double[] numeric(Column<?> column, ColumnType type) {
        if (type == ColumnType.DATE) {
            DateColumn dates = (DateColumn) column;
            double[] v = new double[column.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = dates.isMissing(r) ? Double.NaN : dates.get(r).toEpochDay();
            }
            return v;
        }
        if (type == ColumnType.DATETIME) {
            DateTimeColumn times = (DateTimeColumn) column;
            double[] v = new double[column.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = times.isMissing(r) ? Double.NaN : times.get(r).toEpochSecond(ZoneOffset.UTC) / 86_400.0;
            }
            return v;
        }
        return Numbers.of(column);
    }

    /** More one-hot columns than this make training slow whatever the memory. */
    static final int MAX_ENCODED_FEATURES = 10_000;

    /**
     * Refuses, before any training, features whose encoding would not fit: each category becomes a column of
     * every row (a text of 100,000 distinct values forced to categorical would need tens of gigabytes). The
     * message names the widest categorical features and what to do about them.
     */
    void checkEncodedSize(long heapBytes) {
        long width = 0;
        for (String f : features) {
            // A number is one column plus its missing indicator; a category one column per value plus "missing".
            width += kinds.get(f) == Kind.CATEGORICAL ? levels.get(f).size() + 1 : 2;
        }
        // The encoded training rows, Tribuo's copy of them, and a fold's: three copies of 8-byte cells.
        double bytes = 3.0 * 8 * width * rows;
        if (width <= MAX_ENCODED_FEATURES && bytes <= heapBytes / 2.0) {
            return;
        }
        List<String> widest = features.stream().filter(f -> kinds.get(f) == Kind.CATEGORICAL)
                .sorted(java.util.Comparator.comparingInt((String f) -> -levels.get(f).size())).limit(3)
                .map(f -> f + " (" + String.format("%,d", levels.get(f).size()) + " values)").toList();
        throw new dev.baton.util.UserException(String.format("With every category as its own column the features "
                + "become %,d columns for %,d rows: more than Baton can train on. The widest: %s. Leave them out, or "
                + "merge their rare values first (Clean: Merge rare categories).", width, rows, String.join(", ", widest)));
    }

    /** Fits every column's encoder on the given training rows of the frame. */
    public Preparation fitPreparation(int[] trainRows, boolean standardize) {
        List<Encoder> encoders = new ArrayList<>();
        for (String column : features) {
            if (kinds.get(column) == Frame.Kind.NUMERIC) {
                encoders.add(NumericEncoder.fit(column, types.get(column), numbers.get(column), trainRows, standardize));
            } else {
                encoders.add(CategoricalEncoder.fit(column, types.get(column), codes.get(column), levels.get(column), trainRows));
            }
        }
        return new Preparation(encoders, null);
    }

    /** The prepared rows of this frame, row-major, columns in the preparation's {@link Preparation#names()} order. */
    public double[][] encode(Preparation preparation, int[] rows) {
        return preparation.encode(numbers, codes, levels, rows);
    }

    /** What the model says about every row of {@code data}: the workbench's side of {@link ModelScorer}. */
    public static ModelScorer.Scores score(org.tribuo.Model<?> model, Preparation preparation, Dataset data, Task task, List<String> classes) {
        Frame frame = unsupervised(data, preparation.columns());
        int[] rows = new int[frame.rows];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return ModelScorer.score(model, preparation, frame.encode(preparation, rows), task, classes);
    }

    public int rows() {
        return rows;
    }

    public List<String> features() {
        return features;
    }

    public List<String> classes() {
        return classes;
    }

    public Task task() {
        return task;
    }

    public String target() {
        return target;
    }

    /** The dataset rows a frame for this target holds, in order: those with a value for the target. */
    public static int[] rowsWithTarget(Dataset data, String target) {
        Column<?> column = data.column(target);
        int n = data.rowCount();
        int[] rows = new int[n];
        int kept = 0;
        for (int r = 0; r < n; r++) {
            if (!column.isMissing(r)) {
                rows[kept++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, kept);
    }

    /** The dataset row a frame row came from. */
    public int sourceRow(int frameRow) {
        return sourceRows[frameRow];
    }

    public int droppedRows() {
        return droppedRows;
    }
}
