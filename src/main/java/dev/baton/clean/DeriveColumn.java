package dev.baton.clean;

import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.data.ColumnType;
import dev.baton.data.Dataset;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A column computed from an expression, e.g. {@code body_mass_g / 1000} or {@code if(sex == 'male', 1, 0)}.
 * Replaces the column if it exists. The result type is fixed when fitted, so replay gives the same type.
 */
public record DeriveColumn(String name, String expression, ColumnType fittedType) implements Operation {

    public DeriveColumn(String name, String expression) {
        this(name, expression, null);
    }

    @Override
    public String describe() {
        return "Compute " + name + " = " + expression;
    }

    @Override
    public boolean rowWise() {
        return true;
    }

    @Override
    public List<String> inputs() {
        if (expression == null || expression.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(dev.baton.clean.expression.Expression.referencedColumns(expression));
        } catch (dev.baton.clean.expression.ExpressionException e) {
            return List.of(); // compile() reports the problem with its position
        }
    }

    @Override
    public List<String> outputs() {
        return List.of(name.strip());
    }

    @Override
    public void check() {
        Checks.name(name, "the new column's name");
        if (expression == null || expression.isBlank()) {
            throw new StepException(name, "the expression cannot be empty");
        }
    }

    private Expression compile(Dataset input) {
        try {
            return Expression.compile(expression, input);
        } catch (ExpressionException e) {
            throw new StepException(name, e.getMessage());
        }
    }

    @Override
    public DeriveColumn fit(Dataset input) {
        Expression e = compile(input);
        return new DeriveColumn(name, expression, resultType(e, input));
    }

    @Override
    public boolean hasFit() {
        return fittedType != null;
    }

    private static ColumnType resultType(Expression e, Dataset input) {
        return switch (e.type()) {
            case NUMBER -> {
                for (int r = 0; r < input.rowCount(); r++) {
                    Object v = e.evaluate(r);
                    if (v != null && ((Double) v != Math.rint((Double) v) || Math.abs((Double) v) > Integer.MAX_VALUE)) {
                        yield ColumnType.DECIMAL;
                    }
                }
                yield ColumnType.INTEGER;
            }
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE -> ColumnType.DATE;
            case DATETIME -> ColumnType.DATETIME;
            case TEXT, ANY -> ColumnType.TEXT;
        };
    }

    @Override
    public Dataset apply(Dataset input) {
        Expression e = compile(input);
        ColumnType type = fittedType != null ? fittedType : resultType(e, input);
        String column = name.strip();
        Column<?> out = Cells.empty(column, type);
        List<Object> values = new ArrayList<>(input.rowCount());
        for (int r = 0; r < input.rowCount(); r++) {
            Object v = e.evaluate(r);
            if (type == ColumnType.INTEGER && v instanceof Double d && d != Math.rint(d)) {
                v = null;
            }
            if (type.isString() && v != null && !(v instanceof String)) {
                v = Cells.text(v);
            }
            values.add(v);
        }
        for (Object v : values) {
            try {
                Cells.append(out, v);
            } catch (ClassCastException ex) {
                throw new StepException(column, "the expression gave " + v + ", which does not fit the column type " + type.label());
            }
        }
        if (type.isString()) {
            type = TextColumns.typeOf((tech.tablesaw.api.StringColumn) out);
        }
        Edit edit = Edit.of(input);
        return edit.has(column) ? edit.replace(column, out, type).build() : edit.add(out, type, null).build();
    }
}
