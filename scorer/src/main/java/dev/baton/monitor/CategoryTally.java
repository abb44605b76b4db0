package dev.baton.monitor;

import dev.baton.bundle.ReferenceProfile;
import dev.baton.bundle.Distributions;
import dev.baton.bundle.ReferenceProfile.Categories;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New values of a categorical column counted against the reference's categories. Values the training data never
 * had are counted too, the first {@value #MAX_UNSEEN} distinct ones by name: memory stays bounded on any input.
 */
final class CategoryTally {

    static final int MAX_UNSEEN = 1000;

    private final Categories reference;
    private final Map<String, long[]> known = new HashMap<>();
    private final Map<String, long[]> unseen = new LinkedHashMap<>();
    /** Values outside the reference's list when that list is only the top {@value Categories#TOP}. */
    private long other;
    private long unseenBeyondList;
    private long missing;
    private long count;

    CategoryTally(Categories reference) {
        this.reference = reference;
        reference.values().forEach(v -> known.put(v.value(), new long[1]));
    }

    void add(String value) {
        if (value == null) {
            missing++;
            return;
        }
        count++;
        long[] slot = known.get(value);
        if (slot != null) {
            slot[0]++;
        } else if (!reference.complete()) {
            other++;
        } else {
            long[] u = unseen.get(value);
            if (u != null) {
                u[0]++;
            } else if (unseen.size() < MAX_UNSEEN) {
                unseen.put(value, new long[]{1});
            } else {
                unseenBeyondList++;
            }
        }
    }

    void addMissing(long n) {
        missing += n;
    }

    long count() {
        return count;
    }

    long missing() {
        return missing;
    }

    /** Counts in the reference's order. */
    long[] knownCounts() {
        return reference.values().stream().mapToLong(v -> known.get(v.value())[0]).toArray();
    }

    long other() {
        return other;
    }

    /** Values never seen in training (only known when the reference lists every category). */
    long unseenTotal() {
        long n = unseenBeyondList;
        for (long[] u : unseen.values()) {
            n += u[0];
        }
        return n;
    }

    /** The unseen values, most frequent first (ties by value). */
    Categories unseenValues() {
        Map<String, Long> counts = new HashMap<>();
        unseen.forEach((k, v) -> counts.put(k, v[0]));
        Categories top = Distributions.categories(counts);
        return new Categories(top.values(), top.other() + unseenBeyondList);
    }
}
