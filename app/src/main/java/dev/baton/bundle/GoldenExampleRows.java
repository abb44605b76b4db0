package dev.baton.bundle;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Picks the golden examples from the workbench's held-out rows, with the edge cases present first (rows with
 * missing values, the rarest categories, the smallest and largest numbers), then seeded random ones, and writes
 * them as the bundle's input CSV: the exporter's side of {@link GoldenExamples}.
 */
final class GoldenExampleRows {

    private GoldenExampleRows() {
    }

    /** Rows of {@code source} to use, picked from {@code candidates}; sorted. */
    static int[] select(Dataset source, List<String> inputs, int[] candidates, long seed) {
        TreeSet<Integer> picked = new TreeSet<>();
        int edges = 0;
        // Rows with a missing input value: the imputation path.
        for (int r : candidates) {
            if (edges >= GoldenExamples.MAX_EDGE_ROWS / 2) {
                break;
            }
            for (String c : inputs) {
                if (source.column(c).isMissing(r)) {
                    if (picked.add(r)) {
                        edges++;
                    }
                    break;
                }
            }
        }
        for (String c : inputs) {
            ColumnType type = source.type(c);
            var column = source.column(c);
            if (type.isString()) {
                // The candidate row with the rarest category of this column.
                Map<String, Integer> counts = new HashMap<>();
                for (int r = 0; r < source.rowCount(); r++) {
                    if (!column.isMissing(r)) {
                        counts.merge(column.getString(r), 1, Integer::sum);
                    }
                }
                int best = -1;
                int bestCount = Integer.MAX_VALUE;
                for (int r : candidates) {
                    if (!column.isMissing(r)) {
                        int n = counts.get(column.getString(r));
                        if (n < bestCount) {
                            bestCount = n;
                            best = r;
                        }
                    }
                }
                if (best >= 0 && edges < GoldenExamples.MAX_EDGE_ROWS && picked.add(best)) {
                    edges++;
                }
            } else if (type.isNumeric() && column instanceof tech.tablesaw.api.NumericColumn<?> numbers) {
                int lo = -1;
                int hi = -1;
                for (int r : candidates) {
                    if (!column.isMissing(r)) {
                        if (lo < 0 || numbers.getDouble(r) < numbers.getDouble(lo)) {
                            lo = r;
                        }
                        if (hi < 0 || numbers.getDouble(r) > numbers.getDouble(hi)) {
                            hi = r;
                        }
                    }
                }
                for (int r : new int[]{lo, hi}) {
                    if (r >= 0 && edges < GoldenExamples.MAX_EDGE_ROWS && picked.add(r)) {
                        edges++;
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int want = Math.min(candidates.length, Math.max(GoldenExamples.TARGET_ROWS, picked.size()));
        int[] order = candidates.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < order.length && picked.size() < want; i++) {
            picked.add(order[i]);
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    static String inputCsv(Dataset source, List<String> inputs, int[] rows) {
        Dataset subset = source.rows(rows);
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("examples");
        List<dev.baton.data.ColumnInfo> infos = new ArrayList<>();
        for (String c : inputs) {
            table.addColumns(subset.column(c));
            infos.add(subset.info(c));
        }
        StringWriter out = new StringWriter();
        try {
            DatasetWriter.writeCsv(subset.with(table, infos), out, dev.baton.util.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
