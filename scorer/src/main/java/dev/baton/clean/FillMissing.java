package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.data.ColumnType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills missing values: with a constant, the mean, median or most frequent value (fitted, so scoring fills with
 * the training value), or the previous or next filled value (forward and backward fill need the whole table,
 * so they run on training data only).
 */
public record FillMissing(List<String> columns, Method method, String value, Map<String, Object> fitted) implements RowOperation {

    public enum Method { CONSTANT, MEAN, MEDIAN, MODE, FORWARD, BACKWARD }

    public FillMissing {
        columns = columns == null ? List.of() : List.copyOf(columns);
        fitted = fitted == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fitted));
    }

    public FillMissing(List<String> columns, Method method, String value) {
        this(columns, method, value, null);
    }

    @Override
    public String describe() {
        String how = switch (method) {
            case CONSTANT -> "'" + value + "'";
            case MEAN -> "the mean";
            case MEDIAN -> "the median";
            case MODE -> "the most frequent value";
            case FORWARD -> "the previous filled value";
            case BACKWARD -> "the next filled value";
        };
        String values = "";
        if (fitted != null && (method == Method.MEAN || method == Method.MEDIAN || method == Method.MODE)) {
            values = fitted.size() == 1 ? " (" + Rows.text(fitted.values().iterator().next()) + ")"
                    : " (" + String.join(", ", fitted.entrySet().stream().map(e -> e.getKey() + ": " + Rows.text(e.getValue())).toList()) + ")";
        }
        return "Fill missing " + Checks.list(columns) + " with " + how + values;
    }

    @Override
    public boolean rowWise() {
        return method != Method.FORWARD && method != Method.BACKWARD;
    }

    @Override
    public List<String> inputs() {
        return columns;
    }

    @Override
    public void check() {
        Checks.notEmpty(columns, "fill");
        if (method == null) {
            throw new StepException(null, "choose how to fill");
        }
        if (method == Method.CONSTANT && (value == null || value.isEmpty())) {
            throw new StepException(columns.get(0), "enter the value to fill with");
        }
    }

    @Override
    public boolean hasFit() {
        return !(method == Method.MEAN || method == Method.MEDIAN || method == Method.MODE) || fitted != null;
    }

    @Override
    public Batch apply(Batch rows) {
        if (!rowWise()) {
            throw new StepException(columns.isEmpty() ? null : columns.get(0), "filling from the previous or next row needs the whole table");
        }
        if (!hasFit()) {
            throw StepException.notFitted(columns.isEmpty() ? null : columns.get(0), "the values to fill with");
        }
        Batch out = rows;
        for (String c : columns) {
            dev.baton.batch.Column column = Rows.column(rows, c);
            String text = method == Method.CONSTANT ? value : Rows.text(fitted.get(c));
            out = out.with(c, constant(c, column, text), null);
        }
        return out;
    }

    private static dev.baton.batch.Column constant(String name, dev.baton.batch.Column column, String text) {
        ColumnType type = column.type();
        if (column instanceof dev.baton.batch.TextColumn texts) {
            String[] out = texts.values().clone();
            for (int r = 0; r < out.length; r++) {
                out[r] = out[r] == null ? text : out[r];
            }
            return new dev.baton.batch.TextColumn(type, out);
        }
        double fill;
        if (type.isNumeric()) {
            try {
                fill = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new StepException(name, "'" + name + "' holds numbers; '" + text + "' is not a number");
            }
        } else {
            fill = dev.baton.data.CellParser.parse(List.of(text), type, null, null)[0];
            if (Double.isNaN(fill)) {
                throw new StepException(name, "'" + text + "' is not a valid " + type.label() + " for '" + name + "'");
            }
        }
        double[] out = ((dev.baton.batch.NumberColumn) column).values().clone();
        for (int r = 0; r < out.length; r++) {
            out[r] = Double.isNaN(out[r]) ? fill : out[r];
        }
        return new dev.baton.batch.NumberColumn(type.isNumeric() ? Rows.numbersLike(type, out) : type, out);
    }
}
