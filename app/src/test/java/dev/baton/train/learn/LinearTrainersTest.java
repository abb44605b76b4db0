package dev.baton.train.learn;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinearTrainersTest {

    /** 30 rows of 3 classes (10 each), as given to scikit-learn 1.2.1 for the expected values below. */
    private static final double[][] X = {{1.79, 0.44}, {0.1, -1.86}, {-0.28, -0.35}, {-0.08, -0.63}, {-0.04, -0.48}, {-1.31, 0.88},
        {0.88, 1.71}, {0.05, -0.4}, {-0.55, -1.55}, {0.98, -1.1}, {0.31, -0.21}, {2.99, 0.24}, {0.48, -0.71}, {2.13, -0.16},
        {0.73, -0.23}, {2.25, 1.98}, {0.26, -0.63}, {0.7, -2.42}, {0.58, -1.02}, {2.62, -0.13}, {-1.62, 2.15}, {-0.36, -0.24},
        {-0.6, 0.91}, {-0.87, 1.53}, {-2.25, 1.23}, {1.01, 2.35}, {1.11, 2.62}, {1.49, 0.38}, {0.85, -0.36}, {-0.6, -0.41}};

    @Test
    void logisticRegressionFindsScikitLearnsSolution() {
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i / 10;
        }
        double[][] columns = new double[2][30];
        for (int i = 0; i < 30; i++) {
            columns[0][i] = X[i][0];
            columns[1][i] = X[i][1];
        }
        // LogisticRegression(C=1.0, tol=1e-10).fit(X, y): coef_ and intercept_, multinomial (lbfgs).
        double[][] expected = {{-0.3156461716355753, -0.21353199611923973, 0.3913296325020428},
            {0.898302017363348, -0.5013776914929791, -0.5250001450310111},
            {-0.582655845727773, 0.714909687612219, 0.13367051252896847}};
        double[][] w = new LogisticTrainer(1.0, 10_000, 1e-10).fit(columns, labels, 3);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                assertThat(w[k][j]).as("class %d weight %d", k, j).isCloseTo(expected[k][j], within(1e-5));
            }
        }
    }

    @Test
    void theLogisticModelIsTribuosLinearModelWithScikitLearnsProbabilities() {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 30; i++) {
            data.add(new ArrayExample<>(new Label(names[i / 10]), new String[]{"x0", "x1"}, X[i]));
        }
        LinearSGDModel model = new LogisticTrainer(1.0, 10_000, 1e-10).train(data);
        Prediction<Label> first = model.predict(data.getExample(0));
        // predict_proba of the first row.
        assertThat(first.getOutputScores().get("a").getScore()).isCloseTo(0.20761409913046336, within(1e-5));
        assertThat(first.getOutputScores().get("b").getScore()).isCloseTo(0.6426925359219392, within(1e-5));
        assertThat(first.getOutputScores().get("c").getScore()).isCloseTo(0.14969336494759738, within(1e-5));
        assertThat(first.getOutput().getLabel()).isEqualTo("b");
        assertThat(model.getProvenance().getTrainerProvenance().getClassName()).isEqualTo(LogisticTrainer.class.getName());
    }

    @Test
    void theLinearSvmFindsScikitLearnsLinearSvcSolution() {
        int[] labels = new int[30];
        double[][] columns = new double[2][30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i / 10;
            columns[0][i] = X[i][0];
            columns[1][i] = X[i][1];
        }
        // LinearSVC(C=1.0, tol=1e-10).fit(X, y): one class against the rest, squared hinge, dual; coef_ and intercept_.
        double[][] expected = {{-0.13145829540458606, -0.2004422912212269, -0.24971624412150192},
            {0.5900755669863462, -0.30496507931191064, -0.6825743254970017},
            {-0.27358019102974324, 0.4130080954744569, -0.2791384813023521}};
        double[][] w = new LinearSvmTrainer(1.0, 1_000_000, 1e-10, 1).fit(columns, labels, 3);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                assertThat(w[k][j]).as("class %d weight %d", k, j).isCloseTo(expected[k][j], within(1e-5));
            }
        }
    }

    @Test
    void leastSquaresRecoversAnExactLinearRelation() {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new RegressionFactory()),
                new RegressionFactory());
        for (int i = 0; i < 30; i++) {
            // y = 3 + 2 x0 - x1, exactly
            data.add(new ArrayExample<>(new Regressor("y", 3 + 2 * X[i][0] - X[i][1]), new String[]{"x0", "x1"}, X[i]));
        }
        var model = new LeastSquaresTrainer(1e-6).train(data);
        var p = model.predict(new ArrayExample<>(new Regressor("y", Double.NaN), new String[]{"x0", "x1"}, new double[]{10, 4}));
        assertThat(p.getOutput().getValues()[0]).isCloseTo(3 + 20 - 4, within(1e-4));
    }

    @Test
    void leastSquaresCopesWithEveryLevelOfAOneHotCategoryBesideTheIntercept() {
        double[][] columns = new double[3][60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            int level = i % 2;
            columns[0][i] = level == 0 ? 1 : 0;
            columns[1][i] = level == 1 ? 1 : 0;
            columns[2][i] = i;
            y[i] = (level == 0 ? 5 : 9) + 0.5 * i;
        }
        double[] w = new LeastSquaresTrainer(1e-6).fit(columns, y);
        // The two levels and the intercept are collinear; predictions are still exact.
        for (int i = 0; i < 60; i += 7) {
            double predicted = w[3] + w[0] * columns[0][i] + w[1] * columns[1][i] + w[2] * columns[2][i];
            assertThat(predicted).isCloseTo(y[i], within(1e-3));
        }
    }
}
