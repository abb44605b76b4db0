package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature preparation fitted on the training rows only (per fold in cross-validation): medians and missing
 * indicators, categories for one-hot encoding, and standardization. Its features are in sorted name order,
 * the order Tribuo keeps them in, so a row's values line up with the model's feature indices.
 *
 * @param target how the target was standardized for the model (its predictions are mapped back through it): set in
 *               bundles and projects whose linear regression was trained by SGD, before Baton solved it exactly;
 *               null for every model trained now
 */
public record Preparation(List<Encoder> encoders, @JsonInclude(JsonInclude.Include.NON_NULL) TargetScale target) {

    public Preparation {
        encoders = List.copyOf(encoders);
    }

    /** A model's prediction in the target's own units. */
    public double predictedValue(double modelOutput) {
        return target == null ? modelOutput : target.unscale(modelOutput);
    }

    /** All feature names, sorted. */
    @JsonIgnore
    public String[] names() {
        List<String> all = new ArrayList<>();
        for (Encoder e : encoders) {
            all.addAll(e.outputs());
        }
        String[] names = all.toArray(String[]::new);
        java.util.Arrays.sort(names);
        return names;
    }

    /** The raw columns it reads. */
    @JsonIgnore
    public List<String> columns() {
        return encoders.stream().map(Encoder::column).toList();
    }

    /**
     * Every row of a batch prepared for the model (the scoring path): numbers as the model saw them in training
     * (booleans 1/0, dates in days since 1970, date-times in days with a fraction), categories one-hot against the
     * levels learned. A feature the batch lacks, or holds with the other kind of values, cannot be prepared.
     */
    public double[][] encode(dev.baton.batch.Batch batch) {
        return prepare(batch).all();
    }

    /** A batch's prepared rows, made on request (see {@link Rows}). */
    public Rows prepare(dev.baton.batch.Batch batch) {
        Map<String, double[]> numbers = new HashMap<>();
        Map<String, int[]> codes = new HashMap<>();
        Map<String, List<String>> levels = new HashMap<>();
        for (Encoder e : encoders) {
            dev.baton.batch.Column column = batch.column(e.column());
            if (column == null) {
                throw new IllegalArgumentException("the feature '" + e.column() + "' is not among the prepared columns");
            }
            if (e instanceof NumericEncoder) {
                if (!(column instanceof dev.baton.batch.NumberColumn n)) {
                    throw new IllegalArgumentException("the feature '" + e.column() + "' holds " + column.type().label()
                            + " values where the model learned numbers");
                }
                numbers.put(e.column(), modelNumbers(n));
            } else {
                Map<String, Integer> index = new HashMap<>();
                List<String> seen = new ArrayList<>();
                int[] c = new int[batch.rows()];
                for (int r = 0; r < c.length; r++) {
                    String text = column.text(r);
                    if (text == null) {
                        c[r] = -1;
                        continue;
                    }
                    Integer code = index.get(text); // not computeIfAbsent: its lambda would be made for every row
                    if (code == null) {
                        code = seen.size();
                        index.put(text, code);
                        seen.add(text);
                    }
                    c[r] = code;
                }
                codes.put(e.column(), c);
                levels.put(e.column(), seen);
            }
        }
        int[] rows = new int[batch.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return plan(numbers, codes, levels, rows);
    }

    /** A number column as the model sees it: date-times in days since 1970 with a fraction (whole seconds), as the workbench gives them. */
    private static double[] modelNumbers(dev.baton.batch.NumberColumn column) {
        if (column.type() != dev.baton.data.ColumnType.DATETIME) {
            return column.values();
        }
        double[] days = new double[column.size()];
        for (int r = 0; r < days.length; r++) {
            double millis = column.get(r);
            days[r] = Double.isNaN(millis) ? Double.NaN : Math.floorDiv((long) millis, 1000L) / 86_400.0;
        }
        return days;
    }

    /** Rows prepared from each column's numbers, or codes into its levels (-1 missing); row-major, columns in {@link #names()} order. */
    double[][] encode(Map<String, double[]> columnNumbers, Map<String, int[]> columnCodes, Map<String, List<String>> columnLevels,
                              int[] rows) {
        return plan(columnNumbers, columnCodes, columnLevels, rows).all();
    }

    /**
     * Prepared rows made one at a time on request ({@link #fill}), into an array the caller may reuse: a scorer that
     * uses each row once (Tribuo's linear models) then allocates no row at all.
     */
    public static final class Rows {
        private final int width;
        private final int[] rows;
        private final NumericEncoder[] numeric;
        private final double[][] values;
        private final int[] at;
        private final int[] flag;
        private final int[][] codes;
        private final int[][] slots;
        private final int[] missingSlot;

        private Rows(int width, int[] rows, NumericEncoder[] numeric, double[][] values, int[] at, int[] flag, int[][] codes, int[][] slots,
                     int[] missingSlot) {
            this.width = width;
            this.rows = rows;
            this.numeric = numeric;
            this.values = values;
            this.at = at;
            this.flag = flag;
            this.codes = codes;
            this.slots = slots;
            this.missingSlot = missingSlot;
        }

        public int size() {
            return rows.length;
        }

        /** Features per row: {@link Preparation#names()}'s length. */
        public int width() {
            return width;
        }

        /** Prepared row {@code i} written into {@code row} (of {@link #width()} values; every one is set). */
        public void fill(int i, double[] row) {
            java.util.Arrays.fill(row, 0);
            int r = rows[i];
            for (int e = 0; e < numeric.length; e++) {
                if (numeric[e] != null) {
                    double raw = values[e][r];
                    row[at[e]] = numeric[e].value(raw);
                    if (flag[e] >= 0) {
                        row[flag[e]] = Double.isNaN(raw) ? 1 : 0;
                    }
                } else {
                    int code = codes[e][r];
                    int p = code < 0 ? missingSlot[e] : slots[e][code];
                    if (p >= 0) {
                        row[p] = 1;
                    }
                }
            }
        }

        /** Every row, each in an array of its own. */
        public double[][] all() {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = new double[width];
                fill(i, out[i]);
            }
            return out;
        }
    }

