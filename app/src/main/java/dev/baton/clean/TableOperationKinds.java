package dev.baton.clean;

import java.util.LinkedHashMap;
import java.util.Map;

/** The whole-table steps by their names in recipe files: the workbench adds them to the row-wise ones. */
public final class TableOperationKinds implements OperationKinds {

    @Override
    public Map<String, Class<? extends Operation>> kinds() {
        Map<String, Class<? extends Operation>> kinds = new LinkedHashMap<>();
        kinds.put("drop-missing-rows", DropMissingRows.class);
        kinds.put("filter-rows", FilterRows.class);
        kinds.put("remove-duplicates", RemoveDuplicates.class);
        kinds.put("sample-rows", SampleRows.class);
        kinds.put("sort-rows", SortRows.class);
        kinds.put("remove-outliers", RemoveOutliers.class);
        return kinds;
    }
}
