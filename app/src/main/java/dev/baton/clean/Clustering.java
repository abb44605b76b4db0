package dev.baton.clean;

import tech.tablesaw.columns.Column;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds groups of values that are probably the same thing spelled differently, the way OpenRefine does:
 * key collision on a fingerprint or an n-gram fingerprint, or nearest neighbours by Levenshtein distance.
 * Works on the distinct values with their counts, so a million rows cost what their few distinct values cost.
 */
public final class Clustering {

    public enum Method {
        FINGERPRINT("fingerprint"),
        NGRAM("n-gram fingerprint"),
        LEVENSHTEIN("nearest neighbours (Levenshtein)");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, int count) {
    }

    /** Values that look alike, most frequent first; {@link #suggested()} is what they would be merged into. */
    public record Cluster(List<ValueCount> values) {
        public String suggested() {
            return values.get(0).value();
        }

        public int rows() {
            return values.stream().mapToInt(ValueCount::count).sum();
        }
    }

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{Cntrl}]");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Clustering() {
    }

    /**
     * Each distinct value (missing left out) with its count; for text columns read from the column's dictionary,
     * not row by row, when Tablesaw keeps one.
     */
    public static Map<String, Integer> counts(Column<?> column) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (column instanceof tech.tablesaw.api.StringColumn strings && dev.baton.data.TablesawTypes.keyedDictionary(strings) != null) {
            tech.tablesaw.api.Table table = strings.countByCategory();
            for (int i = 0; i < table.rowCount(); i++) {
                String value = table.stringColumn(0).get(i);
                int count = table.intColumn(1).getInt(i);
                if (!value.isEmpty() && count > 0) {
                    counts.put(value, count);
                }
            }
            return counts;
        }
        for (int r = 0; r < column.size(); r++) {
            if (!column.isMissing(r)) {
                counts.merge(column.getString(r), 1, Integer::sum);
            }
        }
        return counts;
    }

    public static List<Cluster> find(Map<String, Integer> counts, Method method, int ngram, int radius) {
        return switch (method) {
            case FINGERPRINT -> byKey(counts, Clustering::fingerprint);
            case NGRAM -> byKey(counts, v -> ngramFingerprint(v, ngram));
            case LEVENSHTEIN -> nearestNeighbours(counts, radius);
        };
    }

    /** OpenRefine's fingerprint: trim, lower case, strip accents and punctuation, sort the unique words. */
    public static String fingerprint(String value) {
        String s = fold(value.strip().toLowerCase(Locale.ROOT));
        s = PUNCTUATION.matcher(s).replaceAll("");
        TreeSet<String> words = new TreeSet<>();
        for (String w : SPACES.split(s)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    /** OpenRefine's n-gram fingerprint: lower case without punctuation, spaces or accents, the sorted unique n-grams. */
    public static String ngramFingerprint(String value, int n) {
        String s = fold(value.toLowerCase(Locale.ROOT));
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll("");
        TreeSet<String> grams = new TreeSet<>();
        for (int i = 0; i + n <= s.length(); i++) {
            grams.add(s.substring(i, i + n));
        }
        if (grams.isEmpty()) {
            grams.add(s);
        }
        return String.join("", grams);
    }

    private static String fold(String s) {
        return DIACRITICS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    private static List<Cluster> byKey(Map<String, Integer> counts, java.util.function.Function<String, String> key) {
        Map<String, List<ValueCount>> groups = new HashMap<>();
        counts.forEach((value, count) -> groups.computeIfAbsent(key.apply(value), k -> new ArrayList<>()).add(new ValueCount(value, count)));
        return clusters(groups.values());
    }

    /**
     * Values within {@code radius} edits of each other, transitively. Candidate pairs share a "deletion
     * neighbour" (the value with up to {@code radius} characters removed): two values within r edits always do,
     * so no pair is missed and not all pairs are compared. Radius 1 on 76,000 distinct values takes well under a second.
     */
    private static List<Cluster> nearestNeighbours(Map<String, Integer> counts, int radius) {
        int r = Math.max(1, Math.min(radius, 3));
        List<String> values = new ArrayList<>(counts.keySet());
        Map<Integer, List<Integer>> neighbours = new HashMap<>();
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            for (String variant : deletions(values.get(i), r)) {
                buckets.computeIfAbsent(variant, k -> new ArrayList<>(2)).add(i);
            }
        }
        it.unimi.dsi.fastutil.longs.LongOpenHashSet compared = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
        for (List<Integer> members : buckets.values()) {
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    int x = members.get(a);
                    int y = members.get(b);
                    if (Math.abs(values.get(x).length() - values.get(y).length()) <= r
                            && compared.add(((long) Math.min(x, y) << 32) | Math.max(x, y))
                            && levenshtein(values.get(x), values.get(y), r) <= r) {
                        neighbours.computeIfAbsent(x, k -> new ArrayList<>()).add(y);
                        neighbours.computeIfAbsent(y, k -> new ArrayList<>()).add(x);
                    }
                }
            }
        }
        return centred(values, counts, neighbours);
    }

    /**
     * Clusters around the most frequent values, as OpenRefine's nearest-neighbour method does: a value joins the
     * cluster of its most frequent neighbour that starts one, so chains of near values (A~B~C) do not merge A and C.
     */
    private static List<Cluster> centred(List<String> values, Map<String, Integer> counts, Map<Integer, List<Integer>> neighbours) {
        Integer[] byCount = new Integer[values.size()];
        for (int i = 0; i < byCount.length; i++) {
            byCount[i] = i;
        }
        java.util.Arrays.sort(byCount, Comparator.comparingInt((Integer i) -> -counts.get(values.get(i))).thenComparing(values::get));
        boolean[] taken = new boolean[values.size()];
        List<List<ValueCount>> groups = new ArrayList<>();
        for (int centre : byCount) {
            if (taken[centre] || !neighbours.containsKey(centre)) {
                continue;
            }
            List<ValueCount> group = new ArrayList<>();
            group.add(new ValueCount(values.get(centre), counts.get(values.get(centre))));
            taken[centre] = true;
            for (int n : neighbours.get(centre)) {
                if (!taken[n]) {
                    taken[n] = true;
                    group.add(new ValueCount(values.get(n), counts.get(values.get(n))));
                }
            }
            groups.add(group);
        }
        return clusters(groups);
    }

    /** The value with every choice of up to {@code r} characters removed, itself included. */
    static java.util.Set<String> deletions(String value, int r) {
        java.util.Set<String> out = new java.util.HashSet<>();
        out.add(value);
        java.util.Set<String> frontier = java.util.Set.of(value);
        for (int d = 0; d < r; d++) {
            java.util.Set<String> next = new java.util.HashSet<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    next.add(s.substring(0, i) + s.substring(i + 1));
                }
            }
            out.addAll(next);
            frontier = next;
        }
        return out;
    }

    /** Edit distance, giving up (returning limit + 1) once it must exceed the limit. */
    public static int levenshtein(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            int best = row[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, row[j]);
            }
            if (best > limit) {
                return limit + 1;
            }
            int[] t = previous;
            previous = row;
            row = t;
        }
        return previous[b.length()];
    }

    private static List<Cluster> clusters(java.util.Collection<List<ValueCount>> groups) {
        List<Cluster> out = new ArrayList<>();
        for (List<ValueCount> g : groups) {
            if (g.size() < 2) {
                continue;
            }
            List<ValueCount> sorted = new ArrayList<>(g);
            sorted.sort(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value));
            out.add(new Cluster(sorted));
        }
        out.sort(Comparator.comparingInt((Cluster c) -> c.values().size()).reversed()
                .thenComparing(Comparator.comparingInt(Cluster::rows).reversed())
                .thenComparing(Cluster::suggested));
        return out;
    }

    /** The merge step for the accepted clusters: every value of a cluster becomes the chosen one. */
    public static MergeValues mergeStep(String column, Map<Cluster, String> accepted) {
        Map<String, String> mapping = new LinkedHashMap<>();
        accepted.forEach((cluster, target) -> {
            for (ValueCount v : cluster.values()) {
                if (!v.value().equals(target)) {
                    mapping.put(v.value(), target);
                }
            }
        });
        return new MergeValues(column, mapping);
    }
}
