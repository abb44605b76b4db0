package dev.baton.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation metrics computed straight from prediction arrays, in one or two passes (Tribuo's evaluator builds
 * objects per prediction: 5.8 s for a million rows). Definitions follow scikit-learn: macro and weighted F1 over
 * the classes present, balanced accuracy as the mean recall, one-vs-rest macro ROC AUC, log loss clipped at 1e-15.
 */
public final class Metrics {

    /** Higher is better for these; lower for the others (rmse, mae, mape, logLoss). */
    public static boolean higherIsBetter(String metric) {
        return !(metric.equals("rmse") || metric.equals("mae") || metric.equals("mape") || metric.equals("logLoss"));
    }

    public static List<String> names(Task task) {
        return task == Task.CLASSIFICATION
                ? List.of("accuracy", "balancedAccuracy", "macroF1", "weightedF1", "auc", "logLoss")
                : List.of("r2", "rmse", "mae", "mape");
    }

    public static String label(String metric) {
        return switch (metric) {
            case "accuracy" -> "accuracy";
            case "balancedAccuracy" -> "balanced accuracy";
            case "macroF1" -> "macro F1";
            case "weightedF1" -> "weighted F1";
            case "auc" -> "ROC AUC";
            case "logLoss" -> "log loss";
            case "r2" -> "R\u00b2";
            case "rmse" -> "RMSE";
            case "mae" -> "MAE";
            case "mape" -> "MAPE";
            default -> metric;
        };
    }

    /** What a metric measures, in a sentence a reader without statistics follows. */
    public static String meaning(String metric) {
        return switch (metric) {
            case "accuracy" -> "The share of rows whose class the model names correctly. Higher is better.";
            case "balancedAccuracy" -> "The accuracy of each class, averaged: every class counts the same however rare. Higher is better.";
            case "macroF1" -> "F1 (the balance of precision and recall) of each class, averaged with every class counting the same. Higher is better.";
            case "weightedF1" -> "F1 of each class, averaged in proportion to the class's rows. Higher is better.";
            case "auc" -> "How well the model's probabilities rank the right class above the others: 0.5 is guessing, 1 is perfect.";
            case "logLoss" -> "How confident the model is in the right answer, penalising confident mistakes heavily. Lower is better.";
            case "r2" -> "The share of the target's variation the model explains: 1 is perfect, 0 is no better than the average, below 0 worse.";
            case "rmse" -> "The typical size of an error, in the target's units, with large errors weighing more. Lower is better.";
            case "mae" -> "The average size of an error, in the target's units. Lower is better.";
            case "mape" -> "The average error as a percentage of the true value. Lower is better; undefined where the true value is zero.";
            default -> "";
        };
    }

    /** A metric's name with its unit: "MAPE (%)", "RMSE (price)" (in the target's units); others are unitless. */
    public static String labelWithUnit(String metric, String target) {
        return switch (metric) {
            case "mape" -> label(metric) + " (%)";
            case "rmse", "mae" -> target == null ? label(metric) : label(metric) + " (" + target + ")";
            default -> label(metric);
        };
    }

    /** A metric's value as shown: percentages with a % sign, errors to six significant digits, scores to four decimals. */
    public static String format(String metric, Double v) {
        if (v == null || v.isNaN()) {
            return "\u2013";
        }
        return switch (metric) {
            case "mape" -> String.format(java.util.Locale.ROOT, "%.2f %%", v);
            case "rmse", "mae" -> dev.baton.util.Format.significant(v, 6);
            default -> String.format(java.util.Locale.ROOT, "%.4f", v);
        };
    }

    /** Precision, recall and F1 of one class. */
    public record ClassScores(String label, double precision, double recall, double f1, long support) {
    }

    private Metrics() {
    }

    /** Scalar metrics by name; absent where they do not apply (AUC and log loss without probabilities, MAPE with zeros). */
    public static Map<String, Double> scores(Predictions p, int classes) {
        return p.actualValue() != null ? regression(p) : classification(p, classes);
    }

