package dev.baton.data;

import dev.baton.util.Parallel;
import dev.baton.util.Progress;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Types every column of a {@link FieldGrid}, in parallel, and assembles the table. */
final class GridTables {

    /** A type a file format declares for a column (ARFF); NUMERIC lets the values choose integer or decimal. */
    enum Declared { NUMERIC }

    /** The typed table, its schema, notes for the user, and each column's count of missing values. */
    record Typed(Table table, List<ColumnInfo> columns, List<String> notes, int[] missing) {

        /** The dataset of this table, knowing its missing counts already. */
        Dataset dataset(String name, DataSource source, List<String> allNotes) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                counts.put(columns.get(c).name(), missing[c]);
            }
            return new Dataset(name, table, columns, source, allNotes, counts);
        }
    }

    private GridTables() {
    }

    static Typed type(String tableName, FieldGrid grid, List<String> names, ImportOptions options,
                      Map<String, Object> declared, Progress progress) {
        TablesawInit.await();
        int n = names.size();
        Column<?>[] columns = new Column<?>[n];
        ColumnInfo[] infos = new ColumnInfo[n];
        String[] readings = new String[n];
        int[] missingCounts = new int[n];
        MissingTokens missing = new MissingTokens(options.missingTokens());
        boolean[] undeclared = new boolean[n];
        for (int c = 0; c < n; c++) {
            undeclared[c] = !options.types().containsKey(names.get(c)) && !declared.containsKey(names.get(c));
        }
        CellScan.Cells[] cells = new CellScan(grid, missing).scan(undeclared, progress);
        // Columns the scan read as numbers are nearly done: the others (text, dates, yes/no) go first, so that
        // the cores do not end with one of them left alone on one core.
        int[] order = java.util.stream.IntStream.range(0, n)
                .boxed().sorted(java.util.Comparator.comparing(c -> cells[c] != null && cells[c].numbers() != null))
                .mapToInt(Integer::intValue).toArray();
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(n, i -> {
            int c = order[i];
            progress.checkCancelled();
            String name = names.get(c);
            ColumnType override = options.types().get(name);
            Object declaredType = declared.get(name);
            // One typer per column: it keeps the column's cells while it tries types.
            ColumnTyper typer = new ColumnTyper(grid, missing);
            ColumnTyper.Typed typed;
            if (override == null && declaredType == Declared.NUMERIC) {
                typed = typer.buildNumeric(c, name, cells[c]);
            } else if (override == null && declaredType instanceof ColumnType t) {
                typed = typer.build(c, name, t, cells[c]);
            } else {
                typed = typer.build(c, name, override, cells[c]);
            }
            columns[c] = typed.column();
            infos[c] = typed.info();
            readings[c] = typed.note();
            missingCounts[c] = typed.missing();
            progress.update(done.incrementAndGet(), n, "Typing columns");
        });
        List<String> notes = new ArrayList<>();
        for (String unknown : options.types().keySet()) {
            if (!names.contains(unknown)) {
                notes.add("The type chosen for column '" + unknown + "' was not used: the file has no such column.");
            }
        }
        for (String reading : readings) {
            if (reading != null) {
                notes.add(reading);
            }
        }
        for (ColumnInfo info : infos) {
            if (info.unparsable() > 0) {
                notes.add(String.format("%,d", info.unparsable()) + " value" + (info.unparsable() == 1 ? "" : "s")
                        + " in '" + info.name() + "' did not fit the type " + info.type().label()
                        + " and " + (info.unparsable() == 1 ? "is" : "are") + " now missing, for example " + info.examples().get(0) + ".");
            }
        }
        Table table = Table.create(tableName);
        table.addColumns(columns);
        return new Typed(table, List.of(infos), notes, missingCounts);
    }
}
