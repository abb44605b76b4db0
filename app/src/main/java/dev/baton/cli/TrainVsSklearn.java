package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.train.AlgorithmChoice;
import dev.baton.train.Algorithms;
import dev.baton.train.Experiment;
import dev.baton.train.Features;
import dev.baton.train.ModelResult;
import dev.baton.train.Parameter;
import dev.baton.train.Task;
import dev.baton.train.TrainBenchmarks;
import dev.baton.train.TrainingSetup;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import dev.baton.util.UserException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bench train-vs-sklearn}: Baton and scikit-learn side by side, in one run, on the same rows, the same
 * holdout and folds (Baton writes its split for the script), the same preparation and the same hyperparameters.
 * Each tool's time is the whole fit-and-evaluate of one algorithm: five folds, the final model on the training
 * rows, and the held-out rows scored (Baton's after a warm-up on 3,000 rows, scikit-learn's after its imports). The script is {@code bench/train_vs_sklearn.py}; it needs Debian's
 * {@code python3-sklearn} (never installed at run time).
 */
final class TrainVsSklearn {

    /** The algorithms compared, per task, as Baton ids (the script maps each to its scikit-learn counterpart). */
    static final List<String> CLASSIFICATION = List.of("logistic-regression", "random-forest", "extra-trees", "xgboost", "cart",
            "knn", "liblinear");
    static final List<String> REGRESSION = List.of("linear-regression", "random-forest", "extra-trees", "xgboost", "cart", "knn");

    /** One comparison: a dataset, its target, and columns left out (the synthetic data's other target). */
    record Case(String name, Path csv, String target, Task task, List<String> leftOut) {
    }

    private TrainVsSklearn() {
    }

    static void run(BenchCommand bench, Path work, String python, Path script, List<String> only) throws IOException, InterruptedException {
        PrintWriter out = bench.out();
        Path diamonds = Path.of("..", "shared", "datasets", "diamonds.csv");
        Path synthetic = SyntheticTrainingData.ensure(work.resolve("synthetic-50000.csv"), 50_000);
        List<Case> cases = new ArrayList<>();
        if (Files.exists(diamonds)) {
            cases.add(new Case("diamonds", diamonds, "cut", Task.CLASSIFICATION, List.of()));
            cases.add(new Case("diamonds", diamonds, "price", Task.REGRESSION, List.of()));
        } else {
            out.printf("  (%s is missing: diamonds left out)%n", diamonds);
        }
        cases.add(new Case("synthetic", synthetic, "segment", Task.CLASSIFICATION, List.of("spend")));
        cases.add(new Case("synthetic", synthetic, "spend", Task.REGRESSION, List.of("segment")));
        checkPython(python, script);
        for (Case c : cases) {
            compare(bench, c, work, python, script, only);
        }
    }

