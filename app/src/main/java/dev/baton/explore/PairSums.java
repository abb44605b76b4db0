package dev.baton.explore;

import dev.baton.util.Progress;

/**
 * Pearson's r for every pair of numeric columns and the correlation ratio of every numeric column by every
 * category with few values, each on the rows where both are filled (pairwise, as pandas' corr), in one pass over
 * the rows in blocks small enough to stay in the cache. Pair by pair, each pair read both whole columns from
 * memory again and added up dependent sums row after row. The pass runs on one core: {@link Correlations} runs
 * the pairs that need a pass of their own beside it.
 *
 * <p>Within a block each numeric column is shifted by its mean and its gaps are set to 0, so the cross sum of two
 * columns is a plain dot product and a group's sum a plain sum, whatever the other column misses. A column's own
 * sums are taken once over its filled rows; for each pair, what it adds on the rows the other misses is taken out
 * again (gaps are few in most data).
 */
final class PairSums {

    /** Rows per block: the blocks of a dozen columns fit in the core's own cache. */
    static final int BLOCK = 512;
    /** Categories with more values than this get their correlation ratios from one pass per pair instead. */
    static final int FEW_VALUES = 256;

    /** r per pair of numeric columns; the correlation ratio of numeric column j by category i at [i][j]. NaN elsewhere. */
    record Result(double[][] pearson, double[][] correlationRatio) {
    }

    private PairSums() {
    }

    /** Whether a category with this many values gets its correlation ratios here. */
    static boolean fewValues(int levels) {
        return levels <= FEW_VALUES;
    }

