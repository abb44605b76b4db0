package dev.baton.batch;

import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.TypeConversion;

import java.util.LinkedHashMap;
import java.util.Map;

/** A workbench dataset as a batch, cell by cell through the texts import would read back: for comparing the two paths. */
public final class Batches {

    private Batches() {
    }

    public static Batch of(Dataset data) {
        Map<String, Column> columns = new LinkedHashMap<>();
        int n = data.rowCount();
        for (ColumnInfo info : data.columns()) {
            var source = data.column(info.name());
            ColumnType type = info.type();
            if (type.isString()) {
                String[] texts = new String[n];
                for (int r = 0; r < n; r++) {
                    texts[r] = TypeConversion.text(source, r);
                }
                columns.put(info.name(), new TextColumn(type, texts));
            } else {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    values[r] = source.isMissing(r) ? Double.NaN : switch (type) {
                        case DATE -> ((java.time.LocalDate) source.get(r)).toEpochDay();
                        case DATETIME -> NumberColumn.millis((java.time.LocalDateTime) source.get(r));
                        case BOOLEAN -> ((Boolean) source.get(r)) ? 1 : 0;
                        default -> ((Number) source.get(r)).doubleValue();
                    };
                }
                columns.put(info.name(), new NumberColumn(type, values));
            }
        }
        return Batch.of(n, columns);
    }
}
