package dev.baton.clean;

import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import tech.tablesaw.columns.Column;

import java.util.function.DoubleUnaryOperator;

/** Applies a function to every filled number of a column; NaN results are missing. */
final class NumberMap {

    private NumberMap() {
    }

    static double[] map(Column<?> source, DoubleUnaryOperator f) {
        double[] out = new double[source.size()];
        for (int r = 0; r < out.length; r++) {
            double v = Cells.number(source, r);
            out[r] = Double.isNaN(v) ? Double.NaN : f.applyAsDouble(v);
            if (Double.isInfinite(out[r])) {
                out[r] = Double.NaN;
            }
        }
        return out;
    }

    /** Replaces a numeric column (or adds the result as {@code into}), keeping integers integer when the results are whole. */
    static Dataset apply(Dataset input, String column, String into, String operation, boolean keepIntegers, DoubleUnaryOperator f) {
        Checks.numeric(input, column, operation);
        Column<?> source = input.column(column);
        double[] values = map(source, f);
        String name = into == null || into.isBlank() ? column : into.strip();
        Column<?> out = keepIntegers ? Cells.numbersLike(source, name, values) : Cells.doubles(name, values);
        ColumnType type = Cells.numericTypeOf(out);
        Edit edit = Edit.of(input);
        return name.equals(column) ? edit.replace(column, out, type).build() : edit.add(out, type, column).build();
    }
}