    public static long[][] confusion(Predictions p, int classes) {
        long[][] m = new long[classes][classes];
        for (int i = 0; i < p.size(); i++) {
            m[p.actualClass()[i]][p.predictedClass()[i]]++;
        }
        return m;
    }

    public static List<ClassScores> perClass(Predictions p, List<String> classes) {
        long[][] m = confusion(p, classes.size());
        List<ClassScores> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            long tp = m[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < classes.size(); k++) {
                actual += m[c][k];
                predicted += m[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassScores(classes.get(c), precision, recall, f1, actual));
        }
        return out;
    }

    private static Map<String, Double> classification(Predictions p, int classes) {
        long[][] m = confusion(p, classes);
        int n = p.size();
        long correct = 0;
        double recallSum = 0;
        int present = 0;
        double macroF1 = 0;
        int f1Classes = 0;
        double weightedF1 = 0;
        for (int c = 0; c < classes; c++) {
            correct += m[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < classes; k++) {
                actual += m[c][k];
                predicted += m[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) m[c][c] / predicted;
            double recall = actual == 0 ? 0 : (double) m[c][c] / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (actual > 0) {
                recallSum += recall;
                present++;
            }
            if (actual > 0 || predicted > 0) {
                macroF1 += f1;
                f1Classes++;
            }
            weightedF1 += f1 * actual;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", n == 0 ? Double.NaN : (double) correct / n);
        out.put("balancedAccuracy", present == 0 ? Double.NaN : recallSum / present);
        out.put("macroF1", f1Classes == 0 ? Double.NaN : macroF1 / f1Classes);
        out.put("weightedF1", n == 0 ? Double.NaN : weightedF1 / n);
        if (p.hasProbabilities()) {
            out.put("auc", auc(p, classes));
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double prob = Math.min(1 - 1e-15, Math.max(1e-15, p.probabilities()[i][p.actualClass()[i]]));
                loss -= Math.log(prob);
            }
            out.put("logLoss", loss / n);
        }
        return out;
    }

    /** Macro one-vs-rest ROC AUC over the classes present; for two classes, the AUC of the second (positive) class. */
    public static double auc(Predictions p, int classes) {
        if (classes == 2) {
            return aucOf(p, 1);
        }
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            double a = aucOf(p, c);
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The Mann-Whitney statistic: the chance that a random positive scores above a random negative (ties count half). */
    public static double aucOf(Predictions p, int c) {
        int n = p.size();
        double[] scores = new double[n];
        Integer[] order = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = p.probabilities()[i][c];
            order[i] = i;
            if (p.actualClass()[i] == c) {
                positives++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double average = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (p.actualClass()[order[t]] == c) {
                    rankSum += average;
                }
            }
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static Map<String, Double> regression(Predictions p) {
        int n = p.size();
        double[] y = p.actualValue();
        double[] f = p.predictedValue();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double sse = 0;
        double sst = 0;
        double sae = 0;
        double sape = 0;
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            double e = y[i] - f[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (y[i] - mean) * (y[i] - mean);
            if (y[i] == 0) {
                zero = true;
            } else {
                sape += Math.abs(e / y[i]);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("r2", sst == 0 ? Double.NaN : 1 - sse / sst);
        out.put("rmse", Math.sqrt(sse / n));
        out.put("mae", sae / n);
        if (!zero) {
            out.put("mape", 100 * sape / n);
        }
        return out;
    }

    /** The mean and sample standard deviation of each metric over cross-validation folds. */
    public record Spread(double mean, double std) {
    }

    public static Map<String, Spread> spread(List<Map<String, Double>> folds) {
        Map<String, Spread> out = new LinkedHashMap<>();
        if (folds.isEmpty()) {
            return out;
        }
        for (String metric : folds.get(0).keySet()) {
            double[] v = folds.stream().mapToDouble(f -> f.getOrDefault(metric, Double.NaN)).toArray();
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            out.put(metric, new Spread(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0));
        }
        return out;
    }
}
