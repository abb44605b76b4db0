package dev.baton.explore;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every column ranked by its association with one column (the target), each with the measure its types call
 * for: Pearson between numbers, Cramér's V between categories, the correlation ratio between a category and a
 * number. The question a data scientist asks first of a new dataset: which columns say most about what I predict?
 */
public final class TargetAssociations {

    /** One column's association with the target; NaN when the measure cannot be computed (a constant, no common rows). */
    public record Association(String column, Correlations.Measure measure, double value) {

        /** The strength, whatever the sign (Pearson is signed, the others are not). */
        public double strength() {
            return Double.isNaN(value) ? -1 : Math.abs(value);
        }
    }

    private TargetAssociations() {
    }

    /** The other columns of the matrix, strongest association with {@code target} first (those without one last). */
    public static List<Association> rank(Correlations.Matrix matrix, Dataset data, String target) {
        int t = matrix.columns().indexOf(target);
        if (t < 0) {
            return List.of();
        }
        double[][] mixed = matrix.values().get(Correlations.Measure.MIXED);
        ColumnType targetType = data.type(target);
        List<Association> out = new ArrayList<>();
        for (int i = 0; i < matrix.columns().size(); i++) {
            if (i == t) {
                continue;
            }
            String column = matrix.columns().get(i);
            out.add(new Association(column, Correlations.mixedMeasure(targetType, data.type(column)), mixed[t][i]));
        }
        out.sort(Comparator.comparingDouble(Association::strength).reversed().thenComparing(Association::column));
        return List.copyOf(out);
    }
}
