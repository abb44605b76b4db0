package dev.baton.bundle;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A row's class probabilities as a read-only map in the contract's class order, over the model's own array: a
 * million scored rows make a million of these, and a LinkedHashMap apiece was a fifth of scoring's time.
 */
public final class ClassProbabilities extends AbstractMap<String, Double> {

    private final List<String> classes;
    private final Map<String, Integer> index;
    private final double[] values;

    ClassProbabilities(List<String> classes, Map<String, Integer> index, double[] values) {
        this.classes = classes;
        this.index = index;
        this.values = values;
    }

    @Override
    public int size() {
        return classes.size();
    }

    /** The probability of the contract's class number {@code c}, unboxed. */
    public double value(int c) {
        return values[c];
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public Double get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < classes.size();
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= classes.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(classes.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return classes.size();
            }
        };
    }
}
