package dev.baton.testing;

import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.data.ImportOptions;
import dev.baton.data.TypeConversion;
import dev.baton.util.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiny tables for tests, written as CSV text and read the way a user's file would be. */
public final class Tables {

    private Tables() {
    }

    public static Dataset csv(String text) {
        try {
            Path file = Files.createTempFile("baton-test", ".csv");
            Files.writeString(file, text);
            try {
                return DatasetReader.read(file, ImportOptions.detect(), Progress.NONE).withName("t");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as text rows (header first, missing as "NA"), for readable comparisons. */
    public static List<String> rows(Dataset d) {
        List<String> out = new ArrayList<>();
        out.add(String.join(",", d.columnNames()));
        for (int r = 0; r < d.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (String c : d.columnNames()) {
                String t = TypeConversion.text(d.column(c), r);
                cells.add(t == null ? "NA" : t);
            }
            out.add(String.join(",", cells));
        }
        return out;
    }

    public static void assertSameTable(Dataset actual, Dataset expected) {
        assertThat(rows(actual)).containsExactlyElementsOf(rows(expected));
        assertThat(actual.columns().stream().map(ColumnInfo::type).toList())
                .as("column types").containsExactlyElementsOf(expected.columns().stream().map(ColumnInfo::type).toList());
    }
}
