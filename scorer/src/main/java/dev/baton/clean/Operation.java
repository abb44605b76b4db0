package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

import java.util.List;

/**
 * One cleaning step as data: its parameters and the values it fitted from data. Applying it gives a new
 * dataset and never changes the one it was given, so undo is just going back to the earlier dataset: no
 * operation can forget to register its undo.
 *
 * <p>A row-wise step ({@link RowOperation}) transforms each row on its own, and also applies when a model scores
 * new rows; a table-wise step ({@link TableOperation}) needs the whole table (filtering, de-duplication) and runs
 * on training data only. {@link Steps} fits and applies either to the workbench's table.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "op")
@JsonTypeIdResolver(OperationTypeIds.class)
public interface Operation {

    /** What the step does, in plain words, with its fitted values when it has them. */
    String describe();

    /** True when the step also applies to single rows at scoring time; false for training-data-only steps. */
    boolean rowWise();

    /** The columns the step reads. */
    List<String> inputs();

    /**
     * The columns the step writes: new ones it creates and ones it changes in place. Steps that only drop, keep
     * or reorder columns write none. With {@link #inputs()} this gives the lineage the model bundle uses to keep
     * only the steps the model's features need.
     */
    default List<String> outputs() {
        return inputs();
    }

    /** True for steps that only change the order of rows: their change is reported as such, not cell by cell. */
    default boolean reordersRows() {
        return false;
    }

    /** Checks the parameters on their own; throws {@link StepException} naming what is wrong. */
    default void check() {
    }

    /** Whether the step holds its fitted values (or needs none). */
    default boolean hasFit() {
        return true;
    }
}
