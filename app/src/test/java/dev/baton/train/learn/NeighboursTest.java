package dev.baton.train.learn;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeighboursTest {

    private static final double[] X = {0, 1, 2, 10, 11, 12};

    private static MutableDataset<Label> classes() {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
        for (double x : X) {
            data.add(new ArrayExample<>(new Label(x < 5 ? "a" : "b"), new String[]{"x", "z"}, new double[]{x, 1}));
        }
        return data;
    }

    private static Prediction<Label> at(Model<Label> model, double x) {
        return model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[]{"x", "z"}, new double[]{x, 1}));
    }

    @Test
    void theKNearestRowsVoteWithTheirShares() throws Exception {
        NeighboursModel<Label> model = new NeighboursTrainer<Label>(3).train(classes());
        // 1.4: the three nearest are 1, 2 and 0, all "a".
        assertThat(at(model, 1.4).getOutputScores().get("a").getScore()).isEqualTo(1.0);
        // 6.1: 10 (3.9), 2 (4.1), 11 (4.9) are nearer than 1 (5.1): two "b", one "a".
        Prediction<Label> middle = at(model, 6.1);
        assertThat(middle.getOutput().getLabel()).isEqualTo("b");
        assertThat(middle.getOutputScores().get("b").getScore()).isCloseTo(2.0 / 3, within(1e-12));
        // The same through the stored form.
        @SuppressWarnings("unchecked")
        Model<Label> back = (Model<Label>) Model.deserialize(ModelProto.parseFrom(model.serialize().toByteArray()));
        assertThat(at(back, 6.1).getOutputScores().get("b").getScore()).isCloseTo(2.0 / 3, within(1e-12));
        // Rows of named columns in another order give the same.
        double[][] shares = model.predict(new String[]{"z", "x"}, new double[][]{{1, 6.1}});
        assertThat(shares[0][model.outputNames().indexOf("b")]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void regressionAveragesTheNeighboursTargets() {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", new RegressionFactory()),
                new RegressionFactory());
        for (double x : X) {
            data.add(new ArrayExample<>(new Regressor("y", 2 * x), new String[]{"x"}, new double[]{x}));
        }
        NeighboursModel<Regressor> model = new NeighboursTrainer<Regressor>(2).train(data);
        double[][] out = model.predict(new String[]{"x"}, new double[][]{{10.4}, {-3}});
        assertThat(out[0][0]).isCloseTo((20 + 22) / 2.0, within(1e-12));
        assertThat(out[1][0]).isCloseTo((0 + 2) / 2.0, within(1e-12));
    }
}
