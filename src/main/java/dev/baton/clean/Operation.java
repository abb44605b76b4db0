package dev.baton.clean;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

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
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DropColumns.class, name = "drop-columns"),
    @JsonSubTypes.Type(value = KeepColumns.class, name = "keep-columns"),
    @JsonSubTypes.Type(value = RenameColumn.class, name = "rename-column"),
    @JsonSubTypes.Type(value = ReorderColumns.class, name = "reorder-columns"),
    @JsonSubTypes.Type(value = ChangeType.class, name = "change-type"),
    @JsonSubTypes.Type(value = SplitColumn.class, name = "split-column"),
    @JsonSubTypes.Type(value = ExtractText.class, name = "extract"),
    @JsonSubTypes.Type(value = CombineColumns.class, name = "combine-columns"),
    @JsonSubTypes.Type(value = DeriveColumn.class, name = "derive-column"),
    @JsonSubTypes.Type(value = DropMissingRows.class, name = "drop-missing-rows"),
    @JsonSubTypes.Type(value = FillMissing.class, name = "fill-missing"),
    @JsonSubTypes.Type(value = MissingIndicator.class, name = "missing-indicator"),
    @JsonSubTypes.Type(value = FilterRows.class, name = "filter-rows"),
    @JsonSubTypes.Type(value = RemoveDuplicates.class, name = "remove-duplicates"),
    @JsonSubTypes.Type(value = SampleRows.class, name = "sample-rows"),
    @JsonSubTypes.Type(value = SortRows.class, name = "sort-rows"),
    @JsonSubTypes.Type(value = TrimText.class, name = "trim"),
    @JsonSubTypes.Type(value = ChangeCase.class, name = "change-case"),
    @JsonSubTypes.Type(value = ReplaceText.class, name = "replace-text"),
    @JsonSubTypes.Type(value = MapValues.class, name = "map-values"),
    @JsonSubTypes.Type(value = MergeRare.class, name = "merge-rare"),
    @JsonSubTypes.Type(value = MergeValues.class, name = "merge-values"),
    @JsonSubTypes.Type(value = Clip.class, name = "clip"),
    @JsonSubTypes.Type(value = RemoveOutliers.class, name = "remove-outliers"),
    @JsonSubTypes.Type(value = RoundNumbers.class, name = "round"),
    @JsonSubTypes.Type(value = BinNumbers.class, name = "bin"),
    @JsonSubTypes.Type(value = LogTransform.class, name = "log-transform"),
    @JsonSubTypes.Type(value = Standardize.class, name = "standardize"),
    @JsonSubTypes.Type(value = ParseDate.class, name = "parse-date"),
    @JsonSubTypes.Type(value = DatePart.class, name = "date-part"),
})
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
