package dev.baton.clean;

import dev.baton.batch.Batch;
import dev.baton.clean.expression.Expression;
import dev.baton.clean.expression.ExpressionException;
import dev.baton.data.ColumnType;

import java.util.List;

/**
 * A column computed from an expression, e.g. {@code body_mass_g / 1000} or {@code if(sex == 'male', 1, 0)}.
 * Replaces the column if it exists. The result type is fixed when fitted, so replay gives the same type.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record DeriveColumn(String name, String expression, ColumnType fittedType, Boolean replace) implements RowOperation {

    public DeriveColumn(String name, String expression) {
        this(name, expression, null, null);
    }

    /** {@code replace}: the new values may take the place of an existing column of that name (else that is an error). */
    public DeriveColumn(String name, String expression, boolean replace) {
        this(name, expression, null, replace ? Boolean.TRUE : null);
    }

    private boolean replaces() {
        return Boolean.TRUE.equals(replace);
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

    @Override
    public boolean hasFit() {
        return fittedType != null;
    }

    @Override
    public Batch apply(Batch rows) {
        String column = name.strip();
        if (rows.has(column) && !replaces()) {
            throw new StepException(name, "there is a column '" + column + "' already: choose another name, or say that the "
                    + "computed values replace it");
        }
        if (fittedType == null) {
            throw StepException.notFitted(name, "the type of the computed values");
        }
        Expression e;
        try {
            e = Expression.compile(expression, rows);
        } catch (ExpressionException ex) {
            throw new StepException(name, ex.getMessage());
        }
        int n = rows.rows();
        dev.baton.batch.Column out;
        if (fittedType.isString()) {
            String[] texts = new String[n];
            for (int r = 0; r < n; r++) {
                Object v = e.evaluate(r);
                texts[r] = v == null ? null : v instanceof String s ? s : Rows.text(v);
            }
            out = Rows.texts(texts);
        } else {
            double[] values = new double[n];
            for (int r = 0; r < n; r++) {
                values[r] = number(column, e.evaluate(r));
            }
            out = new dev.baton.batch.NumberColumn(fittedType, values);
        }
        return rows.with(column, out, null);
    }

    /** A computed value in the fitted type's numeric form; a fraction where an integer was fitted is missing. */
    private double number(String column, Object v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            return switch (fittedType) {
                case INTEGER -> ((Double) v) == Math.rint((Double) v) ? (Double) v : Double.NaN;
                case DECIMAL -> (Double) v;
                case BOOLEAN -> ((Boolean) v) ? 1 : 0;
                case DATE -> (v instanceof java.time.LocalDateTime t ? t.toLocalDate() : (java.time.LocalDate) v).toEpochDay();
                case DATETIME -> dev.baton.batch.NumberColumn.millis(v instanceof java.time.LocalDate d ? d.atStartOfDay() : (java.time.LocalDateTime) v);
                default -> throw new IllegalStateException();
            };
        } catch (ClassCastException ex) {
            throw new StepException(column, "the expression gave " + v + ", which does not fit the column type " + fittedType.label());
        }
    }
}
