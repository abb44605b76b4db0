package dev.baton.clean;

import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What replaying a saved recipe on another file would do, step by step, without keeping the result:
 * which columns are missing, which categories the recipe has never seen, and what each step would change.
 */
public final class DryRun {

    /** One step's report. */
    public record StepReport(int number, String description, StepResult.Status status, String problem,
                             List<String> missingColumns, List<String> newCategories, String change) {

        public boolean ok() {
            return status != StepResult.Status.FAILED;
        }
    }

    private DryRun() {
    }

    public static List<StepReport> run(Dataset data, Recipe recipe, Progress progress) {
        List<StepReport> reports = new ArrayList<>();
        Dataset current = data;
        List<RecipeStep> steps = recipe.steps();
        for (int i = 0; i < steps.size(); i++) {
            progress.checkCancelled();
            RecipeStep step = steps.get(i);
            Operation op = step.operation();
            List<String> missing = new ArrayList<>();
            for (String c : op.inputs()) {
                if (!current.hasColumn(c)) {
                    missing.add(c);
                }
            }
            List<String> unseen = step.enabled() ? newCategories(current, op) : List.of();
            StepResult result = Replay.step(current, step, Replay.Mode.FITTED);
            reports.add(new StepReport(i + 1, op.describe(), result.status(), result.problem(), missing, unseen,
                    result.change() == null ? "" : result.change().summary()));
            current = result.output();
        }
        return reports;
    }

    /** Values in the column that a fitted mapping or category list does not cover. */
    static List<String> newCategories(Dataset data, Operation op) {
        String column;
        Set<String> known;
        if (op instanceof MapValues m) {
            column = m.column();
            known = m.mapping().keySet();
        } else if (op instanceof MergeValues m) {
            column = m.column();
            known = new LinkedHashSet<>(m.mapping().keySet());
            known.addAll(m.mapping().values());
        } else if (op instanceof MergeRare m && m.kept() != null) {
            column = m.column();
            known = new LinkedHashSet<>(m.kept());
            known.add(m.label() == null ? "Other" : m.label());
        } else {
            return List.of();
        }
        if (!data.hasColumn(column) || !data.type(column).isString() || op instanceof MergeValues) {
            return List.of();
        }
        Column<?> c = data.column(column);
        Set<String> unseen = new LinkedHashSet<>();
        for (int r = 0; r < c.size() && unseen.size() < 20; r++) {
            if (!c.isMissing(r) && !known.contains(c.getString(r))) {
                unseen.add(c.getString(r));
            }
        }
        return new ArrayList<>(unseen);
    }
}
