package dev.baton.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Holdout and k-fold splits of a frame's rows, stratified by class for classification so every part keeps the
 * class proportions. One seed decides everything: the same seed gives the same splits.
 */
final class Splits {

    private Splits() {
    }

    /** The given rows grouped by class (classification) or in one group (regression), each group shuffled. */
    private static List<int[]> shuffledGroups(Frame frame, int[] rows, long seed) {
        List<int[]> groups = new ArrayList<>();
        if (frame.task == Task.CLASSIFICATION) {
            int[] counts = new int[frame.classes.size()];
            for (int r : rows) {
                counts[frame.labels[r]]++;
            }
            int[][] byClass = new int[counts.length][];
            int[] fill = new int[counts.length];
            for (int c = 0; c < counts.length; c++) {
                byClass[c] = new int[counts[c]];
            }
            for (int r : rows) {
                byClass[frame.labels[r]][fill[frame.labels[r]]++] = r;
            }
            groups.addAll(Arrays.asList(byClass));
        } else {
            groups.add(rows.clone());
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] g : groups) {
            for (int i = g.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = g[i];
                g[i] = g[j];
                g[j] = t;
            }
        }
        return groups;
    }

    /** {train, test}: about {@code fraction} of each class goes to the test part (at least one row of every class with two). */
    static int[][] holdout(Frame frame, double fraction, long seed) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] g : shuffledGroups(frame, all(frame.rows), seed)) {
            int k = (int) Math.round(g.length * fraction);
            if (k == 0 && g.length >= 2 && fraction > 0) {
                k = 1;
            }
            for (int i = 0; i < g.length; i++) {
                (i < k ? test : train).add(g[i]);
            }
        }
        return new int[][]{sorted(train), sorted(test)};
    }

    /**
     * The test rows of each of k folds drawn from {@code rows} only (the training part of the holdout split, so
     * that no held-out row is ever trained on or tested in cross-validation); each of those rows is in exactly one.
     */
    static int[][] folds(Frame frame, int[] rows, int k, long seed) {
        List<List<Integer>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (int[] g : shuffledGroups(frame, rows, seed ^ 0x5DEECE66DL)) {
            for (int r : g) {
                folds.get(next).add(r);
                next = (next + 1) % k;
            }
        }
        int[][] out = new int[k][];
        for (int i = 0; i < k; i++) {
            out[i] = sorted(folds.get(i));
        }
        return out;
    }

    /** The rows of {@code from} that are not in {@code rows} (both sorted), in order. */
    static int[] without(int[] from, int[] rows) {
        int[] out = new int[from.length - rows.length];
        int j = 0;
        int k = 0;
        for (int r : from) {
            while (k < rows.length && rows[k] < r) {
                k++;
            }
            if (k < rows.length && rows[k] == r) {
                continue;
            }
            out[j++] = r;
        }
        return j == out.length ? out : Arrays.copyOf(out, j);
    }

    static int[] all(int n) {
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            out[r] = r;
        }
        return out;
    }

    private static int[] sorted(List<Integer> rows) {
        int[] out = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
