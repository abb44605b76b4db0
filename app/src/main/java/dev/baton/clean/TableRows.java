package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.batch.NumberColumn;
import dev.baton.batch.TextColumn;
import dev.baton.batch.UnreadColumn;
import dev.baton.data.ColumnInfo;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import dev.baton.data.Numbers;
import dev.baton.data.PackedDates;
import dev.baton.data.TypeConversion;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a row-wise step on the workbench's table through the code that scores bundles: the columns it reads become a
 * {@link Batch} (the others stand in unread), the step applies, and what it made becomes table columns again. So a
 * step does exactly the same to the training data as to the rows a bundle scores: there is one implementation.
 */
public final class TableRows {

    private TableRows() {
    }

    static Dataset apply(RowOperation op, Dataset data) {
        Set<String> read = Set.copyOf(op.inputs());
        int n = data.rowCount();
        Map<String, dev.baton.batch.Column> columns = new LinkedHashMap<>();
        // Which batch column came from which table column: a step that renames or moves one passes the same object on.
        Map<dev.baton.batch.Column, String> sources = new IdentityHashMap<>();
        for (ColumnInfo info : data.columns()) {
            String name = info.name();
            dev.baton.batch.Column c = read.contains(name) ? toBatch(data.column(name), info.type()) : new UnreadColumn(name, info.type(), n);
            columns.put(name, c);
            sources.put(c, name);
        }
        Batch out = op.apply(Batch.of(n, columns));
        List<Column<?>> table = new ArrayList<>();
        List<ColumnInfo> infos = new ArrayList<>();
        for (Map.Entry<String, dev.baton.batch.Column> e : out.columns().entrySet()) {
            String name = e.getKey();
            String source = sources.get(e.getValue());
            if (source != null) {
                Column<?> kept = data.column(source);
                table.add(name.equals(source) ? kept : kept.copy().setName(name));
                infos.add(name.equals(source) ? data.info(source) : data.info(source).withName(name));
            } else {
                Column<?> made = toTable(name, e.getValue());
                table.add(made);
                infos.add(info(op, data, name, made, e.getValue()));
            }
        }
        Table result = Table.create(data.table().name());
        result.addColumns(table.toArray(Column<?>[]::new));
        return data.with(result, infos);
    }

    /** A new or changed column's info: its type as the step gave it; a type change also counts the values that did not fit. */
    private static ColumnInfo info(RowOperation op, Dataset data, String name, Column<?> made, dev.baton.batch.Column values) {
        if (op instanceof ChangeType change && change.column().equals(name)) {
            Column<?> before = data.column(name);
            long failed = 0;
            List<ColumnInfo.BadValue> examples = new ArrayList<>();
            for (int r = 0; r < made.size(); r++) {
                if (!before.isMissing(r) && made.isMissing(r)) {
                    failed++;
                    if (examples.size() < 5) {
                        examples.add(new ColumnInfo.BadValue(r + 1, TypeConversion.text(before, r)));
                    }
                }
            }
            return new ColumnInfo(name, values.type(), failed, examples);
        }
        return ColumnInfo.of(name, values.type());
    }

    /** Columns of a dataset as a batch, typed as the scorer types them. */
    public static dev.baton.batch.Batch batch(Dataset data, java.util.List<String> names) {
        java.util.Map<String, dev.baton.batch.Column> columns = new java.util.LinkedHashMap<>();
        for (String name : names) {
            columns.put(name, toBatch(data.column(name), data.type(name)));
        }
        return dev.baton.batch.Batch.of(data.rowCount(), columns);
    }

    /** A table column as a batch column: numbers, yes/no and dates as numbers, text as text. */
    static dev.baton.batch.Column toBatch(Column<?> column, ColumnType type) {
        int n = column.size();
        if (type.isString()) {
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                texts[r] = column.isMissing(r) ? null : column.getString(r);
            }
            return new TextColumn(type, texts);
        }
        double[] values;
        if (column instanceof DateColumn dates) {
            values = new double[n];
            for (int r = 0; r < n; r++) {
                values[r] = dates.isMissing(r) ? Double.NaN : PackedDates.epochDay(dates.getIntInternal(r));
            }
        } else if (column instanceof DateTimeColumn times) {
            values = new double[n];
            for (int r = 0; r < n; r++) {
                values[r] = times.isMissing(r) ? Double.NaN : PackedDates.epochMillis(times.getLongInternal(r));
            }
        } else {
            values = Numbers.of(column);
        }
        return new NumberColumn(type, values);
    }

    /** A batch column as the table column of its type: integers as int when they fit (long otherwise). */
    static Column<?> toTable(String name, dev.baton.batch.Column column) {
        if (column instanceof TextColumn texts) {
            return TextColumns.build(name, texts.size(), texts::get);
        }
        NumberColumn numbers = (NumberColumn) column;
        double[] v = numbers.values();
        return switch (column.type()) {
            case INTEGER -> integers(name, v);
            case BOOLEAN -> {
                BooleanColumn out = BooleanColumn.create(name);
                for (double x : v) {
                    if (Double.isNaN(x)) {
                        out.appendMissing();
                    } else {
                        out.append(x != 0);
                    }
                }
                yield out;
            }
            case DATE -> {
                DateColumn out = DateColumn.create(name);
                for (double x : v) {
                    if (Double.isNaN(x)) {
                        out.appendMissing();
                    } else {
                        out.append(LocalDate.ofEpochDay((long) x));
                    }
                }
                yield out;
            }
            case DATETIME -> {
                DateTimeColumn out = DateTimeColumn.create(name);
                for (double x : v) {
                    if (Double.isNaN(x)) {
                        out.appendMissing();
                    } else {
                        out.append(NumberColumn.dateTime(x));
                    }
                }
                yield out;
            }
            default -> DoubleColumn.create(name, v);
        };
    }

    private static Column<?> integers(String name, double[] v) {
        boolean fitsInt = true;
        for (double x : v) {
            fitsInt &= Double.isNaN(x) || x > Integer.MIN_VALUE && x <= Integer.MAX_VALUE;
        }
        if (fitsInt) {
            int[] ints = new int[v.length];
            for (int r = 0; r < v.length; r++) {
                ints[r] = Double.isNaN(v[r]) ? Integer.MIN_VALUE : (int) v[r];
            }
            return IntColumn.create(name, ints);
        }
        long[] longs = new long[v.length];
        for (int r = 0; r < v.length; r++) {
            longs[r] = Double.isNaN(v[r]) ? Long.MIN_VALUE : (long) v[r];
        }
        return LongColumn.create(name, longs);
    }
}
