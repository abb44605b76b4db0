package dev.baton.train.learn;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART tree on binned features, depth first, the way scikit-learn's forests do (Gini or squared error,
 * a random subset of features per split that keeps drawing past constant ones, splits of zero gain allowed while a
 * node is impure), except that split points are bin boundaries. A node's rows are counted per bin in one pass;
 * nodes with fewer than a quarter as many rows as the feature has bins are sorted by bin instead, so deep trees do
 * not pay for empty bins.
 * Extra trees draw one boundary per feature at random instead of searching for the best.
 */
final class TreeGrower {

    /** What shapes a tree. {@code minLeaf} counts distinct rows, as scikit-learn's {@code min_samples_leaf} does. */
    record Settings(int maxDepth, int minLeaf, int featuresPerSplit, boolean bootstrap, boolean randomSplits) {
    }

    private static final int COPIES = 4;

    private final Bins bins;
    private final int[] labels;
    private final double[] targets;
    /** Classes, or 1 for regression (the per-group statistic is then the sum of targets). */
    private final int k;
    private final Settings settings;
    private final int rows;

    TreeGrower(Bins bins, int[] labels, double[] targets, int classes, Settings settings) {
        this.bins = bins;
        this.labels = labels;
        this.targets = targets;
        this.k = labels != null ? classes : 1;
        this.settings = settings;
        this.rows = labels != null ? labels.length : targets.length;
    }

    /**
     * A node waiting to be split. The first {@code constants} features of the tree's feature order are known to be
     * constant in it (they were in an ancestor); splitting a node only reorders features after those.
     */
    private record Pending(int start, int end, int depth, int node, double weight, double[] stats, int constants) {
    }

