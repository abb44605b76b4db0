package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.data.Dataset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Keeps a random sample of rows (without replacement, in their original order); the seed makes it repeatable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SampleRows(Integer rows, Double fraction, long seed) implements TableOperation {

    @Override
    public String describe() {
        return "Keep a random sample of " + (rows != null ? String.format("%,d rows", rows) : Rows.text(fraction * 100) + "% of rows")
                + " (seed " + seed + ")";
    }

    @Override
    public boolean rowWise() {
        return false;
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public void check() {
        if ((rows == null) == (fraction == null)) {
            throw new StepException(null, "give either a number of rows or a fraction");
        }
        if (rows != null && rows < 1) {
            throw new StepException(null, "the sample needs at least one row");
        }
        if (fraction != null && (fraction <= 0 || fraction > 1)) {
            throw new StepException(null, "the fraction must be above 0 and at most 1");
        }
    }

    @Override
    public Dataset apply(Dataset input) {
        int n = input.rowCount();
        int k = rows != null ? Math.min(rows, n) : (int) Math.round(fraction * n);
        if (k >= n) {
            return input;
        }
        // Partial Fisher-Yates shuffle of the row indices, then back into original order.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, k);
        Arrays.sort(chosen);
        return Edit.rows(input, chosen);
    }
}
