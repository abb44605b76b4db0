package dev.baton.train.learn;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.protos.RegressionLinearSGDProto;

import java.util.Map;

/**
 * Weights found by Baton's solvers, as Tribuo's own linear models ({@code LinearSGDModel}, a weight row per class
 * or output with the intercept last, softmax for classes): so bundles, the ONNX export and the linear weights in
 * the report read them as before. Tribuo builds these models only in its trainers or from their stored form, so
 * they are built from the stored form, through its public factory.
 */
final class LinearModels {

    private LinearModels() {
    }

    /** A linear classifier: with softmax probabilities, or (for a support vector machine) raw scores. */
    static org.tribuo.classification.sgd.linear.LinearSGDModel classifier(Dataset<Label> data, TrainerProvenance trainer,
                                                                          Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> run,
                                                                          double[][] weights, boolean probabilities) {
        String type = org.tribuo.classification.sgd.linear.LinearSGDModel.class.getName();
        ModelDataCarrier<Label> carrier = carrier(data, trainer, run, type, probabilities);
        ClassificationLinearSGDProto proto = ClassificationLinearSGDProto.newBuilder()
                .setMetadata(carrier.serialize())
                .setParams(new LinearParameters(DenseMatrix.createDenseMatrix(weights)).serialize())
                .setNormalizer((probabilities ? new LogMulticlass().getNormalizer() : new org.tribuo.math.util.NoopNormalizer()).serialize())
                .build();
        try {
            return org.tribuo.classification.sgd.linear.LinearSGDModel.deserializeFromProto(0, type, Any.pack(proto));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static org.tribuo.regression.sgd.linear.LinearSGDModel regressor(Dataset<Regressor> data, TrainerProvenance trainer,
                                                                     Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> run,
                                                                     double[][] weights) {
        String type = org.tribuo.regression.sgd.linear.LinearSGDModel.class.getName();
        ModelDataCarrier<Regressor> carrier = carrier(data, trainer, run, type, false);
        RegressionLinearSGDProto.Builder proto = RegressionLinearSGDProto.newBuilder()
                .setMetadata(carrier.serialize())
                .setParams(new LinearParameters(DenseMatrix.createDenseMatrix(weights)).serialize());
        ImmutableOutputInfo<Regressor> outputs = data.getOutputIDInfo();
        for (int id = 0; id < outputs.size(); id++) {
            proto.addDimensionNames(outputs.getOutput(id).getNames()[0]);
        }
        try {
            return org.tribuo.regression.sgd.linear.LinearSGDModel.deserializeFromProto(0, type, Any.pack(proto.build()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends org.tribuo.Output<T>> ModelDataCarrier<T> carrier(Dataset<T> data, TrainerProvenance trainer,
                                                                              Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> run,
                                                                              String type, boolean probabilities) {
        ImmutableFeatureMap features = data.getFeatureIDMap();
        ModelProvenance provenance = new ModelProvenance(type, OwnTrainer.trainedAt(), data.getProvenance(), trainer, run);
        return new ModelDataCarrier<>("linear-model", provenance, features, data.getOutputIDInfo(), probabilities, Tribuo.VERSION);
    }
}
