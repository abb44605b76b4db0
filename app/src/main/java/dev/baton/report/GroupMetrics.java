package dev.baton.report;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;
import dev.baton.train.Frame;
import dev.baton.train.Predictions;
import dev.baton.train.Task;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the model works and where it does not: its held-out accuracy (or mean absolute error) within each group of
 * every categorical column with at most {@link #MAX_GROUPS} groups, with the groups that are clearly worse than the
 * model overall flagged: for accuracy, when the group's Wilson 95% interval lies wholly below the overall figure; for
 * the error, when the group's mean error minus 1.96 standard errors is above the overall one.
 */
final class GroupMetrics {

    static final int MAX_GROUPS = 10;
    static final int MAX_COLUMNS = 10;
    static final String MISSING = "(missing)";

    /** One group's row: the column, the group, held-out rows, the figure with its interval, and whether it is flagged. */
    record Group(String column, String group, int rows, String figure, boolean worse) {
    }

    private GroupMetrics() {
    }

    static List<Group> of(Dataset data, String target, Task task, Predictions holdout) {
        int[] dataRows = Frame.rowsWithTarget(data, target);
        int n = holdout.size();
        double[] score = new double[n]; // 1/0 right for classification, the absolute error for regression
        double overall = 0;
        for (int i = 0; i < n; i++) {
            score[i] = task == Task.CLASSIFICATION ? (holdout.actualClass()[i] == holdout.predictedClass()[i] ? 1 : 0)
                    : Math.abs(holdout.actualValue()[i] - holdout.predictedValue()[i]);
            overall += score[i];
        }
        overall /= n;
        List<Group> out = new ArrayList<>();
        int columns = 0;
        for (String name : data.columnNames()) {
            ColumnType type = data.type(name);
            if (name.equals(target) || !(type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN) || columns >= MAX_COLUMNS) {
                continue;
            }
            Column<?> column = data.column(name);
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                int row = dataRows[holdout.rows()[i]];
                String value = column.isMissing(row) ? MISSING : TypeConversion.text(column, row);
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(i);
                if (groups.size() > MAX_GROUPS) {
                    break;
                }
            }
            if (groups.size() < 2 || groups.size() > MAX_GROUPS) {
                continue;
            }
            columns++;
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                out.add(group(name, g.getKey(), g.getValue(), score, overall, task));
            }
        }
        return out;
    }

    private static Group group(String column, String value, List<Integer> members, double[] score, double overall, Task task) {
        int k = members.size();
        double sum = 0;
        for (int i : members) {
            sum += score[i];
        }
        double mean = sum / k;
        if (task == Task.CLASSIFICATION) {
            double[] ci = BottomLine.wilson(Math.round(sum), k, BottomLine.Z95);
            return new Group(column, value, k, String.format(Locale.ROOT, "%d%% (%d\u2013%d%%)", Math.round(100 * mean),
                    Math.round(100 * ci[0]), Math.round(100 * ci[1])), ci[1] < overall);
        }
        double squares = 0;
        for (int i : members) {
            squares += (score[i] - mean) * (score[i] - mean);
        }
        double standardError = k > 1 ? Math.sqrt(squares / (k - 1) / k) : Double.POSITIVE_INFINITY;
        boolean worse = k > 1 && mean - BottomLine.Z95 * standardError > overall;
        return new Group(column, value, k, BottomLine.significant(mean) + (k > 1 ? " \u00b1 " + BottomLine.significant(BottomLine.Z95 * standardError) : ""),
                worse);
    }
}
