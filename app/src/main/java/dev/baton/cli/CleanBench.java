package dev.baton.cli;

import dev.baton.clean.BinNumbers;
import dev.baton.clean.ChangeCase;
import dev.baton.clean.ChangeType;
import dev.baton.clean.CleaningHistory;
import dev.baton.clean.Clip;
import dev.baton.clean.Clustering;
import dev.baton.clean.CombineColumns;
import dev.baton.clean.DatePart;
import dev.baton.clean.DeriveColumn;
import dev.baton.clean.DropColumns;
import dev.baton.clean.DropMissingRows;
import dev.baton.clean.ExtractText;
import dev.baton.clean.FillMissing;
import dev.baton.clean.FilterRows;
import dev.baton.clean.KeepColumns;
import dev.baton.clean.LogTransform;
import dev.baton.clean.MapValues;
import dev.baton.clean.MergeRare;
import dev.baton.clean.MergeValues;
import dev.baton.clean.MissingIndicator;
import dev.baton.clean.Operation;
import dev.baton.clean.Operations;
import dev.baton.clean.ParseDate;
import dev.baton.clean.RecipeStep;
import dev.baton.clean.RemoveDuplicates;
import dev.baton.clean.RemoveOutliers;
import dev.baton.clean.RenameColumn;
import dev.baton.clean.ReorderColumns;
import dev.baton.clean.ReplaceText;
import dev.baton.clean.Replay;
import dev.baton.clean.RoundNumbers;
import dev.baton.clean.SampleRows;
import dev.baton.clean.SortRows;
import dev.baton.clean.SplitColumn;
import dev.baton.clean.Standardize;
import dev.baton.clean.TrimText;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.util.Progress;
import tech.tablesaw.api.StringColumn;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The cleaning benchmark: every operation once on the 1M-row dataset, undo, and value clustering. */
final class CleanBench {

    private CleanBench() {
    }

    static List<Operation> operations() {
        return List.of(
                new DropColumns(List.of("visits")),
                new KeepColumns(List.of("id", "age", "income", "region")),
                new RenameColumn("age", "years"),
                new ReorderColumns(List.of("active", "region")),
                new ChangeType("visits", ColumnType.DECIMAL),
                new SplitColumn("signup_text", "-", false, List.of("y", "m", "d"), false),
                new ExtractText("segment", ExtractText.Mode.FIRST_WORD, null, null, "segment_word"),
                new CombineColumns(List.of("region", "channel"), "/", "region_channel"),
                new DeriveColumn("monthly", "income / 12"),
                new DropMissingRows(List.of("income")),
                new FillMissing(List.of("income"), FillMissing.Method.MEDIAN, null),
                new FillMissing(List.of("score"), FillMissing.Method.FORWARD, null),
                new MissingIndicator("income", null),
                new FilterRows("age > 40 and region == 'North'", false),
                new RemoveDuplicates(List.of("region", "segment", "channel")),
                new SampleRows(null, 0.1, 42),
                new SortRows("income", false),
                new TrimText(List.of("segment")),
                new ChangeCase(List.of("segment"), ChangeCase.Case.UPPER),
                new ReplaceText("region", "th", "TH", false),
                new MapValues("channel", Map.of("web", "online", "phone", "call"), false),
                new MergeRare("segment", 130_000, null, null),
                new MergeValues("region", Map.of("North", "N", "South", "S")),
                Clip.quantiles("income", 0.01, 0.99),
                new RemoveOutliers("weight", RemoveOutliers.Method.IQR, null),
                new RoundNumbers("income", 0),
                new BinNumbers("age", null, 5, null),
                new LogTransform("income", "e", false, null),
                new Standardize("score"),
                new ParseDate("signup_text", "yyyy-MM-dd", "signup_parsed"),
                new DatePart("signup_date", DatePart.Part.YEAR, null));
    }

    static void run(BenchCommand bench, Dataset imported) {
        // A text copy of the date column, for the steps that read dates from text.
        Dataset data = Replay.step(imported, RecipeStep.of(new ChangeType("signup_date", ColumnType.TEXT)), Replay.Mode.REFIT).output();
        data = Replay.step(data, RecipeStep.of(new DeriveColumn("signup_text", "signup_date")), Replay.Mode.REFIT).output();
        data = Replay.step(data, RecipeStep.of(new ChangeType("signup_date", ColumnType.DATE)), Replay.Mode.REFIT).output();
        Dataset input = data;
        for (Operation op : operations()) {
            bench.time("clean: " + Operations.name(op) + " (fit and apply)", () -> Replay.step(input, RecipeStep.of(op), Replay.Mode.REFIT));
        }
        CleaningHistory history = new CleaningHistory(input);
        history.push(history.compute(history.withAdded(new FillMissing(List.of("income"), FillMissing.Method.MEDIAN, null)), "fill", Progress.NONE));
        history.push(history.compute(history.withAdded(new FilterRows("age > 30", false)), "filter", Progress.NONE));
        bench.time("clean: undo and redo one step", () -> {
            history.undo();
            history.current().rowCount();
            history.redo();
            history.current().rowCount();
        });
        StringColumn names = misspelledNames(input.rowCount());
        Map<String, Integer>[] counts = new Map[1];
        bench.time("clean: count distinct values of a 1M-row column", () -> counts[0] = Clustering.counts(names));
        bench.out().printf("  %,d distinct values%n", counts[0].size());
        for (Clustering.Method m : Clustering.Method.values()) {
            List<Clustering.Cluster>[] found = new List[1];
            bench.time("clean: cluster those values, " + m.label(), () -> found[0] = Clustering.find(counts[0], m, m == Clustering.Method.LEVENSHTEIN ? 1 : 2, 1));
            bench.out().printf("  %,d clusters%n", found[0].size());
        }
    }

    /** A million city names with the usual slips: case, spaces, punctuation, a letter dropped or doubled. */
    static StringColumn misspelledNames(int rows) {
        String[] cities = {"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
            "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth", "Columbus", "Charlotte",
            "Indianapolis", "San Francisco", "Seattle", "Denver", "Washington", "Boston", "El Paso", "Nashville",
            "Detroit", "Oklahoma City", "Portland", "Las Vegas", "Memphis", "Louisville", "Baltimore"};
        SplittableRandom random = new SplittableRandom(3);
        StringColumn out = StringColumn.create("city");
        for (int r = 0; r < rows; r++) {
            String name = cities[random.nextInt(cities.length)] + " " + (1 + random.nextInt(300));
            switch (random.nextInt(20)) {
                case 0 -> name = name.toLowerCase();
                case 1 -> name = name.toUpperCase();
                case 2 -> name = " " + name;
                case 3 -> name = name.replace(" ", ", ");
                case 4 -> {
                    int i = random.nextInt(name.length());
                    name = name.substring(0, i) + name.substring(i + 1);
                }
                default -> { }
            }
            out.append(name);
        }
        return out;
    }
}
