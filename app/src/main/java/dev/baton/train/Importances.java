package dev.baton.train;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Feature importance per raw column: Tribuo's model-native scores where the model has them (summed over a
 * column's one-hot features and over classes, then shown as shares of the total), otherwise permutation
 * importance on up to 2,000 held-out rows.
 */
final class Importances {

    record Result(List<Importance> values, Importance.Method method) {
    }

    private static final int SAMPLE = 2000;

    private Importances() {
    }

    static Result of(Frame frame, Model<?> model, Preparation preparation, Predictions holdout, String metric, long seed) {
        List<Importance> natives = nativeScores(model, preparation);
        if (!natives.isEmpty()) {
            return new Result(natives, Importance.Method.NATIVE);
        }
        return new Result(permutation(frame, model, preparation, holdout, metric, seed), Importance.Method.PERMUTATION);
    }

    /** The raw column a feature name belongs to: "island@Biscoe" to island, "bill_length_mm@missing" to bill_length_mm. */
    static String columnOf(String feature, List<String> columns) {
        String best = null;
        for (String c : columns) {
            if ((feature.equals(c) || feature.startsWith(c + "@")) && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    private static List<Importance> nativeScores(Model<?> model, Preparation preparation) {
        Map<String, List<Pair<String, Double>>> top;
        try {
            top = model.getTopFeatures(-1);
        } catch (RuntimeException e) {
            return List.of();
        }
        if (top == null || top.isEmpty()) {
            return List.of();
        }
        List<String> columns = preparation.columns();
        Map<String, Double> sums = new LinkedHashMap<>();
        columns.forEach(c -> sums.put(c, 0.0));
        boolean any = false;
        for (Map.Entry<String, List<Pair<String, Double>>> e : top.entrySet()) {
            if (top.containsKey(Model.ALL_OUTPUTS) && !e.getKey().equals(Model.ALL_OUTPUTS)) {
                continue;
            }
            for (Pair<String, Double> p : e.getValue()) {
                String column = columnOf(p.getA(), columns);
                if (column != null) {
                    double v = Math.abs(p.getB());
                    if (Double.isFinite(v) && v > 0) {
                        sums.merge(column, v, Double::sum);
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return List.of();
        }
        double total = sums.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Importance> out = new ArrayList<>();
        sums.forEach((c, v) -> out.add(new Importance(c, v / total)));
        out.sort(Comparator.comparingDouble(Importance::value).reversed());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Importance> permutation(Frame frame, Model<?> model, Preparation preparation, Predictions holdout,
                                                String metric, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = holdout.rows().clone();
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        if (rows.length > SAMPLE) {
            rows = java.util.Arrays.copyOf(rows, SAMPLE);
        }
        java.util.Arrays.sort(rows);
        if ((metric.equals("auc") || metric.equals("logLoss")) && !model.generatesProbabilities()) {
            metric = "accuracy";
        }
        String[] names = preparation.names();
        double[][] base = frame.encode(preparation, rows);
        Map<String, Integer> position = Preparation.positions(names);
        int classes = frame.classes == null ? 0 : frame.classes.size();
        double baseline = score(frame, model, preparation, names, base, rows, classes, metric);
        boolean higher = Metrics.higherIsBetter(metric);
        List<Importance> out = new ArrayList<>();
        for (Encoder e : preparation.encoders()) {
            int[] slots = e.outputs().stream().mapToInt(position::get).toArray();
            int[] perm = new int[rows.length];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            for (int i = perm.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            double[][] shuffled = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                shuffled[i] = base[i].clone();
                for (int s : slots) {
                    shuffled[i][s] = base[perm[i]][s];
                }
            }
            double permuted = score(frame, model, preparation, names, shuffled, rows, classes, metric);
            out.add(new Importance(e.column(), higher ? baseline - permuted : permuted - baseline));
        }
        out.sort(Comparator.comparingDouble(Importance::value).reversed());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static double score(Frame frame, Model<?> model, Preparation preparation, String[] names, double[][] encoded, int[] rows,
                                int classes, String metric) {
        Predictions p;
        if (frame.task == Task.CLASSIFICATION) {
            int[] actual = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                actual[i] = frame.labels[rows[i]];
            }
            p = TribuoBridge.classify((Model<Label>) model, names, encoded, rows, actual, frame.classes);
        } else {
            double[] actual = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                actual[i] = frame.values[rows[i]];
            }
            p = TribuoBridge.regress((Model<Regressor>) model, preparation, names, encoded, rows, actual);
        }
        Double v = Metrics.scores(p, classes).get(metric);
        return v == null ? Double.NaN : v;
    }
}