    /**
     * {@code numbers[i]}: column i as doubles (NaN where missing) or null if not numeric; {@code shifts[i]} a value
     * close to its mean (sums around it do not lose digits to cancellation). {@code codes[i]}: column i's category
     * codes in [0, levels[i]) (-1 where missing) or null. Pearson's diagonal is 1; a pair with fewer than two
     * common rows or a constant side gets NaN.
     */
    static Result compute(double[][] numbers, double[] shifts, int[][] codes, int[] levels, Progress progress) {
        int k = numbers.length;
        int n = 0;
        for (int i = 0; i < k; i++) {
            n = Math.max(n, numbers[i] != null ? numbers[i].length : codes[i] != null ? codes[i].length : 0);
        }
        Sums total = new Sums(numbers, shifts, codes, levels).add(n, progress);
        double[][] r = new double[k][k];
        double[][] eta = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = numbers[i] == null || numbers[j] == null ? Double.NaN
                        : i == j ? 1.0 : total.pearson(Math.min(i, j), Math.max(i, j));
                eta[i][j] = total.groups[i] == null || numbers[j] == null || i == j ? Double.NaN : total.correlationRatio(i, j);
            }
        }
        return new Result(r, eta);
    }

    /** The sums over the rows. */
    private static final class Sums {
        final double[][] numbers;
        final double[] shifts;
        final int[][] codes;
        final int[] levels;
        final int k;
        /** The numeric columns, in order. */
        final int[] numeric;
        /** Per column: filled rows, and the sum and the sum of squares of its shifted values. */
        final long[] filled;
        final double[] sum;
        final double[] squares;
        /** Per pair i < j: the sum of products on the rows both fill. */
        final double[][] cross;
        /** Per ordered pair (i, j): rows i fills and j misses, and i's sum and sum of squares on them. */
        final long[][] lostRows;
        final double[][] lostSum;
        final double[][] lostSquares;
        /** Per category i with few values: rows per value, and per value g and numeric column j (at g * k + j) their sum. */
        final long[][] groupRows;
        final double[][] groups;
        /** ... and the rows of value g that j misses (at g * k + j), and j's sum of squares on the rows i misses (at [i][j]). */
        final long[][] groupLost;
        final double[][] missedSquares;

        Sums(double[][] numbers, double[] shifts, int[][] codes, int[] levels) {
            this.numbers = numbers;
            this.shifts = shifts;
            this.codes = codes;
            this.levels = levels;
            this.k = numbers.length;
            numeric = java.util.stream.IntStream.range(0, k).filter(i -> numbers[i] != null).toArray();
            filled = new long[k];
            sum = new double[k];
            squares = new double[k];
            cross = new double[k][k];
            lostRows = new long[k][k];
            lostSum = new double[k][k];
            lostSquares = new double[k][k];
            groupRows = new long[k][];
            groups = new double[k][];
            groupLost = new long[k][];
            missedSquares = new double[k][k];
            for (int i = 0; i < k; i++) {
                if (codes[i] != null && levels[i] > 0 && fewValues(levels[i]) && numeric.length > 0) {
                    groupRows[i] = new long[levels[i]];
                    groups[i] = new double[levels[i] * k];
                    groupLost[i] = new long[levels[i] * k];
                }
            }
        }

        Sums add(int rows, Progress progress) {
            double[][] z = new double[k][];
            boolean[][] gap = new boolean[k][];
            int[][] gapAt = new int[k][];
            for (int i : numeric) {
                z[i] = new double[BLOCK];
                gap[i] = new boolean[BLOCK];
                gapAt[i] = new int[BLOCK];
            }
            int[] gaps = new int[k];
            int[] order = new int[BLOCK];
            int[] ends = new int[FEW_VALUES + 1];
            for (int start = 0; start < rows; start += BLOCK) {
                if ((start / BLOCK & 63) == 0) {
                    progress.checkCancelled();
                }
                int len = Math.min(BLOCK, rows - start);
                for (int i : numeric) {
                    gaps[i] = shifted(numbers[i], start, len, shifts[i], z[i], gap[i], gapAt[i]);
                    filled[i] += len - gaps[i];
                    sum[i] += sum(z[i], len);
                    squares[i] += dot(z[i], z[i], len);
                }
                for (int a = 0; a < numeric.length; a++) {
                    for (int b = a + 1; b < numeric.length; b++) {
                        int i = numeric[a];
                        int j = numeric[b];
                        cross[i][j] += dot(z[i], z[j], len);
                    }
                }
                for (int j : numeric) {
                    if (gaps[j] == 0) {
                        continue;
                    }
                    for (int i : numeric) {
                        if (i != j) {
                            takeOut(i, j, z[i], gap[i], gapAt[j], gaps[j]);
                        }
                    }
                }
                for (int c = 0; c < k; c++) {
                    if (groups[c] != null) {
                        addGroups(c, start, len, z, gapAt, gaps, order, ends);
                    }
                }
            }
            return this;
        }

        /** Adds to (i, j) what column i holds on the rows column j misses (listed in {@code at}). */
        private void takeOut(int i, int j, double[] zi, boolean[] gapI, int[] at, int count) {
            long rows = 0;
            double s = 0;
            double ss = 0;
            for (int g = 0; g < count; g++) {
                int t = at[g];
                if (!gapI[t]) {
                    rows++;
                    s += zi[t];
                    ss += zi[t] * zi[t];
                }
            }
            lostRows[i][j] += rows;
            lostSum[i][j] += s;
            lostSquares[i][j] += ss;
        }

        /**
         * Category c's groups in one block. Its rows are put in order of value first (a counting sort, the rows c
         * misses first), so that each value's sum over a numeric column is a run of additions into registers:
         * added into the value's slot row by row, each addition would wait for the previous one to the same slot.
         */
        private void addGroups(int c, int start, int len, double[][] z, int[][] gapAt, int[] gaps, int[] order, int[] ends) {
            int[] code = codes[c];
            int buckets = levels[c] + 1;
            java.util.Arrays.fill(ends, 0, buckets, 0);
            for (int t = 0; t < len; t++) {
                ends[code[start + t] + 1]++;
            }
            for (int b = 1; b < buckets; b++) {
                ends[b] += ends[b - 1];
            }
            for (int t = len - 1; t >= 0; t--) {
                order[--ends[code[start + t] + 1]] = t;
            }
            // ends[b] is now where bucket b starts; bucket 0 holds the rows c misses.
            long[] rowsOf = groupRows[c];
            double[] sums = groups[c];
            for (int b = 1; b < buckets; b++) {
                rowsOf[b - 1] += (b + 1 < buckets ? ends[b + 1] : len) - ends[b];
            }
            for (int j : numeric) {
                double[] zj = z[j];
                double missed = 0;
                for (int q = 0; q < ends[1]; q++) {
                    missed += zj[order[q]] * zj[order[q]];
                }
                missedSquares[c][j] += missed;
                for (int b = 1; b < buckets; b++) {
                    int from = ends[b];
                    int to = b + 1 < buckets ? ends[b + 1] : len;
                    if (from == to) {
                        continue;
                    }
                    double s0 = 0;
                    double s1 = 0;
                    int q = from;
                    for (; q + 1 < to; q += 2) {
                        s0 += zj[order[q]];
                        s1 += zj[order[q + 1]];
                    }
                    if (q < to) {
                        s0 += zj[order[q]];
                    }
                    sums[(b - 1) * k + j] += s0 + s1;
                }
            }
            long[] lost = groupLost[c];
            for (int j : numeric) {
                int[] at = gapAt[j];
                for (int q = 0; q < gaps[j]; q++) {
                    int g = code[start + at[q]];
                    if (g >= 0) {
                        lost[g * k + j]++;
                    }
                }
            }
        }

        /** r for i < j from the sums on the rows both fill. */
        double pearson(int i, int j) {
            return Correlations.pearson(filled[i] - lostRows[i][j], sum[i] - lostSum[i][j], sum[j] - lostSum[j][i],
                    squares[i] - lostSquares[i][j], squares[j] - lostSquares[j][i], cross[i][j]);
        }

        /** Eta of numeric column j by category c from the group sums. */
        double correlationRatio(int c, int j) {
            int levelCount = groupRows[c].length;
            double[] sums = new double[levelCount];
            long[] counts = new long[levelCount];
            long n = 0;
            double total = 0;
            for (int g = 0; g < levelCount; g++) {
                sums[g] = groups[c][g * k + j];
                counts[g] = groupRows[c][g] - groupLost[c][g * k + j];
                n += counts[g];
                total += sums[g];
            }
            return Correlations.correlationRatio(sums, counts, total, squares[j] - missedSquares[c][j], n);
        }
    }

    /**
     * Copies rows [start, start + len) of x less the shift into z, 0 at a gap; marks the gaps and lists them in
     * {@code at}. Returns how many there are.
     */
    private static int shifted(double[] x, int start, int len, double shift, double[] z, boolean[] gap, int[] at) {
        int gaps = 0;
        for (int t = 0; t < len; t++) {
            double v = x[start + t];
            boolean missing = Double.isNaN(v);
            z[t] = missing ? 0 : v - shift;
            gap[t] = missing;
            if (missing) {
                at[gaps++] = t;
            }
        }
        return gaps;
    }

    /** Four sums side by side: the additions do not wait on each other. */
    private static double sum(double[] a, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += a[t];
            s1 += a[t + 1];
            s2 += a[t + 2];
            s3 += a[t + 3];
        }
        for (; t < len; t++) {
            s0 += a[t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < len; t += 4) {
            s0 += a[t] * b[t];
            s1 += a[t + 1] * b[t + 1];
            s2 += a[t + 2] * b[t + 2];
            s3 += a[t + 3] * b[t + 3];
        }
        for (; t < len; t++) {
            s0 += a[t] * b[t];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
