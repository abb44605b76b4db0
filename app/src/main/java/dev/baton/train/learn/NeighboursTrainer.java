package dev.baton.train.learn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.util.Map;

/** k nearest neighbours: keeps the training rows ({@link NeighboursModel} does the work when it predicts). */
public final class NeighboursTrainer<T extends Output<T>> extends OwnTrainer<T> {

    @Config(description = "Neighbours that vote or average.")
    private int k = 5;

    private NeighboursTrainer() {
    }

    public NeighboursTrainer(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
    }

    @Override
    public NeighboursModel<T> train(Dataset<T> data) {
        return train(data, Map.of());
    }

    @Override
    public NeighboursModel<T> train(Dataset<T> data, Map<String, Provenance> runProvenance) {
        TrainingData<T> arrays = TrainingData.of(data);
        TrainerProvenance provenance = startTraining().provenance();
        ModelProvenance modelProvenance = new ModelProvenance(NeighboursModel.class.getName(), trainedAt(),
                data.getProvenance(), provenance, runProvenance);
        return new NeighboursModel<>("k-nearest-neighbours", modelProvenance, arrays.features(), arrays.outputs(), k,
                arrays.columns(), arrays.labels(), arrays.targets());
    }

    @Override
    public String toString() {
        return "NeighboursTrainer(k=" + k + ")";
    }
}
