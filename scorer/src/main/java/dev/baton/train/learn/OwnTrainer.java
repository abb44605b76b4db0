package dev.baton.train.learn;

import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every Baton learner does as a Tribuo trainer: counts its training calls and describes itself by its
 * {@code @Config} fields in the provenance.
 */
abstract class OwnTrainer<T extends Output<T>> implements Trainer<T> {

    /** One training call: the trainer's provenance as it was called, and which call it is (from 0). */
    record Invocation(TrainerProvenance provenance, int number) {
    }

    private int invocations;

    /** Records a training call; the provenance and the count are taken together, so concurrent calls stay apart. */
    protected final synchronized Invocation startTraining() {
        return new Invocation(getProvenance(), invocations++);
    }

    /** The training time in a model's provenance: now, or SOURCE_DATE_EPOCH when set (reproducible builds). */
    static OffsetDateTime trainedAt() {
        return OffsetDateTime.ofInstant(dev.baton.util.SourceDate.now(), ZoneOffset.UTC);
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocations;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The invocation count cannot be negative");
        }
        invocations = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