    /** Per encoder, what it reads and where it writes. */
    private Rows plan(Map<String, double[]> columnNumbers, Map<String, int[]> columnCodes, Map<String, List<String>> columnLevels, int[] rows) {
        String[] names = names();
        Map<String, Integer> position = positions(names);
        int k = encoders.size();
        NumericEncoder[] numeric = new NumericEncoder[k];
        double[][] values = new double[k][];
        int[] at = new int[k];
        int[] flag = new int[k];
        int[][] codes = new int[k][];
        int[][] slots = new int[k][];
        int[] missingSlot = new int[k];
        for (int e = 0; e < k; e++) {
            Encoder encoder = encoders.get(e);
            if (encoder instanceof NumericEncoder num) {
                numeric[e] = num;
                values[e] = columnNumbers.get(num.column());
                at[e] = position.get(num.column());
                flag[e] = num.indicator() ? position.get(num.column() + NumericEncoder.MISSING_SUFFIX) : -1;
            } else {
                CategoricalEncoder cat = (CategoricalEncoder) encoder;
                codes[e] = columnCodes.get(cat.column());
                List<String> all = columnLevels.get(cat.column());
                java.util.Set<String> known = new java.util.HashSet<>(cat.levels());
                slots[e] = new int[all.size()];
                for (int c = 0; c < all.size(); c++) {
                    slots[e][c] = known.contains(all.get(c)) ? position.get(cat.column() + "@" + all.get(c)) : -1;
                }
                missingSlot[e] = cat.missingLevel() ? position.get(cat.column() + "@" + CategoricalEncoder.MISSING_LEVEL) : -1;
            }
        }
        return new Rows(names.length, rows, numeric, values, at, flag, codes, slots, missingSlot);
    }

    static Map<String, Integer> positions(String[] names) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            position.put(names[i], i);
        }
        return position;
    }
}
