package dev.baton.data;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats Baton imports. */
public enum DataFormat {
    DELIMITED("Delimited text (CSV, TSV)"),
    JSON("JSON (array of records or one record per line)"),
    EXCEL("Excel workbook (.xlsx)"),
    ARFF("Weka ARFF"),
    PARQUET("Apache Parquet");

    private final String description;

    DataFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The format a file name suggests; delimited text when the extension says nothing. */
    public static DataFormat fromFileName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return EXCEL;
        }
        if (name.endsWith(".arff")) {
            return ARFF;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        return DELIMITED;
    }
}
