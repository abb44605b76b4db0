package dev.baton.clean;

import java.util.LinkedHashMap;
import java.util.Map;

/** The row-wise steps by their names in recipe files: the ones a bundle may carry. */
public final class RowOperationKinds implements OperationKinds {

    @Override
    public Map<String, Class<? extends Operation>> kinds() {
        Map<String, Class<? extends Operation>> kinds = new LinkedHashMap<>();
        kinds.put("drop-columns", DropColumns.class);
        kinds.put("keep-columns", KeepColumns.class);
        kinds.put("rename-column", RenameColumn.class);
        kinds.put("reorder-columns", ReorderColumns.class);
        kinds.put("change-type", ChangeType.class);
        kinds.put("split-column", SplitColumn.class);
        kinds.put("extract", ExtractText.class);
        kinds.put("combine-columns", CombineColumns.class);
        kinds.put("derive-column", DeriveColumn.class);
        kinds.put("fill-missing", FillMissing.class);
        kinds.put("missing-indicator", MissingIndicator.class);
        kinds.put("trim", TrimText.class);
        kinds.put("change-case", ChangeCase.class);
        kinds.put("replace-text", ReplaceText.class);
        kinds.put("map-values", MapValues.class);
        kinds.put("merge-rare", MergeRare.class);
        kinds.put("merge-values", MergeValues.class);
        kinds.put("clip", Clip.class);
        kinds.put("round", RoundNumbers.class);
        kinds.put("bin", BinNumbers.class);
        kinds.put("log-transform", LogTransform.class);
        kinds.put("standardize", Standardize.class);
        kinds.put("parse-date", ParseDate.class);
        kinds.put("date-part", DatePart.class);
        return kinds;
    }
}
