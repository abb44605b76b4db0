package dev.baton.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.clean.CleaningHistory;
import dev.baton.clean.Operations;
import dev.baton.clean.Recipe;
import dev.baton.clean.RecipeFiles;
import dev.baton.clean.RecipeStep;
import dev.baton.clean.StepResult;
import dev.baton.project.Project;
import dev.baton.project.ProjectLoader;
import dev.baton.project.ProjectStore;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Algorithms;
import dev.baton.train.Baseline;
import dev.baton.train.Comparison;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.HyperparameterSearch;
import dev.baton.train.Importance;
import dev.baton.train.Metrics;
import dev.baton.train.ModelResult;
import dev.baton.train.ModelRun;
import dev.baton.train.Ranking;
import dev.baton.train.Task;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code train <data> --target T ...}: train and evaluate algorithms, print the leaderboard. */
@Command(name = "train", description = "Train and evaluate models on a dataset and print the leaderboard.")
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DATA", arity = "0..1", description = "The data file (or --db with a query).")
    Path file;

    @Option(names = "--target", required = true, description = "The column to predict.")
    String target;

    @Option(names = "--task", description = "classification or regression (default: from the target's type).")
    String task;

    @Option(names = "--recipe", description = "A recipe to apply first (baton-recipe/1).")
    Path recipe;

    @Option(names = "--algorithms", split = ",", description = "Algorithm ids, comma-separated (default: two good ones). See --list.")
    List<String> algorithms;

    @Option(names = "--features", split = ",", description = "Feature columns (default: all but ID-like, constant and free-text ones).")
    List<String> features;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds, 0 for none (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--holdout", defaultValue = "0.2", description = "Fraction of rows held out for the final test (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for splits and algorithms (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--metric", description = "Metric to sort by (default: accuracy or r2).")
    String metric;

    @Option(names = "--param", paramLabel = "ALGORITHM.NAME=VALUE", description = "A hyperparameter, e.g. random-forest.trees=300. Repeatable.")
    Map<String, Double> params;

    @Option(names = "--search", paramLabel = "N", defaultValue = "0", description = "Search hyperparameters: try N configurations per "
            + "algorithm (your settings first, then seeded Sobol points), each scored by cross-validation on the training rows; the "
            + "simplest one the corrected t-test cannot tell from the best is chosen. The same seed gives the same result. Needs --folds 2 or more.")
    int search;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--list", description = "List the algorithms for the task and exit.")
    boolean list;

    @Option(names = "--save-project", paramLabel = "FOLDER", description = "Also write a complete project (NAME.baton-project): "
            + "data reference, recipe, setup, every model with its results and the chosen one, for report, bundle export and the window.")
    Path saveProject;

    @Option(names = "--choose", paramLabel = "ALGORITHM", description = "With --save-project: the model chosen for the report and "
            + "the bundle (default: the best by the ranking metric).")
    String choose;

    @Mixin
    ImportOptionsMixin importOptions;

    @Mixin
    QueryOptionsMixin queryOptions;

    @Override
    public Integer call() throws Exception {
        if (choose != null && saveProject == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--choose needs --save-project");
        }
        Dataset raw = QueryOptionsMixin.read(spec, file, importOptions, queryOptions, false);
        // The recipe is replayed as opening a project replays it, so the saved project reproduces these figures.
        CleaningHistory history = recipe == null ? new CleaningHistory(raw) : replay(raw, RecipeFiles.read(recipe));
        Dataset data = history.current();
        if (!data.hasColumn(target)) {
            throw new dev.baton.util.UserException("There is no column '" + target + "'; the columns are " + data.columnNames() + ".");
        }
        Task t;
        try {
            t = task == null ? Features.inferTask(data, target) : Task.parse(task);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Algorithms.Algorithm a : Algorithms.forTask(t)) {
                out.printf("%-22s %-28s probabilities: %-3s  ONNX: %-3s  %s%n", a.id(), a.label(), a.probabilities() ? "yes" : "no",
                        a.onnx() ? "yes" : "no", a.available() ? "" : "(unavailable: " + a.unavailableReason() + ")");
            }
            out.flush();
            return 0;
        }
        List<String> chosen = algorithms == null ? Algorithms.defaults(t) : algorithms;
        List<AlgorithmChoice> choices = new ArrayList<>();
        for (String id : chosen) {
            Algorithms.get(t, id.strip());
            Map<String, Double> own = new java.util.LinkedHashMap<>();
            if (params != null) {
                params.forEach((k, v) -> {
                    if (k.startsWith(id.strip() + ".")) {
                        own.put(k.substring(id.strip().length() + 1), v);
                    }
                });
            }
            choices.add(new AlgorithmChoice(id.strip(), own, null));
        }
        if (choose != null && choices.stream().noneMatch(c -> c.id().equals(choose))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--choose " + choose + " is not among the algorithms trained: "
                    + choices.stream().map(AlgorithmChoice::id).toList());
        }
        List<String> featureList = features != null ? features : Features.included(Features.suggest(data, target));
        TrainingSetup setup = new TrainingSetup(target, t, featureList, holdout, folds, seed, choices, metric, search);
        Experiment.Leaderboard board = Experiment.run(data, setup, setup.searches() ? searchProgress(spec.commandLine().getErr(), setup.metric()) : Experiment.Listener.NONE,
                Progress.NONE);
        if (saveProject != null && !board.models().isEmpty()) {
            Path folder = ProjectStore.folderFor(saveProject);
            saveProject(raw, history, board, folder);
            spec.commandLine().getErr().printf("Wrote project %s (chosen: %s)%n", folder,
                    choose != null ? choose : board.models().get(0).result().algorithm());
            spec.commandLine().getErr().flush();
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(board)));
        } else {
            print(board, out);
        }
        out.flush();
        return board.models().isEmpty() ? 1 : 0;
    }

    /** A line on stderr per configuration a search finishes (stdout stays the leaderboard or its JSON). */
    private static Experiment.Listener searchProgress(PrintWriter err, String metric) {
        java.util.Map<String, Integer> done = new java.util.concurrent.ConcurrentHashMap<>();
        return new Experiment.Listener() {
            @Override
            public void progress(String algorithm, double fraction, String message) {
            }

            @Override
            public void trialFinished(String algorithm, HyperparameterSearch.Trial trial, int budget) {
                int n = done.merge(algorithm, 1, Integer::sum);
                synchronized (err) {
                    err.printf("%s: %d of %d configurations done; #%d %s%n", algorithm, n, budget, trial.number(),
                            trial.failure() != null ? "failed: " + trial.failure()
                                    : "CV " + Metrics.label(metric) + " " + Metrics.format(metric, trial.score(metric)));
                    err.flush();
                }
            }

            @Override
            public void finished(String algorithm, ModelRun.TrainedModel model) {
            }

            @Override
            public void failed(String algorithm, Throwable error) {
            }
        };
    }

    private static CleaningHistory replay(Dataset raw, Recipe recipe) {
        CleaningHistory history = ProjectLoader.replay(raw, recipe, Progress.NONE);
        List<StepResult> results = history.results();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).failed()) {
                RecipeStep step = results.get(i).step();
                throw new dev.baton.util.UserException("Step " + (i + 1) + " (" + Operations.name(step.operation()) + ": "
                        + step.operation().describe() + ") cannot apply: " + results.get(i).problem() + ".");
            }
        }
        return history;
    }

    /** The whole project, as the window would save it after this run: data, recipe, setup, models, the chosen one. */
    private void saveProject(Dataset raw, CleaningHistory history, Experiment.Leaderboard board, Path folder) throws java.io.IOException {
        if (raw.source() == null) {
            throw new dev.baton.util.UserException("A project needs a data file to refer to.");
        }
        Project project = new Project();
        project.setData(raw);
        if (!history.recipe().isEmpty()) {
            project.apply(history.currentVersion());
        }
        project.setLeaderboard(board);
        if (choose != null) {
            project.choose(choose);
        }
        String name = ProjectStore.nameOf(folder);
        ProjectStore.save(project.toFile().withName(name), folder, board.models());
    }

    static ObjectNode toJson(Experiment.Leaderboard board) {
        TrainingSetup s = board.setup();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("target", s.target()).put("task", s.task().label()).put("metric", s.metric()).put("folds", s.folds())
                .put("holdout", s.holdout()).put("seed", s.seed()).put("rows", board.rows()).put("rowsWithoutTarget", board.droppedRows());
        ModelResult base = board.baseline();
        root.put("rankedBy", Ranking.byCrossValidation(s) ? "cv" : "holdout");
        root.put("ranking", Ranking.basis(s, base.trainRows(), base.testRows()));
        root.set("features", Json.mapper().valueToTree(s.features()));
        ArrayNode models = root.putArray("models");
        for (ModelResult r : board.results()) {
            ObjectNode m = models.addObject();
            write(m, r, s);
            m.put("beatsBaseline", Baseline.beaten(r, base, s.metric()));
        }
        write(root.putObject("baseline"), base, s);
        if (!board.failures().isEmpty()) {
            root.set("failures", Json.mapper().valueToTree(board.failures()));
        }
        if (s.searches()) {
            ObjectNode search = root.putObject("search");
            search.put("configurationsPerAlgorithm", s.search());
            search.put("method", SEARCH_METHOD);
            ArrayNode list = search.putArray("algorithms");
            for (HyperparameterSearch.Result r : board.searches()) {
                ObjectNode node = Json.mapper().valueToTree(r);
                node.put("reason", r.reason());
                list.add(node);
            }
        }
        return root;
    }

    /** How a search picks and chooses configurations, in words (JSON and table). */
    static final String SEARCH_METHOD = "your settings first, then seeded Sobol points over each algorithm's declared ranges; each scored by "
            + "cross-validation on the training rows only; the simplest configuration that the corrected resampled t-test cannot tell "
            + "from the best (p >= 0.05) is chosen";

    private static void write(ObjectNode m, ModelResult r, TrainingSetup s) {
        m.put("algorithm", r.algorithm()).put("label", r.label());
        m.set("parameters", Json.mapper().valueToTree(r.parameters()));
        r.holdout().forEach(m::put);
        // Rows used by cross-validation (all its folds together) and the held-out rows: disjoint, together every row with a target.
        m.put("cvRows", r.cv() == null ? 0 : r.trainRows());
        m.put("holdoutRows", r.testRows());
        m.put("trainRows", r.trainRows());
        if (r.cv() != null) {
            ObjectNode cv = m.putObject("cv");
            r.cv().forEach((k, v) -> cv.putObject(k).put("mean", v.mean()).put("std", v.std()));
        }
        m.set("holdout", Json.mapper().valueToTree(r.holdout()));
        if (r.confusion() != null) {
            m.set("confusion", Json.mapper().valueToTree(r.confusion()));
            m.set("classes", Json.mapper().valueToTree(r.classes()));
            m.set("perClass", Json.mapper().valueToTree(r.perClass()));
        }
        if (r.importanceMethod() != null) {
            m.set("importance", Json.mapper().valueToTree(r.importance()));
            m.put("importanceMethod", r.importanceMethod().name().toLowerCase());
            m.put("trainMillis", r.trainMillis());
        }
    }

    private static void print(Experiment.Leaderboard board, PrintWriter out) {
        TrainingSetup s = board.setup();
        ModelResult base = board.baseline();
        out.printf("%s of %s on %,d rows: %,d held out, %s; seed %d%n", s.task().label(), s.target(), board.rows(), base.testRows(),
                s.folds() >= 2 ? String.format("%d-fold cross-validation on the other %,d", s.folds(), base.trainRows())
                        : String.format("trained on the other %,d (no cross-validation)", base.trainRows()), s.seed());
        out.println("Ranked by " + Ranking.basis(s, base.trainRows(), base.testRows()) + ".");
        List<String> metrics = Metrics.names(s.task());
        out.printf("%-4s %-30s", "rank", "algorithm");
        for (String m : metrics) {
            out.printf(" %18s", Metrics.label(m));
        }
        out.printf(" %18s%n", "held out: " + Metrics.label(s.metric()));
        int rank = 1;
        boolean flagged = false;
        for (ModelResult r : board.results()) {
            boolean beats = Baseline.beaten(r, base, s.metric());
            flagged |= !beats;
            row(out, Integer.toString(rank++), r.label() + (beats ? "" : " (!)"), r, metrics, s.metric());
        }
        row(out, "-", base.label(), base, metrics, s.metric());
        out.println(s.folds() >= 2 ? "(columns: cross-validation mean \u00b1 standard deviation over the folds; last: the held-out rows)"
                : "(on the held-out rows)");
        if (flagged) {
            out.println("(!) does not beat the baseline in " + Metrics.label(s.metric()) + ": it has learned nothing a constant guess would not give.");
        }
        List<ModelResult> results = board.results();
        if (results.size() >= 2) {
            Comparison c = Comparison.of(results.get(0), results.get(1), s.metric());
            if (c != null) {
                out.printf("%s vs %s: difference in %s %.4f, corrected t = %.2f, p = %.3f (%s)%n", results.get(0).label(), results.get(1).label(),
                        Metrics.label(s.metric()), c.meanDifference(), c.t(), c.pValue(),
                        c.significant(0.05) ? "a real difference at the 5% level" : "not a significant difference");
            }
        }
        if (!results.isEmpty()) {
            ModelResult best = results.get(0);
            out.print("most important columns (" + best.label() + ", " + best.importanceMethod().name().toLowerCase() + "): ");
            out.println(String.join(", ", best.importance().stream().limit(5)
                    .map((Importance i) -> i.column() + String.format(java.util.Locale.ROOT, " %.3f", i.value())).toList()));
        }
        board.failures().forEach((a, reason) -> out.println("failed: " + a + ": " + reason));
        for (HyperparameterSearch.Result r : board.searches()) {
            printSearch(r, out);
        }
    }

    /** A search: the chosen configuration and why, then the ten best configurations tried. */
    private static void printSearch(HyperparameterSearch.Result r, PrintWriter out) {
        out.println();
        HyperparameterSearch.Trial chosen = r.chosenTrial();
        out.printf("Search of %s over %s: chose %s.%n", r.label(), r.searched().isEmpty() ? "nothing (no hyperparameter to vary)"
                : String.join(", ", r.searched()), settings(chosen, r.searched()));
        out.println("  " + r.reason() + ".");
        List<HyperparameterSearch.Trial> best = r.trials().stream().filter(x -> x.failure() == null)
                .sorted(java.util.Comparator.comparing((HyperparameterSearch.Trial x) -> x, java.util.Comparator.comparingDouble(
                        (HyperparameterSearch.Trial x) -> Metrics.higherIsBetter(r.metric()) ? -x.score(r.metric()) : x.score(r.metric()))))
                .limit(10).toList();
        out.printf("  %-4s %-50s %18s %9s%n", "#", "configuration", "CV " + Metrics.label(r.metric()), "CV time");
        for (HyperparameterSearch.Trial x : best) {
            out.printf("  %-4s %-50s %18s %8.1fs%n", (x.number() == r.chosen() ? "*" : "") + x.number(), settings(x, r.searched()),
                    String.format(java.util.Locale.ROOT, "%.4f \u00b1 %.4f", x.cv().get(r.metric()).mean(), x.cv().get(r.metric()).std()),
                    x.millis() / 1000.0);
        }
        r.trials().stream().filter(x -> x.failure() != null).forEach(x -> out.printf("  %-4d failed: %s%n", x.number(), x.failure()));
        if (r.trials().size() > best.size()) {
            out.printf("  (%d more; all of them with --json)%n", r.trials().size() - best.size());
        }
    }

    private static String settings(HyperparameterSearch.Trial t, List<String> names) {
        return String.join(", ", names.stream().map(n -> n + " " + number(t.parameters().get(n))).toList());
    }

    private static String number(Double v) {
        return v == null ? "\u2013" : v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    private static void row(PrintWriter out, String rank, String label, ModelResult r, List<String> metrics, String metric) {
        out.printf("%-4s %-30s", rank, label);
        for (String m : metrics) {
            String cell;
            if (r.cv() != null && r.cv().containsKey(m)) {
                cell = String.format(java.util.Locale.ROOT, "%.4f \u00b1 %.4f", r.cv().get(m).mean(), r.cv().get(m).std());
            } else if (r.holdout().containsKey(m)) {
                cell = String.format(java.util.Locale.ROOT, "%.4f", r.holdout().get(m));
            } else {
                cell = "\u2013";
            }
            out.printf(" %18s", cell);
        }
        Double held = r.holdout().get(metric);
        out.printf(" %18s%n", held == null ? "\u2013" : String.format(java.util.Locale.ROOT, "%.4f", held));
    }
}
