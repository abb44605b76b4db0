package dev.baton.train;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import dev.baton.train.learn.ForestTrainer;
import dev.baton.train.learn.LeastSquaresTrainer;
import dev.baton.train.learn.LinearSvmTrainer;
import dev.baton.train.learn.LogisticTrainer;
import dev.baton.train.learn.NeighboursTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.libsvm.LibSVMRegressionTrainer;
import org.tribuo.regression.libsvm.SVMRegressionType;
import org.tribuo.regression.slm.ElasticNetCDTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

import dev.baton.train.Parameter.Simpler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The algorithm catalog: every Tribuo algorithm Baton offers, with its main hyperparameters and defaults that are
 * good out of the box, whether it gives probabilities, whether it exports to ONNX, and whether its inputs are
 * standardized by default (linear, SVM, k-NN and factorization machines: Tribuo's SGD diverges on raw features
 * of different scales).
 */
public final class Algorithms {

    /** What a trainer factory needs beyond the parameters. */
    public record Context(long seed, int rows, int features, int classes) {
    }

    @FunctionalInterface
    interface Factory {
        Trainer<?> create(Map<String, Double> values, Context context);
    }

    /** One algorithm of the catalog. */
    public record Algorithm(String id, String label, Task task, boolean probabilities, boolean onnx, boolean standardize,
                            List<Parameter> parameters, Factory factory, String note) {

        /** Builds the Tribuo trainer with these parameter values (defaults for the missing ones). */
        public Trainer<?> trainer(Map<String, Double> given, Context context) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Parameter p : parameters) {
                values.put(p.name(), p.value(given, label));
            }
            if (given != null) {
                for (String key : given.keySet()) {
                    if (parameters.stream().noneMatch(p -> p.name().equals(key)) && !RETIRED.getOrDefault(id, Set.of()).contains(key)) {
                        throw new dev.baton.util.UserException(label + " has no parameter '" + key + "'; it has "
                                + parameters.stream().map(Parameter::name).toList() + ".");
                    }
                }
            }
            return factory.create(values, context);
        }

        /** Whether the algorithm can run here (XGBoost needs its native library). */
        public boolean available() {
            return !id.equals("xgboost") || XGBoostAvailability.AVAILABLE;
        }

        /** Why it cannot run here, or null. */
        public String unavailableReason() {
            return available() ? null : XGBoostAvailability.REASON;
        }
    }

    private static final List<Algorithm> ALL = new ArrayList<>();

    /**
     * Parameters an algorithm no longer has, ignored when a saved project still gives them: logistic and linear
     * regression were trained by SGD (epochs, learning rate) before they were solved exactly.
     */
    private static final Map<String, Set<String>> RETIRED = Map.of(
            "logistic-regression", Set.of("epochs", "learningRate"),
            "linear-regression", Set.of("epochs", "learningRate"));

    private static Parameter epochs() {
        return Parameter.integer("epochs", "Epochs (0 = from the data size)", 0, 0, 10_000,
                "Passes over the training data; 0 picks enough for small data and few for millions of rows");
    }

    /** Enough passes for small data to converge, few for large data: about 100,000 example updates, 5 to 200 epochs. */
    static int epochs(double given, int rows) {
        if (given > 0) {
            return (int) given;
        }
        return (int) Math.max(5, Math.min(200, Math.ceil(100_000.0 / Math.max(1, rows))));
    }

    /** One decision tree on all rows and all features. */
    private static <T extends org.tribuo.Output<T>> ForestTrainer<T> tree(Map<String, Double> v, Context c) {
        return new ForestTrainer<>(1, v.get("maxDepth").intValue(), Math.max(1, (int) Math.round(v.get("minChildWeight"))), 1.0,
                false, false, c.seed());
    }

    static {
        // LibSVM prints its optimiser's progress on stdout, which must carry only the CLI's own output.
        libsvm.svm.svm_set_print_string_function(text -> { });
        // --- classification
        ALL.add(new Algorithm("logistic-regression", "Logistic regression", Task.CLASSIFICATION, true, true, true,
                List.of(Parameter.real("C", "Inverse penalty (C)", 1.0, 1e-6, 1e6, "Smaller: stronger L2 penalty, smaller weights")
                                .searched(1e-3, 1e3, true, Simpler.LOWER),
                        Parameter.integer("maxIterations", "Most iterations", 1000, 1, 100_000, "L-BFGS stops earlier when it has converged")),
                (v, c) -> new LogisticTrainer(v.get("C"), v.get("maxIterations").intValue(), 1e-4),
                "Multinomial logistic regression with a small L2 penalty, solved to convergence (L-BFGS)."));
        ALL.add(new Algorithm("linear-sgd-log", "Linear SGD (log loss)", Task.CLASSIFICATION, true, true, true,
                List.of(epochs(), Parameter.real("learningRate", "Learning rate", 0.01, 1e-6, 10, "Adam's step size")
                        .searched(1e-4, 0.1, true, Simpler.NEITHER)),
                (v, c) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                        new Adam(v.get("learningRate"), 1e-8), epochs(v.get("epochs"), c.rows()), c.rows() + 1, 1, c.seed()),
                "Linear model with log loss, trained with Adam."));
        ALL.add(new Algorithm("linear-sgd-hinge", "Linear SGD (hinge loss)", Task.CLASSIFICATION, false, true, true,
                List.of(epochs(), Parameter.real("learningRate", "Learning rate", 1.0, 1e-6, 100, "AdaGrad's initial step size")
                        .searched(0.01, 10, true, Simpler.NEITHER)),
                (v, c) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new Hinge(),
                        new AdaGrad(v.get("learningRate"), 0.1), epochs(v.get("epochs"), c.rows()), c.rows() + 1, 1, c.seed()),
                "A linear support vector machine (hinge loss) trained with AdaGrad; scores, not probabilities."));
        ALL.add(new Algorithm("cart", "Decision tree (CART)", Task.CLASSIFICATION, true, true, false,
                List.of(Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 8, 0, 100, "How many questions a path may ask")
                                .searchedDepth(2, 20),
                        Parameter.real("minChildWeight", "Minimum rows in a leaf", 5, 1, 1_000_000, "Smaller leaves are not split off")
                                .searched(1, 200, true, Simpler.HIGHER)),
                (v, c) -> tree(v, c),
                "One tree of yes/no questions; easy to read. Probabilities are the class shares of the leaf."));
        ALL.add(new Algorithm("random-forest", "Random forest", Task.CLASSIFICATION, true, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "More trees: steadier, slower"),
                        Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 0, 0, 100, "Depth of each tree").searchedDepth(4, 32),
                        Parameter.real("featureFraction", "Features per split (0 = square root)", 0, 0, 1, "Fraction of features each split considers")
                                .searched(0.05, 1, true, Simpler.LOWER)),
                (v, c) -> new ForestTrainer<Label>(v.get("trees").intValue(), v.get("maxDepth").intValue(), 1,
                        v.get("featureFraction"), true, false, c.seed()),
                "Trees on bootstrap samples, each split choosing among a random subset of features; the trees' class shares averaged."));
        ALL.add(new Algorithm("extra-trees", "Extra trees", Task.CLASSIFICATION, true, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "More trees: steadier, slower"),
                        Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 0, 0, 100, "Depth of each tree").searchedDepth(4, 32),
                        Parameter.real("featureFraction", "Features per split (0 = square root)", 0, 0, 1, "Fraction of features each split considers")
                                .searched(0.05, 1, true, Simpler.LOWER)),
                (v, c) -> new ForestTrainer<Label>(v.get("trees").intValue(), v.get("maxDepth").intValue(), 1,
                        v.get("featureFraction"), false, true, c.seed()),
                "Like a random forest, with random split points, each tree on all the rows."));
        ALL.add(new Algorithm("xgboost", "XGBoost", Task.CLASSIFICATION, true, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "Boosting rounds").searched(50, 500, true, Simpler.LOWER),
                        Parameter.real("eta", "Learning rate", 0.3, 1e-4, 1, "Shrinkage per round").searched(0.01, 0.3, true, Simpler.NEITHER),
                        Parameter.integer("maxDepth", "Maximum depth", 6, 1, 30, "Depth of each tree").searched(2, 10, false, Simpler.LOWER),
                        Parameter.real("subsample", "Row subsample", 1.0, 0.05, 1, "Fraction of rows per tree").searched(0.5, 1, false, Simpler.NEITHER)),
                (v, c) -> new XGBoostClassificationTrainer(org.tribuo.common.xgboost.XGBoostTrainer.BoosterType.GBTREE,
                        org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod.HIST, v.get("trees").intValue(), v.get("eta"), 0,
                        v.get("maxDepth").intValue(), 1, v.get("subsample"), 1.0, 1.0, 0, dev.baton.util.Parallel.threads(),
                        org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity.SILENT, c.seed()),
                "Gradient-boosted trees (XGBoost's native library, histogram method, all cores)."));
        ALL.add(new Algorithm("liblinear", "Linear SVM (LIBLINEAR method)", Task.CLASSIFICATION, false, true, true,
                List.of(Parameter.real("cost", "Cost (C)", 1.0, 1e-6, 1e6, "Less regularisation when larger").searched(1e-3, 1e3, true, Simpler.LOWER)),
                (v, c) -> new LinearSvmTrainer(v.get("cost"), 1000, 0.1, c.seed()),
                "A linear SVM (squared hinge loss, L2 penalty) by LIBLINEAR's dual coordinate descent; scores, not probabilities."));
        ALL.add(new Algorithm("libsvm-linear", "LibSVM (linear kernel)", Task.CLASSIFICATION, true, true, true,
                List.of(Parameter.real("cost", "Cost (C)", 1.0, 1e-6, 1e6, "Less regularisation when larger").searched(1e-2, 1e2, true, Simpler.LOWER)),
                (v, c) -> {
                    SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.LINEAR);
                    p.setCost(v.get("cost"));
                    p.setProbability();
                    return new LibSVMClassificationTrainer(p, c.seed());
                },
                "Support vector machine with probability estimates (Platt scaling)."));
        ALL.add(new Algorithm("libsvm-rbf", "LibSVM (RBF kernel)", Task.CLASSIFICATION, true, true, true,
                List.of(Parameter.real("cost", "Cost (C)", 1.0, 1e-6, 1e6, "Less regularisation when larger").searched(0.1, 1e3, true, Simpler.LOWER),
                        Parameter.real("gamma", "Gamma (0 = 1 / features)", 0, 0, 1e3, "Kernel width").searched(1e-4, 1, true, Simpler.LOWER)),
                (v, c) -> {
                    SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
                    p.setCost(v.get("cost"));
                    p.setGamma(v.get("gamma") > 0 ? v.get("gamma") : 1.0 / Math.max(1, c.features()));
                    p.setProbability();
                    return new LibSVMClassificationTrainer(p, c.seed());
                },
                "Support vector machine with a radial kernel and probability estimates."));
        ALL.add(new Algorithm("knn", "k-nearest neighbours", Task.CLASSIFICATION, true, false, true,
                List.of(Parameter.integer("k", "Neighbours (k)", 5, 1, 1000, "How many neighbours vote").searched(1, 100, true, Simpler.HIGHER)),
                (v, c) -> new NeighboursTrainer<Label>(v.get("k").intValue()),
                "The class shares among the k closest training rows (Euclidean distance on standardized features)."));
        ALL.add(new Algorithm("factorization-machine", "Factorization machine", Task.CLASSIFICATION, true, true, true,
                List.of(epochs(), Parameter.real("learningRate", "Learning rate", 0.1, 1e-6, 10, "AdaGrad's step size").searched(0.01, 1, true, Simpler.NEITHER),
                        Parameter.integer("factors", "Factors", 6, 1, 100, "Size of the pairwise interaction vectors").searched(2, 20, false, Simpler.LOWER)),
                (v, c) -> new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(v.get("learningRate"), 0.1),
                        epochs(v.get("epochs"), c.rows()), c.rows() + 1, 1, c.seed(), v.get("factors").intValue(), 0.1),
                "A linear model plus pairwise feature interactions."));
        // --- regression
        ALL.add(new Algorithm("linear-regression", "Linear regression", Task.REGRESSION, false, true, true,
                List.of(),
                (v, c) -> new LeastSquaresTrainer(1e-6),
                "Ordinary least squares, solved exactly."));
        ALL.add(new Algorithm("elastic-net", "Elastic net", Task.REGRESSION, false, true, true,
                List.of(Parameter.real("alpha", "Regularisation (alpha)", 0.01, 0, 1e3, "Overall penalty").searched(1e-4, 10, true, Simpler.HIGHER),
                        Parameter.real("l1Ratio", "L1 ratio", 0.5, 0, 1, "0 = ridge, 1 = lasso").searched(0, 1, false, Simpler.HIGHER)),
                (v, c) -> new ElasticNetCDTrainer(v.get("alpha"), v.get("l1Ratio"), 1e-4, 500, false, c.seed()),
                "Penalised least squares by coordinate descent."));
        ALL.add(new Algorithm("cart", "Decision tree (CART)", Task.REGRESSION, false, true, false,
                List.of(Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 8, 0, 100, "How many questions a path may ask")
                                .searchedDepth(2, 20),
                        Parameter.real("minChildWeight", "Minimum rows in a leaf", 5, 1, 1_000_000, "Smaller leaves are not split off")
                                .searched(1, 200, true, Simpler.HIGHER)),
                (v, c) -> tree(v, c),
                "One tree of yes/no questions; easy to read."));
        ALL.add(new Algorithm("random-forest", "Random forest", Task.REGRESSION, false, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "More trees: steadier, slower"),
                        Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 0, 0, 100, "Depth of each tree").searchedDepth(4, 32),
                        Parameter.real("featureFraction", "Features per split (0 = one third)", 0, 0, 1, "Fraction of features each split considers")
                                .searched(0.05, 1, true, Simpler.LOWER)),
                (v, c) -> new ForestTrainer<Regressor>(v.get("trees").intValue(), v.get("maxDepth").intValue(), 5,
                        v.get("featureFraction") > 0 ? v.get("featureFraction") : 1.0 / 3, true, false, c.seed()),
                "The average of trees grown on bootstrap samples, leaves of at least 5 rows."));
        ALL.add(new Algorithm("extra-trees", "Extra trees", Task.REGRESSION, false, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "More trees: steadier, slower"),
                        Parameter.integer("maxDepth", "Maximum depth (0 = unlimited)", 0, 0, 100, "Depth of each tree").searchedDepth(4, 32),
                        Parameter.real("featureFraction", "Features per split (0 = all)", 0, 0, 1, "Fraction of features each split considers")
                                .searched(0.05, 1, true, Simpler.LOWER)),
                (v, c) -> new ForestTrainer<Regressor>(v.get("trees").intValue(), v.get("maxDepth").intValue(), 1,
                        v.get("featureFraction") > 0 ? v.get("featureFraction") : 1.0, false, true, c.seed()),
                "The average of trees with random split points, each on all the rows."));
        ALL.add(new Algorithm("xgboost", "XGBoost", Task.REGRESSION, false, true, false,
                List.of(Parameter.integer("trees", "Trees", 100, 1, 5000, "Boosting rounds").searched(50, 500, true, Simpler.LOWER),
                        Parameter.real("eta", "Learning rate", 0.1, 1e-4, 1, "Shrinkage per round").searched(0.01, 0.3, true, Simpler.NEITHER),
                        Parameter.integer("maxDepth", "Maximum depth", 6, 1, 30, "Depth of each tree").searched(2, 10, false, Simpler.LOWER),
                        Parameter.real("subsample", "Row subsample", 1.0, 0.05, 1, "Fraction of rows per tree").searched(0.5, 1, false, Simpler.NEITHER)),
                (v, c) -> new XGBoostRegressionTrainer(org.tribuo.common.xgboost.XGBoostTrainer.BoosterType.GBTREE,
                        org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod.HIST, XGBoostRegressionTrainer.RegressionType.LINEAR,
                        v.get("trees").intValue(), v.get("eta"), 0, v.get("maxDepth").intValue(), 1, v.get("subsample"), 1.0, 1.0, 0,
                        dev.baton.util.Parallel.threads(), org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity.SILENT, c.seed()),
                "Gradient-boosted trees (XGBoost's native library, histogram method, all cores)."));
        ALL.add(new Algorithm("libsvm", "LibSVM (RBF kernel)", Task.REGRESSION, false, true, true,
                List.of(Parameter.real("cost", "Cost (C)", 10.0, 1e-6, 1e6, "Less regularisation when larger").searched(0.1, 1e3, true, Simpler.LOWER),
                        Parameter.real("gamma", "Gamma (0 = 1 / features)", 0, 0, 1e3, "Kernel width").searched(1e-4, 1, true, Simpler.LOWER),
                        Parameter.real("epsilon", "Epsilon", 0.1, 0, 1e3, "Errors smaller than this cost nothing").searched(0.01, 1, true, Simpler.HIGHER)),
                (v, c) -> {
                    SVMParameters<Regressor> p = new SVMParameters<>(new SVMRegressionType(SVMRegressionType.SVMMode.EPSILON_SVR), KernelType.RBF);
                    p.setCost(v.get("cost"));
                    p.setGamma(v.get("gamma") > 0 ? v.get("gamma") : 1.0 / Math.max(1, c.features()));
                    p.setEpsilon(v.get("epsilon"));
                    return new LibSVMRegressionTrainer(p, true, c.seed());
                },
                "Support vector regression with a radial kernel (the target is standardized inside)."));
        ALL.add(new Algorithm("knn", "k-nearest neighbours", Task.REGRESSION, false, false, true,
                List.of(Parameter.integer("k", "Neighbours (k)", 5, 1, 1000, "How many neighbours average").searched(1, 100, true, Simpler.HIGHER)),
                (v, c) -> new NeighboursTrainer<Regressor>(v.get("k").intValue()),
                "The average target of the k closest training rows (Euclidean distance on standardized features)."));
    }

    private Algorithms() {
    }

    /**
     * Loads the native libraries algorithms need (XGBoost's), so that whoever asks {@link Algorithm#available()}
     * first does not wait for it: a window calls this off its FX thread at start.
     */
    public static void probeNativeLibraries() {
        Boolean.valueOf(XGBoostAvailability.AVAILABLE).hashCode();
    }

    public static List<Algorithm> all() {
        return List.copyOf(ALL);
    }

    public static List<Algorithm> forTask(Task task) {
        return ALL.stream().filter(a -> a.task() == task).toList();
    }

    public static Algorithm get(Task task, String id) {
        for (Algorithm a : ALL) {
            if (a.task() == task && a.id().equals(id)) {
                return a;
            }
        }
        throw new dev.baton.util.UserException("There is no " + task.label() + " algorithm '" + id + "'. Choose from "
                + forTask(task).stream().map(Algorithm::id).toList() + ".");
    }

    /** The algorithms a new experiment starts with. */
    public static List<String> defaults(Task task) {
        return task == Task.CLASSIFICATION ? List.of("logistic-regression", "random-forest") : List.of("linear-regression", "random-forest");
    }
}