    /** Grows a tree from its seed, adding each feature's impurity decrease to {@code importance}. */
    Tree grow(long seed, double[] importance) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] weight = new int[rows];
        int[] index;
        if (settings.bootstrap()) {
            for (int i = 0; i < rows; i++) {
                weight[random.nextInt(rows)]++;
            }
            int distinct = 0;
            for (int w : weight) {
                distinct += w > 0 ? 1 : 0;
            }
            index = new int[distinct];
            for (int i = 0, j = 0; i < rows; i++) {
                if (weight[i] > 0) {
                    index[j++] = i;
                }
            }
        } else {
            Arrays.fill(weight, 1);
            index = new int[rows];
            for (int i = 0; i < rows; i++) {
                index[i] = i;
            }
        }
        Work work = new Work(weight, index, random);
        double[] rootStats = new double[k];
        double rootWeight = 0;
        for (int r : index) {
            rootWeight += weight[r];
            if (labels != null) {
                rootStats[labels[r]] += weight[r];
            } else {
                rootStats[0] += weight[r] * targets[r];
            }
        }
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, index.length, 0, work.newNode(), rootWeight, rootStats, 0));
        while (!stack.isEmpty()) {
            Pending node = stack.pop();
            Split split = splittable(node, work) ? work.findSplit(node) : null;
            if (split == null) {
                work.leaf(node.node(), node.stats(), node.weight());
                continue;
            }
            int middle = work.partition(node.start(), node.end(), split.feature(), split.bin());
            importance[split.feature()] += split.score() - proxy(node.stats(), node.weight());
            int left = work.newNode();
            int right = work.newNode();
            work.split(node.node(), split.feature(), bins.cuts[split.feature()][split.bin()], left, right);
            double[] rightStats = new double[k];
            for (int c = 0; c < k; c++) {
                rightStats[c] = node.stats()[c] - split.leftStats()[c];
            }
            // Right first, so the left child is grown next (depth first; the order does not change the tree).
            stack.push(new Pending(middle, node.end(), node.depth() + 1, right, node.weight() - split.leftWeight(), rightStats,
                    split.constants()));
            stack.push(new Pending(node.start(), middle, node.depth() + 1, left, split.leftWeight(), split.leftStats(),
                    split.constants()));
        }
        return work.tree();
    }

    private boolean splittable(Pending node, Work work) {
        if (node.depth() >= settings.maxDepth() || node.end() - node.start() < Math.max(2, 2 * settings.minLeaf())) {
            return false;
        }
        if (labels != null) {
            for (double c : node.stats()) {
                if (c == node.weight()) {
                    return false; // pure
                }
            }
            return true;
        }
        double first = work.t[node.start()];
        for (int i = node.start() + 1; i < node.end(); i++) {
            if (work.t[i] != first) {
                return true;
            }
        }
        return false; // every target equal
    }

    /** Σ stat² / weight: a split's children maximise its sum (Gini and squared error alike). */
    private double proxy(double[] stats, double weight) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += stats[c] * stats[c];
        }
        return sum / weight;
    }

    private record Split(int feature, int bin, double score, double leftWeight, double[] leftStats, int constants) {

        Split withConstants(int known) {
            return new Split(feature, bin, score, leftWeight, leftStats, known);
        }
    }

    /**
     * One tree's working memory and the arrays it is built into. The in-bag rows' weights and targets are kept in
     * the order of {@code index} and partitioned with it, so the per-node passes read them sequentially; only the
     * feature's bin codes are read by row.
     */
    private final class Work {
        final int[] index;
        final int[] w;
        /** The weight in the high 32 bits and 1 (the row) in the low: one add counts both. */
        final long[] packed;
        /** Classification: the row's class; regression unused. */
        final int[] y;
        /** Regression: weight x target, and the target; classification unused. */
        final double[] wy;
        final double[] t;
        // where partition() keeps the right part while it moves the left part forward
        final int[] spareIndex;
        final int[] spareW;
        final long[] sparePacked;
        final int[] spareY;
        final double[] spareWy;
        final double[] spareT;
        final SplittableRandom random;
        final int[] order;
        /** The known constants' order as a node found it, restored when it is done (see findSplit). */
        final int[] knownOrder;
        // Per-bin histograms of the feature being examined, four interleaved copies: consecutive rows usually fall
        // in the same bin of a binary feature, and adding to one cell in a row waits for each previous add.
        final long[] histWeight = new long[COPIES * Bins.MAX_BINS];
        /** Classification: per bin and class, weight and rows packed as in {@link #packed}: one add per row. */
        final long[] histCounts;
        final double[] histSums;
        final int[] groupBin = new int[Bins.MAX_BINS];
        final double[] groupWeight = new double[Bins.MAX_BINS];
        final int[] groupRows = new int[Bins.MAX_BINS];
        final long[] leftByClass;
        final double[] groupStats;
        final long[] keys = new long[Bins.MAX_BINS / 4];
        final double[] left;
        // the tree
        int nodes;
        int leaves;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] leftChild = new int[64];
        int[] rightChild = new int[64];
        float[] values = new float[64];

        Work(int[] weight, int[] index, SplittableRandom random) {
            this.index = index;
            int n = index.length;
            this.w = new int[n];
            this.packed = new long[n];
            this.y = labels != null ? new int[n] : null;
            this.wy = labels == null ? new double[n] : null;
            this.t = labels == null ? new double[n] : null;
            this.spareIndex = new int[n];
            this.spareW = new int[n];
            this.sparePacked = new long[n];
            this.spareY = y != null ? new int[n] : null;
            this.spareWy = wy != null ? new double[n] : null;
            this.spareT = t != null ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                int r = index[i];
                w[i] = weight[r];
                packed[i] = ((long) weight[r] << 32) | 1;
                if (labels != null) {
                    y[i] = labels[r];
                } else {
                    t[i] = targets[r];
                    wy[i] = weight[r] * targets[r];
                }
            }
            this.random = random;
            this.order = new int[bins.features()];
            this.knownOrder = new int[bins.features()];
            for (int f = 0; f < order.length; f++) {
                order[f] = f;
            }
            histCounts = labels != null ? new long[COPIES * Bins.MAX_BINS * k] : null;
            histSums = labels == null ? new double[COPIES * Bins.MAX_BINS] : null;
            leftByClass = new long[k];
            groupStats = new double[Bins.MAX_BINS * k];
            left = new double[k];
        }

        int newNode() {
            if (nodes == feature.length) {
                int size = nodes * 2;
                feature = Arrays.copyOf(feature, size);
                threshold = Arrays.copyOf(threshold, size);
                leftChild = Arrays.copyOf(leftChild, size);
                rightChild = Arrays.copyOf(rightChild, size);
            }
            return nodes++;
        }

        void split(int node, int f, double cut, int l, int r) {
            feature[node] = f;
            threshold[node] = cut;
            leftChild[node] = l;
            rightChild[node] = r;
        }

        void leaf(int node, double[] stats, double w) {
            feature[node] = -1;
            leftChild[node] = leaves;
            rightChild[node] = -1;
            if ((leaves + 1) * k > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, (leaves + 1) * k));
            }
            for (int c = 0; c < k; c++) {
                values[leaves * k + c] = (float) (stats[c] / w);
            }
            leaves++;
        }

        Tree tree() {
            return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(leftChild, nodes),
                    Arrays.copyOf(rightChild, nodes), Arrays.copyOf(values, leaves * k), k);
        }

        /**
         * Draws up to {@code featuresPerSplit} features and keeps the best split among them, drawing on while every
         * one drawn was constant in the node: scikit-learn's rule, draws of constant features included. Features
         * known to be constant from an ancestor are never examined again, and deep in a tree most one-hot columns
         * of a wide category are. The tree's feature order is [known constants | constants found here | to draw |
         * drawn]; the children inherit the first two parts as their known constants.
         */
        Split findSplit(Pending node) {
            int known = node.constants();
            int drawnKnown = 0;
            int found = 0;
            int constants = known;
            int drawable = order.length;
            int visited = 0;
            Split best = null;
            while (drawable > constants && (visited < settings.featuresPerSplit() || visited <= found + drawnKnown)) {
                visited++;
                int j = drawnKnown + random.nextInt(drawable - found - drawnKnown);
                if (j < known) {
                    if (drawnKnown == 0) {
                        System.arraycopy(order, 0, knownOrder, 0, known);
                    }
                    swap(j, drawnKnown++);
                    continue;
                }
                j += found;
                int f = order[j];
                int groups = settings.randomSplits() ? randomGroups(node, f) : groups(node, f);
                if (groups < 2) {
                    swap(j, constants++);
                    found++;
                    continue;
                }
                swap(j, --drawable);
                Split candidate = bestOf(groups, f, node, best == null ? Double.NEGATIVE_INFINITY : best.score());
                if (candidate != null) {
                    best = candidate;
                }
            }
            // Drawing reorders the known constants among themselves. Put them back as they were: this node's sibling,
            // and the siblings of every ancestor up to where they became known, take the same first positions for their
            // own known constants (scikit-learn restores them likewise). Without this, a feature constant only here
            // could move into a sibling's known part, and the sibling would never examine it again.
            if (drawnKnown > 0) {
                System.arraycopy(knownOrder, 0, order, 0, known);
            }
            return best == null ? null : best.withConstants(constants);
        }

        private void swap(int i, int j) {
            int f = order[i];
            order[i] = order[j];
            order[j] = f;
        }

        /** Fills the groups (non-empty bins in order) of feature f over the node's rows; returns their number. */
        int groups(Pending node, int f) {
            byte[] codes = bins.codes[f];
            int n = node.end() - node.start();
            int binCount = bins.bins(f);
            if (n * 4 < binCount) {
                return sortedGroups(node, codes, n);
            }
            int start = node.start();
            int end = node.end();
            int unrolled = start + ((end - start) & ~3);
            // Interleaved copies only pay for few bins; rows of a feature with many bins rarely hit one bin in a row.
            int copies = binCount <= 16 ? COPIES : 1;
            final int c1 = copies > 1 ? Bins.MAX_BINS : 0;
            final int c2 = 2 * c1;
            final int c3 = 3 * c1;
            final int limit = copies * Bins.MAX_BINS;
            // Which groups of four bins any row fell into: the bins collected afterwards are only those.
            long span = 0;
            if (labels != null) {
                long[] hc = histCounts;
                for (int i = start; i < unrolled; i += 4) {
                    int b0 = codes[index[i]] & 0xFF;
                    int b1 = codes[index[i + 1]] & 0xFF;
                    int b2 = codes[index[i + 2]] & 0xFF;
                    int b3 = codes[index[i + 3]] & 0xFF;
                    span |= 1L << (b0 >> 2) | 1L << (b1 >> 2) | 1L << (b2 >> 2) | 1L << (b3 >> 2);
                    hc[b0 * k + y[i]] += packed[i];
                    hc[(b1 + c1) * k + y[i + 1]] += packed[i + 1];
                    hc[(b2 + c2) * k + y[i + 2]] += packed[i + 2];
                    hc[(b3 + c3) * k + y[i + 3]] += packed[i + 3];
                }
                for (int i = unrolled; i < end; i++) {
                    int b = codes[index[i]] & 0xFF;
                    span |= 1L << (b >> 2);
                    hc[b * k + y[i]] += packed[i];
                }
            } else {
                long[] hw = histWeight;
                double[] hs = histSums;
                for (int i = start; i < unrolled; i += 4) {
                    int b0 = codes[index[i]] & 0xFF;
                    int b1 = (codes[index[i + 1]] & 0xFF) + c1;
                    int b2 = (codes[index[i + 2]] & 0xFF) + c2;
                    int b3 = (codes[index[i + 3]] & 0xFF) + c3;
                    span |= 1L << (b0 >> 2) | 1L << ((b1 - c1) >> 2) | 1L << ((b2 - c2) >> 2) | 1L << ((b3 - c3) >> 2);
                    hw[b0] += packed[i];
                    hw[b1] += packed[i + 1];
                    hw[b2] += packed[i + 2];
                    hw[b3] += packed[i + 3];
                    hs[b0] += wy[i];
                    hs[b1] += wy[i + 1];
                    hs[b2] += wy[i + 2];
                    hs[b3] += wy[i + 3];
                }
                for (int i = unrolled; i < end; i++) {
                    int b = codes[index[i]] & 0xFF;
                    span |= 1L << (b >> 2);
                    hw[b] += packed[i];
                    hs[b] += wy[i];
                }
            }
            int count = 0;
            for (int b = 0; b < binCount; b++) {
                if ((span & (1L << (b >> 2))) == 0) {
                    b |= 3; // none of these four bins was used
                    continue;
                }
                long sum = 0;
                int slot = count * k;
                for (int c = 0; c < k; c++) {
                    groupStats[slot + c] = 0;
                }
                for (int copy = b; copy < limit; copy += Bins.MAX_BINS) {
                    if (labels != null) {
                        for (int c = 0; c < k; c++) {
                            long cell = histCounts[copy * k + c];
                            sum += cell;
                            groupStats[slot + c] += cell >>> 32;
                            histCounts[copy * k + c] = 0;
                        }
                    } else {
                        sum += histWeight[copy];
                        groupStats[slot] += histSums[copy];
                        histWeight[copy] = 0;
                        histSums[copy] = 0;
                    }
                }
                if (sum == 0) {
                    continue;
                }
                groupBin[count] = b;
                groupWeight[count] = sum >>> 32;
                groupRows[count] = (int) sum;
                count++;
            }
            return count;
        }

        /** Small nodes: the rows sorted by bin, so that only the bins they use are visited. */
        private int sortedGroups(Pending node, byte[] codes, int n) {
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) (codes[index[node.start() + i]] & 0xFF) << 32) | i;
            }
            Arrays.sort(keys, 0, n);
            int count = 0;
            int previous = -1;
            for (int i = 0; i < n; i++) {
                int b = (int) (keys[i] >>> 32);
                int at = node.start() + (int) keys[i];
                if (b != previous) {
                    groupBin[count] = b;
                    groupWeight[count] = 0;
                    groupRows[count] = 0;
                    Arrays.fill(groupStats, count * k, count * k + k, 0);
                    count++;
                    previous = b;
                }
                add(count - 1, at, groupWeight, groupStats);
            }
            return count;
        }

        /** Extra trees: two groups, split at a boundary drawn between the node's lowest and highest bin. */
        int randomGroups(Pending node, int f) {
            byte[] codes = bins.codes[f];
            int lo = Bins.MAX_BINS;
            int hi = -1;
            for (int i = node.start(); i < node.end(); i++) {
                int b = codes[index[i]] & 0xFF;
                lo = Math.min(lo, b);
                hi = Math.max(hi, b);
            }
            if (lo == hi) {
                return 1;
            }
            // A boundary drawn uniformly among the node's bins. (Drawing a value uniformly between the boundaries, as
            // scikit-learn draws between values, never cut the lowest bin off alone, and scored no better.)
            int cut = lo + random.nextInt(hi - lo);
            groupBin[0] = cut;
            groupBin[1] = cut + 1; // so that the boundary chosen between the two groups is the drawn one
            // The left side only, without branches (the right is the node less the left): rows on either side of a
            // random cut would defeat the branch predictor.
            long leftPacked = 0;
            double leftSum = 0;
            if (labels != null) {
                Arrays.fill(leftByClass, 0);
                for (int i = node.start(); i < node.end(); i++) {
                    long mask = -(long) (((codes[index[i]] & 0xFF) - cut - 1) >>> 31); // all ones when the bin <= cut
                    leftByClass[y[i]] += packed[i] & mask;
                }
                for (int c = 0; c < k; c++) {
                    leftPacked += leftByClass[c];
                    groupStats[c] = leftByClass[c] >>> 32;
                }
            } else {
                for (int i = node.start(); i < node.end(); i++) {
                    long mask = -(long) (((codes[index[i]] & 0xFF) - cut - 1) >>> 31);
                    leftPacked += packed[i] & mask;
                    leftSum += mask != 0 ? wy[i] : 0;
                }
                groupStats[0] = leftSum;
            }
            groupWeight[0] = leftPacked >>> 32;
            groupRows[0] = (int) leftPacked;
            groupWeight[1] = node.weight() - groupWeight[0];
            groupRows[1] = node.end() - node.start() - groupRows[0];
            for (int c = 0; c < k; c++) {
                groupStats[k + c] = node.stats()[c] - groupStats[c];
            }
            return 2;
        }

        /** Adds the row at position {@code at} of the node order to a group. */
        private void add(int slot, int at, double[] groupW, double[] stats) {
            int m = w[at];
            groupW[slot] += m;
            groupRows[slot]++;
            if (labels != null) {
                stats[slot * k + y[at]] += m;
            } else {
                stats[slot] += wy[at];
            }
        }

        /**
         * The best boundary between consecutive groups that leaves at least minLeaf rows on each side, or null when
         * none scores above {@code toBeat}.
         */
        Split bestOf(int groups, int f, Pending node, double toBeat) {
            Arrays.fill(left, 0);
            double leftWeight = 0;
            int leftRows = 0;
            int rows = node.end() - node.start();
            double bestScore = toBeat;
            int bestGroup = -1;
            double total = node.weight();
            double[] stats = node.stats();
            int minLeaf = settings.minLeaf();
            for (int g = 0; g < groups - 1; g++) {
                leftWeight += groupWeight[g];
                leftRows += groupRows[g];
                for (int c = 0; c < k; c++) {
                    left[c] += groupStats[g * k + c];
                }
                double rightWeight = total - leftWeight;
                if (rows - leftRows < minLeaf) {
                    break;
                }
                if (leftRows < minLeaf) {
                    continue;
                }
                double l = 0;
                double r = 0;
                for (int c = 0; c < k; c++) {
                    l += left[c] * left[c];
                    double rc = stats[c] - left[c];
                    r += rc * rc;
                }
                double score = l / leftWeight + r / rightWeight;
                if (score > bestScore) {
                    bestScore = score;
                    bestGroup = g;
                }
            }
            if (bestGroup < 0) {
                return null;
            }
            double[] leftStats = new double[k];
            double lw = 0;
            for (int g = 0; g <= bestGroup; g++) {
                lw += groupWeight[g];
                for (int c = 0; c < k; c++) {
                    leftStats[c] += groupStats[g * k + c];
                }
            }
            // The boundary halfway between the two groups' bins, as scikit-learn splits halfway between values.
            int bin = (groupBin[bestGroup] + groupBin[bestGroup + 1] - 1) >>> 1;
            return new Split(f, bin, bestScore, lw, leftStats, 0);
        }

        /**
         * Moves the rows of [start, end) whose bin of f is at most {@code bin} to the front, keeping the order of
         * both parts (rows stay in increasing order, so the passes over a node read the bin codes forwards);
         * returns the first position of the other part.
         */
        int partition(int start, int end, int f, int bin) {
            byte[] codes = bins.codes[f];
            int l = start;
            int r = 0;
            for (int i = start; i < end; i++) {
                if ((codes[index[i]] & 0xFF) <= bin) {
                    move(i, l++);
                } else {
                    spill(i, r++);
                }
            }
            for (int i = 0; i < r; i++) {
                unspill(i, l + i);
            }
            return l;
        }

        private void move(int from, int to) {
            index[to] = index[from];
            w[to] = w[from];
            packed[to] = packed[from];
            if (y != null) {
                y[to] = y[from];
            } else {
                wy[to] = wy[from];
                t[to] = t[from];
            }
        }

        private void spill(int from, int to) {
            spareIndex[to] = index[from];
            spareW[to] = w[from];
            sparePacked[to] = packed[from];
            if (y != null) {
                spareY[to] = y[from];
            } else {
                spareWy[to] = wy[from];
                spareT[to] = t[from];
            }
        }

        private void unspill(int from, int to) {
            index[to] = spareIndex[from];
            w[to] = spareW[from];
            packed[to] = sparePacked[from];
            if (y != null) {
                y[to] = spareY[from];
            } else {
                wy[to] = spareWy[from];
                t[to] = spareT[from];
            }
        }
    }
}
