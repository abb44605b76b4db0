package dev.baton.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.data.ColumnInfo;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.util.Json;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code profile <data> [--json]}: load a dataset and describe its columns. */
@Command(name = "profile", description = "Load a dataset and print its rows, columns and per-column statistics.")
final class ProfileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DATA", description = "The data file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    ImportOptionsMixin importOptions;

    @Override
    public Integer call() throws Exception {
        Dataset dataset = DatasetReader.read(file, Options.of(spec, importOptions), Progress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(dataset)));
        } else {
            printText(dataset, out);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(Dataset dataset) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("file", dataset.source() == null ? dataset.name() : dataset.source().path());
        root.put("fingerprint", dataset.source() == null ? null : dataset.source().fingerprint());
        root.put("rows", dataset.rowCount());
        root.put("columnCount", dataset.columnCount());
        ArrayNode columns = root.putArray("columns");
        for (ColumnInfo info : dataset.columns()) {
            ObjectNode c = columns.addObject();
            c.put("name", info.name());
            c.put("type", info.type().label());
            c.put("count", dataset.rowCount() - dataset.missingCount(info.name()));
            c.put("missing", dataset.missingCount(info.name()));
            c.put("unparsable", info.unparsable());
        }
        ArrayNode notes = root.putArray("notes");
        dataset.notes().forEach(notes::add);
        return root;
    }

    private static void printText(Dataset dataset, PrintWriter out) {
        out.printf("%s: %,d rows x %d columns%n", dataset.source() == null ? dataset.name() : dataset.source().path(),
                dataset.rowCount(), dataset.columnCount());
        int width = Math.max(6, dataset.columnNames().stream().mapToInt(String::length).max().orElse(6));
        out.printf("%-" + width + "s  %-11s  %9s  %10s%n", "column", "type", "missing", "unparsable");
        for (ColumnInfo info : dataset.columns()) {
            out.printf("%-" + width + "s  %-11s  %,9d  %,10d%n", info.name(), info.type().label(),
                    dataset.missingCount(info.name()), info.unparsable());
        }
        for (String note : dataset.notes()) {
            out.println("note: " + note);
        }
    }
}
