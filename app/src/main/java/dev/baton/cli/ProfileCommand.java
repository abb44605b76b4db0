package dev.baton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.explore.Alert;
import dev.baton.explore.AlertSettings;
import dev.baton.explore.ColumnProfile;
import dev.baton.explore.DatasetProfile;
import dev.baton.explore.Exploration;
import dev.baton.data.Dataset;
import dev.baton.data.DatasetReader;
import dev.baton.util.Json;
import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code profile <data> [--full | --json]}: load a dataset and describe its columns. Plain, it is a quick look
 * (types, missing and unparsable values: what the import learns); the full profile with statistics and alerts
 * is there on request.
 */
@Command(name = "profile", description = "Load a dataset and print its rows, columns, and per column its type and "
        + "missing and unparsable values; with --full or --json also the statistics and quality alerts.")
final class ProfileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DATA", arity = "0..1", description = "The data file (or --db with a query).")
    Path file;

    @Option(names = "--json", description = "Print the full profile and the alerts as JSON.")
    boolean json;

    @Option(names = "--full", description = "Also print every column's statistics and the quality alerts "
            + "(computes the full profile: slower on large data).")
    boolean full;

    @Mixin
    ImportOptionsMixin importOptions;

    @Mixin
    QueryOptionsMixin queryOptions;

    @Override
    public Integer call() throws Exception {
        boolean quickLook = !json && !full;
        // The quick look does not show the file's SHA-256, so it does not compute it.
        Dataset dataset = QueryOptionsMixin.read(spec, file, importOptions, queryOptions, quickLook);
        PrintWriter out = spec.commandLine().getOut();
        if (quickLook) {
            printSummary(dataset, out);
            out.flush();
            return 0;
        }
        // The columns' JSON is built while the correlations run: they leave a core idle for part of their time.
        CompletableFuture<List<JsonNode>> columns = new CompletableFuture<>();
        Exploration exploration = Exploration.forAlerts(dataset, AlertSettings.defaults(), Progress.NONE, profile -> {
            if (json) {
                columns.completeAsync(() -> columnTrees(profile), Parallel.pool());
            }
        });
        if (json) {
            out.println(Json.mapper().writeValueAsString(toJson(dataset, exploration, columns.join())));
        } else {
            printText(dataset, exploration, out);
        }
        out.flush();
        return 0;
    }

    static ObjectNode toJson(Dataset dataset, Exploration exploration) {
        return toJson(dataset, exploration, columnTrees(exploration.profile()));
    }

    private static List<JsonNode> columnTrees(DatasetProfile profile) {
        List<JsonNode> trees = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            trees.add(Json.mapper().valueToTree(c));
        }
        return trees;
    }

    private static ObjectNode toJson(Dataset dataset, Exploration exploration, List<JsonNode> columnTrees) {
        ObjectNode root = Json.mapper().createObjectNode();
        if (dataset.source() instanceof dev.baton.data.QuerySource q) {
            root.put("database", q.connection().describe()).put("query", q.sql()).put("readAt", q.readAt().toString());
        } else {
            root.put("file", dataset.source() == null ? dataset.name() : dataset.source().path());
        }
        root.put("fingerprint", dataset.source() == null ? null : dataset.source().fingerprint());
        DatasetProfile p = exploration.profile();
        root.put("rows", p.rows());
        root.put("columnCount", p.columnCount());
        root.put("missingCells", p.missingCells());
        root.put("duplicateRows", p.duplicateRows());
        root.put("memoryBytes", p.memoryBytes());
        root.putArray("columns").addAll(columnTrees);
        root.set("alerts", Json.mapper().valueToTree(exploration.alerts()));
        ArrayNode notes = root.putArray("notes");
        dataset.notes().forEach(notes::add);
        return root;
    }

    /** What the import learned: no statistic that needs another pass over the data. */
    private static void printSummary(Dataset dataset, PrintWriter out) {
        out.printf("%s: %,d rows x %d columns, %,d missing cells%n", dataset.source() == null ? dataset.name()
                : dataset.source().path(), dataset.rowCount(), dataset.columnCount(), dataset.missingCells());
        int width = Math.max(6, dataset.columnNames().stream().mapToInt(String::length).max().orElse(6));
        out.printf("%-" + width + "s  %-11s  %9s  %10s%n", "column", "type", "missing", "unparsable");
        for (String name : dataset.columnNames()) {
            dev.baton.data.ColumnInfo info = dataset.info(name);
            out.printf("%-" + width + "s  %-11s  %,9d  %,10d%n", name, info.type().label(), dataset.missingCount(name),
                    info.unparsable());
        }
        for (String note : dataset.notes()) {
            out.println("note: " + note);
        }
        out.println("Statistics and quality alerts: add --full, or --json for the full profile as JSON.");
    }

    private static void printText(Dataset dataset, Exploration exploration, PrintWriter out) {
        DatasetProfile p = exploration.profile();
        out.printf("%s: %,d rows x %d columns, %,d missing cells, %,d duplicate rows%n",
                dataset.source() == null ? dataset.name() : dataset.source().path(), p.rows(), p.columnCount(), p.missingCells(), p.duplicateRows());
        int width = Math.max(6, dataset.columnNames().stream().mapToInt(String::length).max().orElse(6));
        out.printf("%-" + width + "s  %-11s  %9s  %10s  %9s  %12s  %12s  %12s  %12s  %12s%n",
                "column", "type", "missing", "unparsable", "distinct", "mean", "std", "min", "median", "max");
        for (ColumnProfile c : p.columns()) {
            out.printf("%-" + width + "s  %-11s  %,9d  %,10d  %,9d  %12s  %12s  %12s  %12s  %12s%n", c.name(), c.type().label(),
                    c.missing(), c.unparsable(), c.distinct(), num(c.mean()), num(c.std()),
                    c.min() != null ? num(c.min()) : c.first() != null ? c.first() : "", num(c.median()),
                    c.max() != null ? num(c.max()) : c.last() != null ? c.last() : "");
        }
        if (!exploration.alerts().isEmpty()) {
            out.println();
            out.println("alerts:");
            for (Alert a : exploration.alerts()) {
                out.println("  " + a.kind().label() + ": " + a.message() + (a.fixLabel() == null ? "" : " (fix: " + a.fixLabel() + ")"));
            }
        }
        for (String note : dataset.notes()) {
            out.println("note: " + note);
        }
    }

    private static String num(Double v) {
        if (v == null) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString(v.longValue());
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
