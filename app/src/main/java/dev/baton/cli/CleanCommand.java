package dev.baton.cli;

import dev.baton.clean.DryRun;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeFiles;
import dev.baton.clean.Replay;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.DatasetWriter;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code clean <data> --recipe R --out F}: replay a saved recipe on a file with its fitted values. */
@Command(name = "clean", description = "Apply a saved recipe to a data file and write the result as CSV.")
final class CleanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DATA", arity = "0..1", description = "The data file (or --db with a query).")
    Path file;

    @Option(names = "--recipe", required = true, paramLabel = "RECIPE", description = "The recipe file (baton-recipe/1 JSON).")
    Path recipeFile;

    @Option(names = "--out", paramLabel = "CSV", description = "Where to write the cleaned data (required unless --dry-run).")
    Path out;

    @Option(names = "--dry-run", description = "Only report, per step, what would change, missing columns and new categories.")
    boolean dryRun;

    @Mixin
    ImportOptionsMixin importOptions;

    @Mixin
    QueryOptionsMixin queryOptions;

    @Override
    public Integer call() throws Exception {
        Recipe recipe = RecipeFiles.read(recipeFile);
        Dataset data = QueryOptionsMixin.read(spec, file, importOptions, queryOptions, false);
        PrintWriter stdout = spec.commandLine().getOut();
        if (dryRun) {
            List<DryRun.StepReport> reports = DryRun.run(data, recipe, Progress.NONE);
            boolean ok = true;
            for (DryRun.StepReport r : reports) {
                stdout.printf("%2d. %s%n    %s%n", r.number(), r.description(), r.ok()
                        ? (r.status() == dev.baton.clean.StepResult.Status.DISABLED ? "disabled" : r.change())
                        : "CANNOT APPLY: " + r.problem());
                if (!r.newCategories().isEmpty()) {
                    stdout.println("    new categories: " + String.join(", ", r.newCategories()));
                }
                ok &= r.ok();
            }
            stdout.flush();
            return ok ? 0 : 1;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing --out (or use --dry-run)");
        }
        Dataset cleaned = Replay.strict(data, recipe, Progress.NONE);
        DatasetWriter.writeCsv(cleaned, out, Progress.NONE);
        spec.commandLine().getErr().printf("Wrote %s: %,d rows x %d columns%n", out, cleaned.rowCount(), cleaned.columnCount());
        return 0;
    }
}
