package dev.baton.explore;

import dev.baton.data.Dataset;
import dev.baton.data.Numbers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each numeric (or yes/no) column of one dataset as doubles, NaN where missing, converted once for the profile
 * and the correlations together, with the mean of its filled values once the profile has it. Thread-safe: columns
 * are profiled and correlated in parallel. The arrays are shared: readers must not change them.
 */
final class ColumnNumbers {

    private final Dataset data;
    private final Map<String, double[]> values = new ConcurrentHashMap<>();
    private final Map<String, Double> means = new ConcurrentHashMap<>();

    ColumnNumbers(Dataset data) {
        this.data = data;
    }

    double[] of(String column) {
        return values.computeIfAbsent(column, name -> Numbers.of(data.column(name)));
    }

    void mean(String column, double mean) {
        means.put(column, mean);
    }

    /** The mean of the column's filled values if the profile has computed it, else null. */
    Double mean(String column) {
        return means.get(column);
    }
}