    private static void checkPython(String python, Path script) throws IOException, InterruptedException {
        if (!Files.exists(script)) {
            throw new UserException("The comparison script " + script + " is missing; run the bench from the repository's root.");
        }
        Process p = new ProcessBuilder(python, "-c", "import sklearn, pandas").redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new UserException(python + " cannot import scikit-learn and pandas (" + said.lines().reduce((a, b) -> b).orElse("")
                    + "). Install Debian's packages: sudo apt-get install python3-sklearn python3-pandas, or pass --python.");
        }
    }

    private static void compare(BenchCommand bench, Case c, Path work, String python, Path script, List<String> only)
            throws IOException, InterruptedException {
        PrintWriter out = bench.out();
        Dataset data = DatasetReader.read(c.csv(), ImportOptions.detect(), Progress.NONE);
        List<String> features = Features.included(Features.suggest(data, c.target())).stream()
                .filter(f -> !f.equals(c.target()) && !c.leftOut().contains(f)).toList();
        List<String> algorithms = (c.task() == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION).stream()
                .filter(a -> only == null || only.isEmpty() || only.contains(a))
                .filter(a -> Algorithms.get(c.task(), a).available()).toList();
        if (algorithms.isEmpty()) {
            return;
        }
        String metric = c.task() == Task.CLASSIFICATION ? "accuracy" : "r2";
        TrainingSetup base = new TrainingSetup(c.target(), c.task(), features, 0.2, 5, 42, List.of(AlgorithmChoice.of(algorithms.get(0))), metric);
        out.printf("%n%s (%,d rows), %s of %s from %d columns; 5-fold CV on 80%%, 20%% held out, seed 42%n", c.name(),
                data.rowCount(), c.task().label(), c.target(), features.size());
        Path spec = work.resolve("sklearn-" + c.name() + "-" + c.target() + ".json");
        Path assignment = work.resolve("sklearn-" + c.name() + "-" + c.target() + ".folds");
        Files.writeString(assignment, java.util.Arrays.stream(TrainBenchmarks.assignment(data, base)).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("csv", c.csv().toAbsolutePath().toString());
        json.put("target", c.target());
        json.put("task", c.task() == Task.CLASSIFICATION ? "classification" : "regression");
        json.put("features", TrainBenchmarks.kinds(data, base));
        json.put("assignment", assignment.toAbsolutePath().toString());
        json.put("folds", 5);
        json.put("threads", Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : algorithms) {
            Algorithms.Algorithm a = Algorithms.get(c.task(), id);
            Map<String, Double> parameters = new LinkedHashMap<>();
            for (Parameter p : a.parameters()) {
                parameters.put(p.name(), p.value(null, a.label()));
            }
            list.add(Map.of("id", id, "standardize", a.standardize(), "parameters", parameters));
        }
        json.put("algorithms", list);
        Files.write(spec, Json.mapper().writeValueAsBytes(json));

        Map<String, double[]> baton = new LinkedHashMap<>();
        // Warm-up on the first 3,000 rows, as the Python side imports its modules before it times: the figures are
        // the training, not the JIT compiling Baton's code the first time it runs.
        Dataset sample = data.rows(java.util.stream.IntStream.range(0, Math.min(3_000, data.rowCount())).toArray());
        for (String id : algorithms) {
            TrainingSetup setup = new TrainingSetup(c.target(), c.task(), features, 0.2, 5, 42, List.of(AlgorithmChoice.of(id)), metric);
            Experiment.run(sample, setup, Experiment.Listener.NONE, Progress.NONE);
            long start = System.nanoTime();
            Experiment.Leaderboard board = Experiment.run(data, setup, Experiment.Listener.NONE, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!board.failures().isEmpty()) {
                out.printf("  Baton %s failed: %s%n", id, board.failures().get(id));
                continue;
            }
            ModelResult r = board.get(id).result();
            baton.put(id, new double[]{seconds, r.cv().get(metric).mean(), r.holdout().get(metric)});
        }
        Process p = new ProcessBuilder(python, script.toString(), spec.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new UserException("The scikit-learn script failed (its messages are above).");
        }
        Map<String, JsonNode> sklearn = new LinkedHashMap<>();
        for (String line : said.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode n = Json.mapper().readTree(line);
                sklearn.put(n.get("id").asText(), n);
            }
        }
        out.printf("%-20s %-34s %9s %9s %7s   %-8s %8s %8s %8s   %8s %8s%n", "algorithm", "scikit-learn counterpart", "Baton s",
                "sklearn s", "ratio", metric, "Baton", "sklearn", "diff", "Baton", "sklearn");
        out.printf("%-20s %-34s %9s %9s %7s   %-8s %8s %8s %8s   %17s%n", "", "", "", "", "", "", "CV mean", "CV mean", "", "held out");
        for (String id : algorithms) {
            double[] b = baton.get(id);
            JsonNode s = sklearn.get(id);
            if (b == null || s == null) {
                continue;
            }
            double ss = s.get("seconds").asDouble();
            double sc = s.get("cv").asDouble();
            out.printf("%-20s %-34s %9.1f %9.1f %7.2f   %-8s %8.4f %8.4f %+8.4f   %8.4f %8.4f%n", id, s.get("estimator").asText(),
                    b[0], ss, b[0] / ss, "", b[1], sc, b[1] - sc, b[2], s.get("holdout").asDouble());
        }
        out.flush();
    }
}
