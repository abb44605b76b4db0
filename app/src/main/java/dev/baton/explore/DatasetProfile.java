package dev.baton.explore;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** The profile of a whole dataset: its size, quality figures and every column's profile. */
@JsonPropertyOrder({"name", "rows", "columnCount", "missingCells", "missingCellsPercent", "duplicateRows", "memoryBytes", "types", "columns"})
public record DatasetProfile(String name, int rows, int columnCount, long missingCells, double missingCellsPercent,
                             long duplicateRows, long memoryBytes, Map<String, Integer> types, List<ColumnProfile> columns) {

    public ColumnProfile column(String columnName) {
        for (ColumnProfile c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No column named '" + columnName + "'");
    }
}
